import { sql, type Kysely } from 'kysely';

/**
 * The daily cap on notification mail (mail module): a row over its user's cap for the Korean day
 * finishes as `capped` without being sent, and the sender counts what each user was sent today
 * from a partial index on the sent, non-transactional rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE mail_queue DROP CONSTRAINT mail_queue_status_check`.execute(db);
  await sql`
    ALTER TABLE mail_queue ADD CONSTRAINT mail_queue_status_check
      CHECK (status IN ('pending', 'sent', 'failed', 'no_recipient', 'capped'))`.execute(db);
  await sql`
    CREATE INDEX mail_queue_user_sent ON mail_queue (user_id, finished_at)
      WHERE status = 'sent' AND category <> 'booking'`.execute(db);
}
