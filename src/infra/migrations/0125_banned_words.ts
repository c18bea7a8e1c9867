import { sql, type Kysely } from 'kysely';

/**
 * The banned-words list an admin edits (moderation module). A word is kept in its matching form
 * (NFKC, lower case, no spaces, punctuation or zero-width characters: src/modules/moderation/
 * banned-words.ts), so one spelling is one row. Seeded with a short list of common profanity.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE banned_words (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      word text NOT NULL UNIQUE CHECK (char_length(word) BETWEEN 1 AND 50),
      added_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    INSERT INTO banned_words (word) VALUES
      ('씨발'), ('개새끼'), ('병신'), ('좆같'), ('fuck'), ('shit'), ('bitch'), ('asshole')`.execute(db);
}
