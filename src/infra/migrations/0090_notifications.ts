import { sql, type Kysely } from 'kysely';

/**
 * Notifications (notifications module): one row per (user, dedupe key), so an event delivered twice
 * or a job run by two workers creates one notification. `in_app` is false when the user switched the
 * category off in the app: the row still records that the notification happened. Settings hold only
 * what a user changed; a missing row means the defaults (marketing off, the rest on).
 *
 * The mail queue (mail module) learns whose mail a row is and its category, for the daily cap on
 * non-transactional mail and the unsubscribe link.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      type text NOT NULL,
      category text NOT NULL CHECK (category IN ('booking', 'reminders', 'alerts', 'marketing')),
      dedupe_key text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      link text,
      in_app boolean NOT NULL DEFAULT true,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, dedupe_key)
    )`.execute(db);
  await sql`CREATE INDEX notifications_user_newest ON notifications (user_id, created_at DESC, id) WHERE in_app`.execute(
    db,
  );
  await sql`CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE in_app AND read_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX notifications_created ON notifications (created_at)`.execute(db);
  await sql`
    CREATE TABLE notification_settings (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      email_reminders boolean NOT NULL DEFAULT true,
      email_alerts boolean NOT NULL DEFAULT true,
      email_marketing boolean NOT NULL DEFAULT false,
      in_app_booking boolean NOT NULL DEFAULT true,
      in_app_reminders boolean NOT NULL DEFAULT true,
      in_app_alerts boolean NOT NULL DEFAULT true,
      in_app_marketing boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`ALTER TABLE mail_queue ADD COLUMN user_id uuid, ADD COLUMN category text`.execute(db);
  await sql`CREATE INDEX mail_queue_user_category ON mail_queue (user_id, created_at) WHERE category IS NOT NULL`.execute(
    db,
  );
}
