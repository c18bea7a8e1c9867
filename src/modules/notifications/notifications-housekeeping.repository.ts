import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import './notifications.tables.ts';

/** The housekeeping job's SQL over the notifications table. */
export class NotificationsHousekeepingRepository {
  /**
   * Deletes up to `limit` notifications that were read and created before `readBefore`, or created
   * before `unreadBefore` whatever their state (`unreadBefore` is the older bound). Rows another
   * caller is deleting are skipped. Returns how many were deleted.
   */
  async purge(db: DbOrTx, readBefore: Date, unreadBefore: Date, limit: number): Promise<number> {
    const result = await sql<{ id: string }>`
      DELETE FROM notifications WHERE id IN (
        SELECT id FROM notifications
        WHERE created_at < ${readBefore}
          AND (read_at IS NOT NULL OR created_at < ${unreadBefore})
        ORDER BY created_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id`.execute(db);
    return result.rows.length;
  }
}
