import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { MailQueue, MailTemplateData } from '../mail/index.ts';
import type { NotificationFeed } from './notification-feed.ts';
import {
  NOTIFICATION_CATEGORY,
  type NotificationCategory,
  type NotificationType,
} from './notification-types.ts';
import type { NotificationsRepository, SettingsRow } from './notifications.repository.ts';
import type { NotificationContacts } from './ports.ts';

type NotificationMailTemplate = Exclude<
  keyof MailTemplateData,
  'email-verification' | 'password-reset' | 'password-changed' | 'find-email-hint'
>;

/** The mail a notification sends when the user's email channel for its category is on. */
export type NotificationMail = {
  [T in NotificationMailTemplate]: { template: T; data: MailTemplateData[T] };
}[NotificationMailTemplate];

export interface NewNotification {
  userId: string;
  type: NotificationType;
  /**
   * Unique per user: a second delivery with the same key creates nothing (e.g.
   * `BOOKING_CONFIRMED:<reservationId>`, `ONSALE_OPEN:perf:<performanceId>:<salesOpenAt>`).
   */
  dedupeKey: string;
  title: string;
  body: string;
  /** A path in the web app (`/me/reservations/…`), or null. */
  link: string | null;
  mail?: NotificationMail;
}

/** Whether a user receives a category on a channel: stored settings over the defaults. */
export function channelOn(
  settings: SettingsRow | undefined,
  channel: 'email' | 'inApp',
  category: NotificationCategory,
): boolean {
  if (channel === 'email') {
    if (category === 'booking') return true; // booking mail cannot be turned off
    const key = `email_${category}` as const;
    return settings ? settings[key] : category !== 'marketing';
  }
  const key = `in_app_${category}` as const;
  return settings ? settings[key] : category !== 'marketing';
}

/**
 * Creates notifications and fans them out to each user's channels. A batch is one transaction:
 * the rows (deduplicated on (user, key)) and their mail rows commit together, then the in-app ones
 * are published to every instance. Only newly created notifications are sent anywhere, so a
 * redelivered event or a second worker running the same job sends nothing twice.
 */
export class Notifier {
  constructor(
    private readonly d: {
      db: Db;
      repo: NotificationsRepository;
      mail: MailQueue;
      feed: NotificationFeed;
      contacts: NotificationContacts;
      clock: Clock;
      log: Logger;
    },
  ) {}

  /** Returns how many notifications were new. */
  async deliver(items: NewNotification[]): Promise<number> {
    if (items.length === 0) return 0;
    const { db, repo, clock } = this.d;
    const now = clock.now();
    const userIds = [...new Set(items.map((i) => i.userId))];
    const contacts = await this.d.contacts.contactsOf(userIds);
    const live = items.filter((i) => contacts.has(i.userId));
    if (live.length === 0) return 0;

    const { created, settings } = await db.transaction().execute(async (tx) => {
      const settings = await repo.settingsOf(tx, userIds);
      const inserted = await repo.insertNew(
        tx,
        live.map((i) => ({
          userId: i.userId,
          type: i.type,
          category: NOTIFICATION_CATEGORY[i.type],
          dedupeKey: i.dedupeKey,
          title: i.title,
          body: i.body,
          link: i.link,
          inApp: channelOn(settings.get(i.userId), 'inApp', NOTIFICATION_CATEGORY[i.type]),
          createdAt: now,
        })),
      );
      const byKey = new Map(live.map((i) => [`${i.userId} ${i.dedupeKey}`, i]));
      const created = inserted.map((row) => ({ row, item: byKey.get(`${row.user_id} ${row.dedupe_key}`)! }));
      const mails = created.flatMap(({ item }) => {
        const category = NOTIFICATION_CATEGORY[item.type];
        const contact = contacts.get(item.userId)!;
        if (!item.mail || !channelOn(settings.get(item.userId), 'email', category)) return [];
        return [
          {
            ...item.mail,
            lang: contact.language,
            to: contact.email,
            userId: item.userId,
            category,
          },
        ];
      });
      await this.d.mail.enqueueMany(tx, mails);
      return { created, settings };
    });

    const inApp = created.filter(({ item }) =>
      channelOn(settings.get(item.userId), 'inApp', NOTIFICATION_CATEGORY[item.type]),
    );
    await this.d.feed
      .publish(
        inApp.map(({ row, item }) => ({
          userId: item.userId,
          view: {
            id: row.id,
            type: item.type,
            title: item.title,
            body: item.body,
            link: item.link,
            readAt: null,
            createdAt: now.toISOString(),
          },
        })),
      )
      .catch((err: Error) => {
        // Stored already: an open tab misses the live push and sees it on its next list.
        this.d.log.warn({ err: err.message }, 'notification publish failed');
      });
    return created.length;
  }
}
