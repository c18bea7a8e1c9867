import type { Background, Infra } from '../../container.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ConsumerHandle } from '../../infra/broker.ts';
import { StreamLimiter } from '../../infra/stream-limiter.ts';
import { parseEvent } from '../events/event-schemas.ts';
import type { MailModule } from '../mail/index.ts';
import { BookingNotices } from './booking-notices.ts';
import { InquiryNotices, inquiryNoticeConsumer } from './inquiry-notices.ts';
import { ReviewNotices } from './review-notices.ts';
import { NotificationFeed } from './notification-feed.ts';
import { NotificationSubscriber } from './notification-subscriber.ts';
import { NotificationSettingsRepository } from './notification-settings.repository.ts';
import { notificationSettingsRoutes } from './notification-settings.routes.ts';
import { NotificationSettingsService } from './notification-settings.service.ts';
import { NotificationsRepository } from './notifications.repository.ts';
import { notificationsRoutes, type NotificationRouteOptions } from './notifications.routes.ts';
import { NotificationsService } from './notifications.service.ts';
import { Notifier } from './notifier.ts';
import {
  noReservations,
  noShowtimes,
  type NotificationContacts,
  type NotificationReservations,
  type NotificationShowtimes,
} from './ports.ts';
import { housekeepingJobs, NotificationHousekeeping } from './housekeeping.job.ts';
import { NotificationsHousekeepingRepository } from './notifications-housekeeping.repository.ts';

export type { NewNotification, NotificationMail } from './notifier.ts';
export type { Notifier } from './notifier.ts';
export type { NotificationContacts, NotificationReservations, NotificationShowtimes } from './ports.ts';
export type { NotificationView } from './notification-feed.ts';
export { NOTIFICATION_TYPES, NOTIFICATION_CATEGORY } from './notification-types.ts';
export type { NotificationType, NotificationCategory } from './notification-types.ts';

/** Queue names (the broker prefixes them with AMQP_QUEUE_PREFIX); tests delete them afterwards. */
export const NOTIFICATION_QUEUES = {
  bookingConfirmed: 'notifications.booking-confirmed',
  ticketsIssued: 'notifications.tickets-issued',
  bookingCancelled: 'notifications.booking-cancelled',
  issuanceFailed: 'notifications.issuance-failed',
  inquiryAnswered: 'notifications.inquiry-answered',
  reviewHidden: 'notifications.review-hidden',
  reviewReplied: 'notifications.review-replied',
} as const;

/**
 * Notifications: the Notifier other modules hand what happened to (deduplicated per user and key,
 * stored, mailed and pushed live), the in-app routes and stream, settings, and the worker's
 * consumers and jobs.
 */
export function createNotificationsModule(
  infra: Infra,
  ports: {
    contacts: NotificationContacts;
    mail: MailModule;
    showtimes?: NotificationShowtimes;
    reservations?: NotificationReservations;
    /** The process's stream limiter (shared by every stream route); its own when absent. */
    streams?: StreamLimiter;
  },
  options: Partial<NotificationRouteOptions> = {},
) {
  const { config } = infra;
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
  const service = new NotificationsService({ db: infra.db, repo, clock: infra.clock });
  const subscriber = new NotificationSubscriber(infra.redis, feed, infra.log);
  const streams =
    ports.streams ??
    new StreamLimiter(infra.redis, {
      perUser: config.STREAM_LIMIT_PER_USER,
      perAddress: config.STREAM_LIMIT_PER_ADDRESS,
      perInstance: config.STREAM_LIMIT_PER_INSTANCE,
    });
  const routes: FastifyPluginAsyncTypebox[] = [
    notificationsRoutes({
      service,
      subscriber,
      streams,
      options: { heartbeatMs: 15_000, ...options },
    }),
    // The subscriber connection closes with the server.
    async (app) => {
      app.addHook('onClose', async () => subscriber.close());
    },
  ];

  const notices = new BookingNotices({
    notifier,
    showtimes: ports.showtimes ?? noShowtimes,
    reservations: ports.reservations ?? noReservations,
    publicUrl: config.PUBLIC_URL.replace(/\/$/, ''),
    log: infra.log,
  });
  const reviewNotices = new ReviewNotices({ notifier, publicUrl: config.PUBLIC_URL.replace(/\/$/, '') });
  const handles: ConsumerHandle[] = [];
  const consumers: Background = {
    name: 'notifications-booking-consumers',
    start: async () => {
      const { broker } = infra;
      handles.push(
        await broker.consume({
          queue: NOTIFICATION_QUEUES.bookingConfirmed,
          bindings: ['reservation.confirmed'],
          handler: async (body) => {
            await notices.confirmed(parseEvent('reservation.confirmed', body));
          },
        }),
        await broker.consume({
          queue: NOTIFICATION_QUEUES.ticketsIssued,
          bindings: ['ticket.issued'],
          handler: async (body) => {
            await notices.ticketsIssued(parseEvent('ticket.issued', body));
          },
        }),
        await broker.consume({
          queue: NOTIFICATION_QUEUES.bookingCancelled,
          bindings: ['reservation.cancelled'],
          handler: async (body) => {
            await notices.cancelled(parseEvent('reservation.cancelled', body));
          },
        }),
        await broker.consume({
          queue: NOTIFICATION_QUEUES.issuanceFailed,
          bindings: ['ticket.issuance_failed'],
          handler: async (body) => {
            await notices.issuanceFailed(parseEvent('ticket.issuance_failed', body));
          },
        }),
        await broker.consume({
          queue: NOTIFICATION_QUEUES.reviewHidden,
          bindings: ['review.hidden'],
          handler: async (body) => {
            await reviewNotices.hidden(parseEvent('review.hidden', body));
          },
        }),
        await broker.consume({
          queue: NOTIFICATION_QUEUES.reviewReplied,
          bindings: ['review.replied'],
          handler: async (body) => {
            await reviewNotices.replied(parseEvent('review.replied', body));
          },
        }),
      );
    },
    stop: async () => {
      for (const handle of handles.splice(0)) await handle.cancel();
    },
  };
  const settings = new NotificationSettingsService({
    db: infra.db,
    repo: new NotificationSettingsRepository(),
    tokens: ports.mail.unsubscribe,
    mail: ports.mail.queue,
    contacts: ports.contacts,
    clock: infra.clock,
  });
  routes.push(notificationSettingsRoutes({ service: settings }));
  const inquiryNotices = new InquiryNotices({ notifier, publicUrl: config.PUBLIC_URL.replace(/\/$/, '') });
  const background: Background[] = [
    consumers,
    inquiryNoticeConsumer(infra, inquiryNotices, NOTIFICATION_QUEUES.inquiryAnswered),
  ];
  // Purge of old notifications and one more try for given-up notification mail (housekeeping.job.ts).
  const housekeeping = new NotificationHousekeeping({
    db: infra.db,
    repo: new NotificationsHousekeepingRepository(),
    mail: ports.mail.queue,
    clock: infra.clock,
    log: infra.log,
    policy: {
      readRetentionMs: infra.config.NOTIFICATION_READ_RETENTION_DAYS * 86_400_000,
      unreadRetentionMs: infra.config.NOTIFICATION_RETENTION_DAYS * 86_400_000,
      resendAfterMs: infra.config.NOTIFICATION_MAIL_RESEND_AFTER_HOURS * 3_600_000,
    },
  });
  background.push(...housekeepingJobs(infra, housekeeping));
  return {
    notifier,
    feed,
    repo,
    service,
    subscriber,
    notices,
    inquiryNotices,
    reviewNotices,
    settings,
    routes,
    background,
    housekeeping,
  };
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
