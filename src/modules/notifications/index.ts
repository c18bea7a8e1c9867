import type { Background, Infra } from '../../container.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MailModule } from '../mail/index.ts';
import { NotificationFeed } from './notification-feed.ts';
import { NotificationSettingsRepository } from './notification-settings.repository.ts';
import { notificationSettingsRoutes } from './notification-settings.routes.ts';
import { NotificationSettingsService } from './notification-settings.service.ts';
import { NotificationsRepository } from './notifications.repository.ts';
import { Notifier } from './notifier.ts';
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
  const settings = new NotificationSettingsService({
    db: infra.db,
    repo: new NotificationSettingsRepository(),
    tokens: ports.mail.unsubscribe,
    contacts: ports.contacts,
    clock: infra.clock,
  });
  const routes: FastifyPluginAsyncTypebox[] = [notificationSettingsRoutes({ service: settings })];
  const background: Background[] = [];
  return { notifier, feed, repo, settings, routes, background };
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
