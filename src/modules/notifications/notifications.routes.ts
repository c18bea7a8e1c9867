import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors } from '../../http/schemas.ts';
import type { StreamLimiter } from '../../infra/stream-limiter.ts';
import type { NotificationView } from './notification-feed.ts';
import type { NotificationSubscriber } from './notification-subscriber.ts';
import { MarkReadBody, NotificationListQuery, NotificationPage } from './notifications.schemas.ts';
import type { NotificationsService } from './notifications.service.ts';

export interface NotificationRouteOptions {
  /** SSE comment line sent when nothing else was written for this long. */
  heartbeatMs: number;
}

export const notificationsRoutes =
  (deps: {
    service: NotificationsService;
    subscriber: NotificationSubscriber;
    streams: StreamLimiter;
    options: NotificationRouteOptions;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service, subscriber, streams, options } = deps;
    const security = [{ bearerAuth: [] }];
    // Open streams end before the server closes (a hijacked response would hold close() open).
    const openStreams = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const finish of [...openStreams]) finish();
    });

    app.get(
      '/users/me/notifications',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['notifications'],
          summary: 'Your in-app notifications, newest first, with the unread count',
          security,
          querystring: NotificationListQuery,
          response: { 200: NotificationPage, ...errors(400, 401) },
        },
      },
      async (request) => {
        const { page, size, unread } = request.query;
        return { page, size, ...(await service.list(request.user!.id, { page, size, unread })) };
      },
    );

    app.post(
      '/users/me/notifications/read',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['notifications'],
          summary: 'Mark notifications read: `{ids: […]}` or `{all: true}` (ids not yours are ignored)',
          security,
          body: MarkReadBody,
          response: { 204: Type.Null(), ...errors(400, 401) },
        },
      },
      async (request, reply) => {
        await service.markRead(request.user!.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/users/me/notifications/stream',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['notifications'],
          summary: 'Server-sent events: each new in-app notification as a `notification` event',
          description:
            'Events: `ready` (data = {}) once subscribed, then `notification` (data = NotificationView) for each notification created after the stream ' +
            'opened, on whichever instance. Comment lines keep the connection alive. Nothing missed while ' +
            'disconnected is replayed: list on (re)connect. Requires Authorization (read it with fetch; ' +
            'EventSource cannot send the header). 429 STREAM_LIMIT past the per-user, per-address or ' +
            'per-instance cap.',
          security,
          response: {
            200: {
              description: 'An event stream (text/event-stream)',
              content: { 'text/event-stream': { schema: Type.String() } },
            },
            ...errors(401, 429),
          },
        },
      },
      async (request, reply) => {
        const userId = request.user!.id;
        // 429 STREAM_LIMIT past a cap; freed when the stream ends.
        const release = await streams.acquire({ userId, ip: request.ip });
        let unsubscribe: (() => void) | undefined;
        let closed = false;
        const raw = reply.raw;
        const finish = (): void => {
          if (closed) return;
          closed = true;
          openStreams.delete(finish);
          void release();
          unsubscribe?.();
          clearInterval(heartbeat);
          raw.end();
        };
        let lastWrite = Date.now();
        const write = (chunk: string): void => {
          if (closed) return;
          raw.write(chunk);
          lastWrite = Date.now();
        };
        const send = (view: NotificationView): void => {
          write(`event: notification\nid: ${view.id}\ndata: ${JSON.stringify(view)}\n\n`);
        };

        reply.hijack();
        raw.writeHead(200, {
          ...(reply.getHeaders() as Record<string, string>),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          // Tells nginx not to buffer the stream.
          'x-accel-buffering': 'no',
        });
        const heartbeat = setInterval(
          () => {
            if (Date.now() - lastWrite >= options.heartbeatMs) write(': keep-alive\n\n');
          },
          Math.max(100, Math.floor(options.heartbeatMs / 2)),
        );
        // The response's close (not the request's) is the client going away.
        raw.on('close', finish);
        openStreams.add(finish);
        try {
          const stop = await subscriber.subscribe(userId, send);
          if (closed) stop();
          else unsubscribe = stop;
        } catch (err) {
          request.log.warn({ err: (err as Error).message }, 'notification stream subscribe failed');
          return finish();
        }
        // A client gone while the slot was being taken: its close event has already passed.
        if (raw.destroyed || request.raw.destroyed) return finish();
        // Sent once subscribed: a client that saw `ready` hears every notification created after it, so
        // it lists then to catch up on what came before.
        write('retry: 3000\n\nevent: ready\ndata: {}\n\n');
      },
    );
  };
