import { sql, type Kysely } from 'kysely';

/**
 * Notification mail still queued when its user turns that kind of mail off (settings or an
 * unsubscribe link) finishes as `withdrawn`, unsent: the choice holds from the moment it is made,
 * not from the next mail queued.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE mail_queue DROP CONSTRAINT mail_queue_status_check`.execute(db);
  await sql`
    ALTER TABLE mail_queue ADD CONSTRAINT mail_queue_status_check
      CHECK (status IN ('pending', 'sent', 'failed', 'no_recipient', 'capped', 'withdrawn'))`.execute(db);
  await sql`
    CREATE INDEX mail_queue_user_pending ON mail_queue (user_id, category)
      WHERE status = 'pending'`.execute(db);
}
