import { sql, type Selectable } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { NotificationCategory } from './notification-types.ts';
import type { NotificationSettingsTable } from './notifications.tables.ts';
import './notifications.tables.ts';

export type SettingsRow = Selectable<NotificationSettingsTable>;

/** A notification as the in-app list reads it. */
export interface NotificationRow {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

export interface NotificationInsert {
  userId: string;
  type: string;
  category: NotificationCategory;
  dedupeKey: string;
  title: string;
  body: string;
  link: string | null;
  inApp: boolean;
  createdAt: Date;
}

export interface CreatedNotification {
  id: string;
  user_id: string;
  dedupe_key: string;
}

/** Notifications and settings, stateless: every method takes the connection first. */
export class NotificationsRepository {
  /**
   * Inserts a batch in one statement; rows whose (user, dedupe key) already exists are skipped, so
   * only what is new comes back. Concurrent deliveries of the same event race on the unique key and
   * exactly one of them gets the row.
   */
  async insertNew(db: DbOrTx, rows: NotificationInsert[]): Promise<CreatedNotification[]> {
    if (rows.length === 0) return [];
    const col = <K extends keyof NotificationInsert>(key: K) => rows.map((r) => r[key]);
    const result = await sql<CreatedNotification>`
      INSERT INTO notifications (user_id, type, category, dedupe_key, title, body, link, in_app, created_at)
      SELECT * FROM unnest(
        ${col('userId')}::uuid[], ${col('type')}::text[], ${col('category')}::text[],
        ${col('dedupeKey')}::text[], ${col('title')}::text[], ${col('body')}::text[],
        ${col('link')}::text[], ${col('inApp')}::boolean[], ${col('createdAt')}::timestamptz[])
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING id, user_id, dedupe_key`.execute(db);
    return result.rows;
  }

  /** Stored settings of these users; a user without a row has the defaults. */
  async settingsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, SettingsRow>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('notification_settings')
      .selectAll()
      .where('user_id', '=', sql<string>`ANY(${userIds}::uuid[])`)
      .execute();
    return new Map(rows.map((r) => [r.user_id, r]));
  }

  /** A page of a user's in-app notifications, newest first (index notifications_user_newest). */
  async page(
    db: DbOrTx,
    userId: string,
    opts: { unreadOnly: boolean; offset: number; limit: number },
  ): Promise<NotificationRow[]> {
    let q = db
      .selectFrom('notifications')
      .select(['id', 'type', 'title', 'body', 'link', 'read_at', 'created_at'])
      .where('user_id', '=', userId)
      .where('in_app', '=', true);
    if (opts.unreadOnly) q = q.where('read_at', 'is', null);
    return q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(opts.offset)
      .limit(opts.limit)
      .execute();
  }

  /** How many in-app notifications a user has, all or only unread ones. */
  async countOf(db: DbOrTx, userId: string, unreadOnly: boolean): Promise<number> {
    let q = db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('in_app', '=', true);
    if (unreadOnly) q = q.where('read_at', 'is', null);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Marks a user's unread notifications read: the given ids (ids of other users' rows match nothing)
   * or, when `ids` is 'all', every one. Returns how many changed.
   */
  async markRead(db: DbOrTx, userId: string, ids: string[] | 'all', at: Date): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0;
    let q = db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids !== 'all') q = q.where('id', '=', sql<string>`ANY(${ids}::uuid[])`);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
