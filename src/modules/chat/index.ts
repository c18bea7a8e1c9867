import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Infra } from '../../container.ts';
import type { ContentScreen } from '../../infra/content-screen.ts';
import { ChatActivity } from './chat-activity.ts';
import { ChatHub } from './chat-hub.ts';
import { ChatSockets } from './chat-sockets.ts';
import { ChatRepository } from './chat.repository.ts';
import { chatRoutes } from './chat.routes.ts';
import { ChatService } from './chat.service.ts';
import type { ChatAuthors, ChatImages, ChatNotifier, ChatPerformances } from './ports.ts';
import './chat.tables.ts';

export { CLOSE as CHAT_CLOSE } from './chat-socket.ts';
export type { ChatAuthors, ChatImages, ChatNotifier, ChatPerformances } from './ports.ts';

/** Origins a browser may open the chat from: PUBLIC_URL's, and those CORS allows. */
export function chatOrigins(config: Infra['config']): Set<string> {
  return new Set([new URL(config.PUBLIC_URL).origin, ...config.CORS_ORIGINS]);
}

/**
 * Fan chat, a room per performance: the WebSocket and its per-process hub (fan-out through Redis,
 * presence), history, membership, moderation, and the CHAT_ACTIVITY rounds. Everything runs in the
 * API process; the worker has nothing of it.
 */
export function createChatModule(
  infra: Pick<Infra, 'config' | 'db' | 'redis' | 'clock' | 'log' | 'tokens' | 'endedSessions'>,
  ports: {
    performances: ChatPerformances;
    authors: ChatAuthors;
    images: ChatImages;
    notifier: ChatNotifier;
    screen: ContentScreen;
  },
) {
  const { config } = infra;
  const repo = new ChatRepository();
  // The hub reads gaps and counters through the service, built just below (called only later).
  const hub: ChatHub = new ChatHub(
    infra.redis,
    (performanceId, from, to) => service.bySeq(performanceId, from, to),
    (performanceId) => service.lastSeq(performanceId),
    infra.log,
    { presenceIntervalMs: config.CHAT_PRESENCE_INTERVAL_MS, keyPrefix: config.REDIS_KEY_PREFIX },
  );
  const activity = new ChatActivity({
    db: infra.db,
    repo,
    redis: infra.redis,
    hub,
    notifier: ports.notifier,
    clock: infra.clock,
    log: infra.log,
    delayMs: config.CHAT_ACTIVITY_DELAY_MS,
  });
  const service: ChatService = new ChatService({
    db: infra.db,
    repo,
    redis: infra.redis,
    hub,
    activity,
    performances: ports.performances,
    authors: ports.authors,
    images: ports.images,
    screen: ports.screen,
    clock: infra.clock,
    log: infra.log,
    limits: {
      messages: config.CHAT_RATE_LIMIT_MESSAGES,
      windowSeconds: config.CHAT_RATE_LIMIT_WINDOW_SECONDS,
    },
  });
  const sockets = new ChatSockets({
    service,
    hub,
    tokens: infra.tokens,
    endedSessions: infra.endedSessions,
    log: infra.log,
    limits: {
      maxConnections: config.CHAT_MAX_CONNECTIONS_PER_INSTANCE,
      heartbeatMs: config.CHAT_HEARTBEAT_MS,
      authTimeoutMs: config.CHAT_AUTH_TIMEOUT_MS,
      maxBufferedBytes: config.CHAT_MAX_BUFFERED_BYTES,
      maxBadFrames: 5,
      replayPage: 200,
      maxQueuedFrames: 1_000,
    },
  });
  const routes: FastifyPluginAsyncTypebox[] = [
    chatRoutes({ service, sockets, origins: chatOrigins(config) }),
    // The hub's subscriber, presence entry and pending rounds end with the server.
    async (app) => {
      app.addHook('onClose', async () => {
        activity.close();
        await hub.close();
      });
    },
  ];
  return { service, hub, sockets, activity, routes };
}

export type ChatModule = ReturnType<typeof createChatModule>;
