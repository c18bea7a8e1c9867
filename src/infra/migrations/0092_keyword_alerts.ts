import { sql, type Kysely } from 'kysely';

/**
 * Keyword alerts (keyword-alerts module): up to 20 words per user, each kept as typed (`keyword`) and
 * as matched (`normalized`: NFC, lower case, no spaces). One row per (user, normalized word), so
 * "레미제라블" and "레미 제라블" are the same alert. A published performance is matched by looking up
 * every substring of its title, cast and venue in `keyword_alerts_match` (an index probe, not a scan
 * of every alert).
 *
 * The mail queue (mail module) remembers when a failed notification mail was queued once more
 * (`resent_at`), so the housekeeping job resends each at most once; the partial index finds the
 * failed notification rows without touching the rest of the queue.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE keyword_alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      keyword text NOT NULL,
      normalized text NOT NULL CHECK (length(normalized) BETWEEN 1 AND 30),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, normalized)
    )`.execute(db);
  await sql`CREATE INDEX keyword_alerts_match ON keyword_alerts (normalized, user_id)`.execute(db);
  await sql`ALTER TABLE mail_queue ADD COLUMN resent_at timestamptz`.execute(db);
  await sql`
    CREATE INDEX mail_queue_failed_notifications ON mail_queue (finished_at)
    WHERE status = 'failed' AND user_id IS NOT NULL AND resent_at IS NULL`.execute(db);
}
