import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type pg from 'pg';
import type { Config } from './config.ts';
import { createDb, createPool, ensureDatabase, TEXT_SEARCH_SESSION, type Db } from './infra/db.ts';
import { createLogger, type Logger } from './infra/logger.ts';
import { createRedis, type RedisClient } from './infra/redis.ts';
import { Broker } from './infra/broker.ts';
import { Metrics } from './infra/metrics.ts';
import { ReadRouting } from './infra/read-routing.ts';
import { observePools } from './infra/pool-metrics.ts';
import { systemClock, type Clock } from './infra/clock.ts';
import { AccessTokens } from './modules/auth/tokens.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { createAuthModule, createSessions, type Sessions } from './modules/auth/index.ts';
import { EndedSessions } from './modules/auth/session-revocation.ts';
import {
  createUsersAdmin,
  createUsersDirectory,
  createUsersModule,
  createWithdrawal,
} from './modules/users/index.ts';
import { createAuditModule } from './modules/audit/index.ts';
import { createMailModule, type MailModule } from './modules/mail/index.ts';
import { createCouponsModule } from './modules/coupons/index.ts';
import { createCatalogModule, type CatalogModule } from './modules/catalog/index.ts';
import { createWaitingRoomModule, type WaitingRoomModule } from './modules/waiting-room/index.ts';
import { StreamLimiter } from './infra/stream-limiter.ts';
import { createBookingModule, heldSeatsReader, type BookingModule } from './modules/booking/index.ts';
import { createPaymentGateway, createPaymentsModule } from './modules/payments/index.ts';
import { OutboxRelay } from './infra/outbox-relay.ts';
import { createTicketsModule } from './modules/tickets/index.ts';
import { toTicket } from './modules/tickets/tickets.schemas.ts';
import { createOnsaleLiveModule, type OnsaleLiveModule } from './modules/onsale-live/index.ts';
import { createWishlistModule, wishCountReader } from './modules/wishlist/index.ts';
import { createNotificationsModule, type NotificationsModule } from './modules/notifications/index.ts';
import { createOnsaleAlertsModule, type OnsaleAlertsModule } from './modules/onsale-alerts/index.ts';
import { createKeywordAlertsModule, type KeywordAlertsModule } from './modules/keyword-alerts/index.ts';
import { CHAT_PRESET, createUploadsModule, POSTER_PRESET } from './modules/uploads/index.ts';
import { createChatModule, type ChatModule } from './modules/chat/index.ts';
import { createPostersModule } from './modules/posters/index.ts';
import { createReviewsModule, type ReviewsModule } from './modules/reviews/index.ts';
import type { ObjectStorage } from './infra/storage/index.ts';
import { createModerationModule, type ModerationModule } from './modules/moderation/index.ts';
import { createInquiriesModule, type InquiriesModule } from './modules/inquiries/index.ts';
import { createAssistantModule } from './modules/assistant/index.ts';
import type { PerformanceDetail } from './modules/catalog/catalog.schemas.ts';
import { anonymousReader } from './modules/catalog/catalog.reads.ts';

/** The shared adapters every module is built from. */
export interface Infra {
  config: Config;
  log: Logger;
  pool: pg.Pool;
  db: Db;
  /** Where lag-tolerant reads go: the replica when configured, else the primary. */
  readDb: Db;
  /**
   * Twins of `db` and `readDb` for the catalogue's text search: the same databases through pools whose
   * sessions price sequential scans out, so a search is one statement, not BEGIN, SET LOCAL, the query
   * and COMMIT (docs/performance.md, "Search"). Connections are opened on first use.
   */
  textSearch?: { primary: Db; read: Db };
  /** Per-user choice between replica and primary (read-your-writes after that user's writes). */
  readRouting: ReadRouting;
  redis: RedisClient;
  broker: Broker;
  metrics: Metrics;
  tokens: AccessTokens;
  /** Sessions ended while their access tokens may live, pushed to every instance (`tokens` refuses them). */
  endedSessions: EndedSessions;
  /** The one source of "now" for services and jobs (tests pass one they move by hand). */
  clock: Clock;
}

/** What a caller may replace when building the container (tests: a clock moved by hand). */
export interface ContainerOptions {
  clock?: Clock;
  /** Where uploaded images go, instead of the one the configuration names (tests: a local S3 server). */
  storage?: ObjectStorage;
}

/** A job or consumer the worker process runs. */
export interface Background {
  name: string;
  start: () => Promise<void> | void;
  stop: () => Promise<void> | void;
}

export interface Container extends Infra {
  /** Route plugins mounted under /api/v1. */
  apiRoutes: FastifyPluginAsyncTypebox[];
  /** Route plugins mounted at the root (health, metrics). */
  rootRoutes: FastifyPluginAsyncTypebox[];
  /** What the worker process runs. */
  background: Background[];
  /** The waiting room (its `gate` is checkout's AdmissionGate). */
  waitingRoom: WaitingRoomModule;
  /** The catalogue (reads, admin, rankings); exposed for tests and tools. */
  catalog: CatalogModule;
  /** Checkout (holds, reservations, the saga and its recovery); exposed for tests and tools. */
  booking: BookingModule;
  /** Admin live figures; `holds` is wired to checkout's held-seat count when it lands. */
  onsaleLive: OnsaleLiveModule;
  /** Sign-in sessions: `endAllSessions(userId)` for role changes and suspensions. */
  sessions: Sessions;
  /** The mail queue and its sender (`sender.drain()` sends what is due; the worker runs it). */
  mail: MailModule;
  /** Notifications (`notifier.deliver` creates, mails and pushes them); exposed for tests and tools. */
  notifications: NotificationsModule;
  /** Sales-open alerts, reminders and review invitations; exposed for tests and tools. */
  onsaleAlerts: OnsaleAlertsModule;
  /** Keyword alerts (`matcher.onPublished` is what the consumer runs); exposed for tests. */
  keywordAlerts: KeywordAlertsModule;
  /** The banned-words list and the ContentScreen every module taking users' text is given. */
  moderation: ModerationModule;
  /** 1:1 inquiries and the support desk; exposed for tests. */
  inquiries: InquiriesModule;
  /** 관람후기 (reviews, their aggregates and moderation); exposed for tests. */
  reviews: ReviewsModule;
  /** Fan chat (its hub and sockets run in the API process); exposed for tests and the bench. */
  chat: ChatModule;
  close: () => Promise<void>;
}

export type ProcessName = 'api' | 'worker' | 'gateway' | 'cli';

export async function createInfra(
  config: Config,
  processName: ProcessName,
  options: ContainerOptions = {},
): Promise<Infra & { closeInfra: () => Promise<void> }> {
  const log = createLogger(config, `culture-ticket-${processName}`);
  await ensureDatabase(config.DATABASE_URL);
  // An idle client dropped by the server (restart, failover, DROP DATABASE … FORCE in tests) is
  // replaced by the pool.
  const onIdleError = (err: Error) => log.warn({ err: err.message }, 'idle database connection lost');
  const pool = createPool({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: `ct-${processName}`,
    onIdleError,
    preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  });
  const db = createDb(pool);
  const replicaPool = config.DATABASE_REPLICA_URL
    ? createPool({
        url: config.DATABASE_REPLICA_URL,
        poolSize: config.DATABASE_POOL_SIZE,
        applicationName: `ct-${processName}-read`,
        onIdleError,
        preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
      })
    : undefined;
  const readDb = replicaPool ? createDb(replicaPool) : db;
  const textSearchPool = (url: string, name: string) =>
    createPool({
      url,
      poolSize: config.DATABASE_TEXT_SEARCH_POOL_SIZE,
      applicationName: `ct-${processName}-${name}`,
      onIdleError,
      sessionOptions: TEXT_SEARCH_SESSION,
    });
  const withTextSearch = config.DATABASE_TEXT_SEARCH_POOL_SIZE > 0;
  const searchPool = withTextSearch ? textSearchPool(config.DATABASE_URL, 'search') : undefined;
  const searchReplicaPool =
    withTextSearch && config.DATABASE_REPLICA_URL
      ? textSearchPool(config.DATABASE_REPLICA_URL, 'search-read')
      : undefined;
  const textSearchPrimary = searchPool ? createDb(searchPool) : undefined;
  const textSearchRead = searchReplicaPool ? createDb(searchReplicaPool) : textSearchPrimary;
  const redis = createRedis({
    url: config.REDIS_URL,
    clusterNodes: config.REDIS_CLUSTER_NODES,
    keyPrefix: config.REDIS_KEY_PREFIX,
  });
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis error'));
  const metrics = new Metrics(processName);
  const broker = new Broker({
    url: config.AMQP_URL,
    exchange: config.AMQP_EXCHANGE,
    log,
    name: `culture-ticket-${processName}`,
    queuePrefix: config.AMQP_QUEUE_PREFIX,
    metrics,
  });
  broker.connectInBackground();
  observePools(metrics, {
    primary: pool,
    replica: replicaPool,
    search: searchPool,
    'search-replica': searchReplicaPool,
  });
  const readRouting = new ReadRouting({
    redis,
    primary: db,
    replica: replicaPool ? readDb : undefined,
    seconds: config.READ_YOUR_WRITES_SECONDS,
  });
  const endedSessions = new EndedSessions(
    redis,
    config.REDIS_KEY_PREFIX,
    config.ACCESS_TOKEN_TTL_SECONDS,
    log,
  );
  const tokens = new AccessTokens(config.JWT_SECRET, config.ACCESS_TOKEN_TTL_SECONDS, endedSessions);

  const closeInfra = async (): Promise<void> => {
    await broker.close();
    redis.disconnect();
    await db.destroy();
    if (replicaPool) await readDb.destroy();
    await textSearchPrimary?.destroy();
    if (textSearchRead !== textSearchPrimary) await textSearchRead?.destroy();
  };
  return {
    config,
    log,
    pool,
    db,
    readDb,
    textSearch:
      textSearchPrimary && textSearchRead ? { primary: textSearchPrimary, read: textSearchRead } : undefined,
    readRouting,
    redis,
    broker,
    metrics,
    tokens,
    endedSessions,
    clock: options.clock ?? systemClock,
    closeInfra,
  };
}

/** The composition root: infra → repositories → services → routes and background work. */
export async function createContainer(
  config: Config,
  processName: ProcessName,
  options: ContainerOptions = {},
): Promise<Container> {
  const { closeInfra, ...infra } = await createInfra(config, processName, options);

  const apiRoutes: FastifyPluginAsyncTypebox[] = [];
  const rootRoutes: FastifyPluginAsyncTypebox[] = [healthRoutes(infra)];
  const background: Background[] = [];

  const sessions = createSessions(infra);
  const users = createUsersModule(infra, { sessions });
  // The audit log comes first among the routes: its recorder must see every admin route registered.
  const directory = createUsersDirectory(infra);
  const audit = createAuditModule(infra, { actors: directory });
  apiRoutes.push(audit.httpRecorder, audit.routes);
  const usersAdmin = createUsersAdmin(infra, { sessions, audit: audit.recorder });
  apiRoutes.push(usersAdmin.routes);
  // The banned-words list (금칙어): built before every module that takes text users write for others
  // (inquiries, reviews, chat), which get `moderation.screen` as their ContentScreen.
  const moderation = createModerationModule(infra, { audit: audit.recorder });
  apiRoutes.push(moderation.routes);
  const mail = createMailModule(infra);
  background.push(mail.background);
  const auth = createAuthModule(infra, { users: users.service, sessions, mail });
  apiRoutes.push(auth.subscription, auth.routes, auth.devicesRoutes, auth.socialRoutes, users.routes);

  const coupons = createCouponsModule(infra, { audit: audit.recorder, holders: directory });
  apiRoutes.push(coupons.routes, coupons.adminRoutes);

  // The catalogue owns seat and showtime inventory, so it is built before checkout and the waiting
  // room; its seat map shows HELD seats from checkout's holds in Redis (read without the module), and
  // its detail the wish count from the wishes table (read without the wishlist module, which needs
  // the catalogue).
  const catalog = createCatalogModule(infra, {
    heldSeats: heldSeatsReader(infra),
    wishCounts: wishCountReader(infra),
  });
  apiRoutes.push(...catalog.routes);
  background.push(...catalog.background);

  const wishlist = createWishlistModule(infra, {
    performances: {
      isListed: (id) => catalog.reads.isListed(id),
      summaries: (ids) => catalog.reads.summariesOf(ids),
    },
  });
  apiRoutes.push(wishlist.routes);

  // Uploaded images (generic), and posters: the catalogue keeps the pointer, uploads the files.
  const uploads = createUploadsModule(infra, { storage: options.storage });
  apiRoutes.push(uploads.routes);
  const posters = createPostersModule(infra, {
    slots: { replacePoster: (id, url) => catalog.admin.replacePoster(id, url) },
    images: {
      maxBytes: uploads.service.maxBytes,
      storePoster: (file) => uploads.service.storeImage(file, POSTER_PRESET),
      removeImage: (url) => uploads.service.removeImage(url),
    },
    audit: audit.recorder,
  });
  apiRoutes.push(posters.routes);

  const keywordAlerts = createKeywordAlertsModule(infra, {
    notifier: { deliver: (items) => notifications.notifier.deliver(items) },
  });
  apiRoutes.push(keywordAlerts.routes);
  background.push(keywordAlerts.consumers);

  // One stream limiter per process: its instance cap counts every stream route together.
  const streams = new StreamLimiter(infra.redis, {
    perUser: config.STREAM_LIMIT_PER_USER,
    perAddress: config.STREAM_LIMIT_PER_ADDRESS,
    perInstance: config.STREAM_LIMIT_PER_INSTANCE,
  });
  const waitingRoom = createWaitingRoomModule(
    infra,
    { settings: catalog.inventory },
    { queueGauges: processName === 'worker', streams },
  );
  apiRoutes.push(waitingRoom.routes);
  background.push(...waitingRoom.background);

  const tickets = createTicketsModule(infra, {
    shows: catalog.doorShowtimes,
    holders: { holder: (userId) => users.service.findById(userId) },
  });
  apiRoutes.push(tickets.routes);
  background.push(tickets.consumers);

  const booking = createBookingModule(infra, {
    inventory: catalog.inventory,
    gateway: createPaymentGateway(config),
    gate: waitingRoom.gate,
    discounts: coupons.discounts,
    ranking: catalog.salesRanking,
    ticketsOf: async (reservationId) =>
      (await tickets.service.listForReservation(reservationId)).map(toTicket),
    buyers: directory,
    audit: audit.recorder,
  });
  apiRoutes.push(...booking.routes);
  background.push(...booking.background);

  // Notifications name shows through the catalogue and find a reservation's buyer through checkout.
  const notifications = createNotificationsModule(infra, {
    contacts: { contactsOf: (ids) => users.service.contactsOf(ids) },
    mail,
    showtimes: catalog.doorShowtimes,
    reservations: { ownerOf: (id) => booking.bookers.ownerOf(id) },
    streams,
  });
  apiRoutes.push(...notifications.routes);
  background.push(...notifications.background);

  // 1:1 inquiries: a linked reservation must be the caller's (checkout's bookers), names from users.
  const inquiries = createInquiriesModule(infra, {
    reservations: { ownerOf: (id) => booking.bookers.ownerOf(id) },
    people: { profiles: (ids) => directory.profiles(ids) },
    screen: moderation.screen,
    audit: audit.recorder,
  });
  apiRoutes.push(...inquiries.routes);

  // Reviews: who bought what through checkout, showtimes and performances through the catalogue,
  // nicknames through users. Texts pass the content screen; every text is accepted until the
  // moderation module's banned-words list is wired here.
  const reviews = createReviewsModule(infra, {
    reservations: { reservationOf: (id) => booking.bookers.ownerOf(id) },
    showtimes: catalog.doorShowtimes,
    performances: { isListed: (id) => catalog.reads.isListed(id) },
    authors: directory,
    screen: moderation.screen,
    audit: audit.recorder,
  });
  apiRoutes.push(reviews.routes);

  const payments = createPaymentsModule(infra, { settlement: booking.settlement });
  apiRoutes.push(payments.routes);

  const onsaleLive = createOnsaleLiveModule(infra, {
    queue: {
      liveFigures: (id) => waitingRoom.service.liveFigures(id),
      queuedShowtimes: () => waitingRoom.service.queuedShowtimes(),
      // Null for a showtime without a waiting room (the dashboard shows sales alone).
      fairness: (id) => waitingRoom.audit.fairness(id),
    },
    sales: catalog.sales,
    holds: { heldCount: async (showtimeId) => (await booking.heldSeatIds(showtimeId)).size },
  });
  apiRoutes.push(onsaleLive.routes);
  background.push(...onsaleLive.background);

  // Sales-open alerts, day-before reminders and review invitations: showtimes through the catalogue,
  // confirmed holders through checkout, delivery through notifications.
  const onsaleAlerts = createOnsaleAlertsModule(infra, {
    catalog: catalog.alerts,
    holders: booking.holders,
    notifier: notifications.notifier,
  });
  apiRoutes.push(onsaleAlerts.routes);
  background.push(...onsaleAlerts.background);

  // The AI assistant's tools read through the catalogue, checkout and tickets, always as the caller
  // (the user id the route authenticated) and as an anonymous reader of the catalogue (no drafts).
  const assistant = createAssistantModule(infra, {
    catalog: {
      search: async (r) =>
        catalog.reads.search(
          { ...r, sort: 'popular', page: 1, includeDrafts: false, status: undefined },
          undefined,
        ),
      detail: async (id) => {
        const entry = await catalog.reads.visibleDetail(id, anonymousReader);
        return entry ? (JSON.parse(entry.json) as PerformanceDetail) : null;
      },
      showtimes: async (id) =>
        (await catalog.reads.isListed(id)) ? catalog.reads.showtimes(id, anonymousReader) : null,
      performanceOfShowtime: async (id) =>
        (await catalog.doorShowtimes.labels([id])).get(id)?.performanceId ?? null,
    },
    bookings: {
      reservationsOf: async (userId, limit) => (await booking.queries.list(userId, 1, limit)).items,
      refundQuote: async (userId, reservationId) => {
        try {
          return await booking.cancels.quote(reservationId, userId);
        } catch (err) {
          if ((err as { code?: string }).code === 'RESERVATION_NOT_FOUND') return null;
          throw err;
        }
      },
      refundPolicy: () => booking.cancels.policy(),
    },
    tickets: {
      ticketsOf: async (userId) =>
        (await tickets.service.listForUser(userId)).map((t) => {
          const { reservationId, showtimeId, performanceId, seat, status } = toTicket(t);
          return { reservationId, showtimeId, performanceId, seat, status };
        }),
    },
    streams,
  });
  apiRoutes.push(assistant.routes);

  // Withdrawal asks tickets (upcoming tickets) and booking (booker details), and erases the
  // assistant's conversations; built after them.
  const withdrawal = createWithdrawal(infra, {
    sessions,
    tickets: tickets.upcoming,
    bookers: booking.bookers,
    personalRecords: [assistant.personalRecords],
  });
  apiRoutes.push(withdrawal.routes);
  // Fan chat: performances through the catalogue, nicknames through the users directory, images
  // through uploads, CHAT_ACTIVITY through notifications, banned words through moderation.
  const chat = createChatModule(infra, {
    performances: { isListed: (id) => catalog.reads.isListed(id) },
    authors: {
      nicknamesOf: async (ids) =>
        new Map([...(await directory.profiles(ids))].map(([id, p]) => [id, p.nickname])),
    },
    images: { isChatImage: (url) => uploads.service.isStored(url, CHAT_PRESET) },
    notifier: notifications.notifier,
    screen: moderation.screen,
  });
  apiRoutes.push(...chat.routes);

  const relay = new OutboxRelay({
    ...infra,
    batchSize: config.OUTBOX_RELAY_BATCH_SIZE,
    pollMs: config.OUTBOX_RELAY_POLL_MS,
  });
  background.push({ name: 'outbox-relay', start: () => relay.start(), stop: () => relay.stop() });

  return {
    ...infra,
    apiRoutes,
    rootRoutes,
    background,
    catalog,
    waitingRoom,
    booking,
    onsaleLive,
    sessions,
    mail,
    notifications,
    onsaleAlerts,
    keywordAlerts,
    moderation,
    inquiries,
    reviews,
    chat,
    close: closeInfra,
  };
}
