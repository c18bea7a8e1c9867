import { sql, type Kysely } from 'kysely';

/**
 * Account recovery: password-reset tokens (auth module; only their sha256 is stored) and the mail
 * queue (mail module) that the worker renders and sends, so a request never waits on SMTP.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE password_reset_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)`.execute(db);
  await sql`
    CREATE TABLE mail_queue (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      template text NOT NULL,
      lang text NOT NULL CHECK (lang IN ('ko', 'en')),
      to_address text,
      data jsonb,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sent', 'failed', 'no_recipient')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX mail_queue_due_idx ON mail_queue (next_attempt_at) WHERE status = 'pending'`.execute(
    db,
  );
}
