import type { ColumnType, Generated } from 'kysely';
import type { NotificationCategory } from './notification-types.ts';

/** One notification for one user (migration 0090); unique per (user_id, dedupe_key). */
export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  type: string;
  category: NotificationCategory;
  dedupe_key: string;
  title: string;
  body: string;
  link: string | null;
  in_app: ColumnType<boolean, boolean | undefined, boolean>;
  read_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** What a user changed from the defaults; booking mail has no column because it cannot be turned off. */
export interface NotificationSettingsTable {
  user_id: string;
  email_reminders: ColumnType<boolean, boolean | undefined, boolean>;
  email_alerts: ColumnType<boolean, boolean | undefined, boolean>;
  email_marketing: ColumnType<boolean, boolean | undefined, boolean>;
  in_app_booking: ColumnType<boolean, boolean | undefined, boolean>;
  in_app_reminders: ColumnType<boolean, boolean | undefined, boolean>;
  in_app_alerts: ColumnType<boolean, boolean | undefined, boolean>;
  in_app_marketing: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

declare module '../../infra/db.ts' {
  interface Database {
    notifications: NotificationsTable;
    notification_settings: NotificationSettingsTable;
  }
}
