import { sql, type Kysely } from 'kysely';

/**
 * Social sign-in: the provider accounts (Kakao, Naver, Google) linked to our accounts. One provider
 * account belongs to one of ours, and an account links each provider at most once. An account made
 * through a provider has no password until it sets one, so users.password_hash becomes optional.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`.execute(db);
  await sql`
    CREATE TABLE user_identities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      provider text NOT NULL CHECK (provider IN ('kakao', 'naver', 'google')),
      subject text NOT NULL,
      email text,
      email_verified boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT user_identities_provider_subject_key UNIQUE (provider, subject),
      CONSTRAINT user_identities_user_provider_key UNIQUE (user_id, provider)
    )`.execute(db);
}
