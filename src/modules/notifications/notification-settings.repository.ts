import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { SettingsRow } from './notifications.repository.ts';
import './notifications.tables.ts';

/** The stored columns a change may set (booking mail has none: it cannot be turned off). */
export type SettingsColumn =
  | 'email_reminders'
  | 'email_alerts'
  | 'email_marketing'
  | 'in_app_booking'
  | 'in_app_reminders'
  | 'in_app_alerts'
  | 'in_app_marketing';

/** One user's notification settings row, stateless like the other repositories. */
export class NotificationSettingsRepository {
  async get(db: DbOrTx, userId: string): Promise<SettingsRow | undefined> {
    return db
      .selectFrom('notification_settings')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /**
   * Sets the given columns, creating the row with the defaults for the rest when the user has none;
   * returns the row as it now stands.
   */
  async upsert(
    db: DbOrTx,
    userId: string,
    changes: Partial<Record<SettingsColumn, boolean>>,
    now: Date,
  ): Promise<SettingsRow> {
    const set = { ...changes, updated_at: now };
    return db
      .insertInto('notification_settings')
      .values({ user_id: userId, ...set })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(set))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Keeps the row untouched when the value is already what is asked (an unsubscribe clicked twice). */
  async turnOff(db: DbOrTx, userId: string, column: SettingsColumn, now: Date): Promise<void> {
    await sql`
      INSERT INTO notification_settings (user_id, ${sql.ref(column)}, updated_at)
      VALUES (${userId}, false, ${now})
      ON CONFLICT (user_id) DO UPDATE SET ${sql.ref(column)} = false, updated_at = ${now}
      WHERE notification_settings.${sql.ref(column)}`.execute(db);
  }
}
