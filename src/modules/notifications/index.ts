import type { Background, Infra } from '../../container.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MailModule } from '../mail/index.ts';
import { NotificationFeed } from './notification-feed.ts';
import { NotificationsRepository } from './notifications.repository.ts';
import { Notifier } from './notifier.ts';
import { housekeepingJobs, NotificationHousekeeping } from './housekeeping.job.ts';
import { NotificationsHousekeepingRepository } from './notifications-housekeeping.repository.ts';
import type { NotificationContacts } from './ports.ts';

export type { NewNotification, NotificationMail } from './notifier.ts';
export type { Notifier } from './notifier.ts';
export type { NotificationContacts } from './ports.ts';
export { NOTIFICATION_TYPES, NOTIFICATION_CATEGORY } from './notification-types.ts';
export type { NotificationType, NotificationCategory } from './notification-types.ts';

/** Queue names (the broker prefixes them with AMQP_QUEUE_PREFIX); tests delete them afterwards. */
export const NOTIFICATION_QUEUES = {} as const;

/**
 * Notifications: the Notifier other modules hand what happened to (deduplicated per user and key,
 * stored, mailed and pushed live), the in-app routes and stream, settings, and the worker's
 * consumers and jobs.
 */
export function createNotificationsModule(
  infra: Infra,
  ports: { contacts: NotificationContacts; mail: MailModule },
) {
  const repo = new NotificationsRepository();
  const feed = new NotificationFeed(infra.redis, infra.config.REDIS_KEY_PREFIX);
  const notifier = new Notifier({
    db: infra.db,
    repo,
    mail: ports.mail.queue,
    feed,
    contacts: ports.contacts,
    clock: infra.clock,
    log: infra.log,
  });
  const routes: FastifyPluginAsyncTypebox[] = [];
  const background: Background[] = [];
  // Purge of old notifications and one more try for given-up notification mail (housekeeping.job.ts).
  const housekeeping = new NotificationHousekeeping({
    db: infra.db,
    repo: new NotificationsHousekeepingRepository(),
    mail: ports.mail.queue,
    clock: infra.clock,
    log: infra.log,
  });
  background.push(...housekeepingJobs(infra, housekeeping));
  return { notifier, feed, repo, routes, background, housekeeping };
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
