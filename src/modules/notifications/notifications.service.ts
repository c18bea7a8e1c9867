import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { NotificationView } from './notification-feed.ts';
import type { NotificationRow, NotificationsRepository } from './notifications.repository.ts';

export const toView = (row: NotificationRow): NotificationView => ({
  id: row.id,
  type: row.type,
  title: row.title,
  body: row.body,
  link: row.link,
  readAt: row.read_at ? row.read_at.toISOString() : null,
  createdAt: row.created_at.toISOString(),
});

/** The in-app inbox: a user's notifications (only those shown in the app), unread count, read marks. */
export class NotificationsService {
  constructor(private readonly d: { db: Db; repo: NotificationsRepository; clock: Clock }) {}

  async list(
    userId: string,
    q: { unread?: boolean; page: number; size: number },
  ): Promise<{ items: NotificationView[]; total: number; unreadCount: number }> {
    const { db, repo } = this.d;
    const unreadOnly = q.unread === true;
    const [rows, unreadCount, all] = await Promise.all([
      repo.page(db, userId, { unreadOnly, offset: (q.page - 1) * q.size, limit: q.size }),
      repo.countOf(db, userId, true),
      unreadOnly ? undefined : repo.countOf(db, userId, false),
    ]);
    return { items: rows.map(toView), total: all ?? unreadCount, unreadCount };
  }

  /** Marks the caller's notifications read; ids of someone else's (or unknown) are ignored. */
  async markRead(userId: string, body: { ids?: string[]; all?: boolean }): Promise<number> {
    if (body.all === true) return this.d.repo.markRead(this.d.db, userId, 'all', this.d.clock.now());
    if (!body.ids) {
      throw new AppError('VALIDATION_FAILED', 'body.ids or body.all is required', {
        errors: [{ field: 'body.ids', rule: 'required', message: 'send ids, or all: true' }],
      });
    }
    return this.d.repo.markRead(this.d.db, userId, [...new Set(body.ids)], this.d.clock.now());
  }
}
