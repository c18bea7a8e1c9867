import { sql, type Kysely } from 'kysely';

/**
 * Refresh tokens, stored as SHA-256 hashes (a database leak yields no usable token). Every login
 * starts a family; each refresh marks the presented token used and adds its successor to the same
 * family. Presenting a used token again means it was stolen or replayed: the whole family is revoked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      family_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz,
      CONSTRAINT refresh_tokens_expiry_after_creation CHECK (expires_at > created_at)
    )`.execute(db);
  await sql`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`.execute(db);
  await sql`CREATE INDEX refresh_tokens_live_by_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL`.execute(
    db,
  );
}
