import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import type { StreamLimiter } from '../../infra/stream-limiter.ts';
import type { QueueStreamHub } from './queue-stream.ts';
import type { QueueView, WaitingRoomService } from './waiting-room.service.ts';
import { errors, UUID_SOURCE } from '../../http/schemas.ts';
import { jsonAnswer } from '../../http/fast-lane.ts';
import {
  AuditEntriesQuery,
  AuditEntriesSchema,
  AuditSchema,
  ChallengeSchema,
  EnterBody,
  QueueViewSchema,
  ShowtimeParams,
} from './waiting-room.schemas.ts';
import type { QueueAudit } from './queue-audit.ts';
import { userKey } from '../../http/rate-limit-key.ts';
import { tooManyRequests, type LeasedRule } from '../../http/leased-limit.ts';

export interface WaitingRoomLimits {
  /** Entries (and SSE connects) per user per minute. */
  enterPerUserPerMinute: number;
  /** Polls per user per minute. */
  pollPerUserPerMinute: number;
  /** Queue requests per IP per minute (generous: many buyers share carrier NAT addresses). */
  perIpPerMinute: number;
  /** SSE comment line sent when nothing else was written for this long. */
  heartbeatMs: number;
}

const scopedUserKey = (scope: string) => (request: FastifyRequest) => `wr:${scope}:${userKey(request)}`;
const ipKey = (scope: string) => (request: FastifyRequest) => `wr:${scope}:ip:${request.ip}`;
/** The per-user key of a signed-in subject; none for an anonymous one (the guard answers it 401). */
const signedIn = (scope: string, subject: string): string | undefined =>
  subject.startsWith('user:') ? `wr:${scope}:${subject}` : undefined;

/** What every queue route can answer besides success: bad id, no token, not found, no queue, too many. */
const queueErrors = errors(400, 401, 403, 404, 409, 429);

export const waitingRoomRoutes =
  (
    service: WaitingRoomService,
    hub: QueueStreamHub,
    limits: WaitingRoomLimits,
    streams: StreamLimiter,
    audit: QueueAudit,
  ): FastifyPluginAsyncTypebox =>
  async (app) => {
    // The per-user limit is the route's config.rateLimit (after authentication). The plugin applies one
    // such limit per request, so the per-IP limit is checked here with its createRateLimit counter.
    // Entries count each request.
    const perIp = (scope: string) => {
      const limiter = app.createRateLimit({
        max: limits.perIpPerMinute,
        timeWindow: 60_000,
        keyGenerator: ipKey(scope),
      });
      return async (request: FastifyRequest): Promise<void> => {
        const result = await limiter(request);
        if (!result.isAllowed && result.isExceeded) {
          throw new AppError('RATE_LIMITED', `Too many requests from this address`, undefined, {
            'retry-after': String(result.ttlInSeconds),
          });
        }
      };
    };
    // Polls (and the other per-address queue calls sharing their budget) take their budgets from Redis
    // a slice at a time: never more than the limit, one Redis call per slice instead of one per poll.
    // Checked by one hook of ours (src/http/leased-limit.ts): no promise per poll when the slices decide.
    const pollIpRule: LeasedRule = {
      max: limits.perIpPerMinute,
      timeWindow: 60_000,
      key: ipKey('poll'),
      headers: false,
      detail: () => 'Too many requests from this address',
    };
    const pollIp = app.leasedLimits([pollIpRule]);
    // The poll: per address, then per user. The per-user limit used to run after the guard
    // (preHandler), so a request the guard refuses (no valid token: the subject is the address) is
    // not counted per user here either; the same token check decides both (rateLimitSubject).
    const pollUrl = `${app.prefix}/showtimes/:id/queue`;
    const pollUserRule: LeasedRule = {
      url: pollUrl,
      max: limits.pollPerUserPerMinute,
      timeWindow: 60_000,
      key: (request) => signedIn('poll', userKey(request)),
      headers: true,
      detail: tooManyRequests,
    };
    const pollLimits = app.leasedLimits([pollIpRule, pollUserRule]);
    // The steady poll before Fastify (src/http/fast-lane.ts): a signed-in user this instance's serving
    // counter knows, on a showtime whose settings are cached; both limits counted as the hook does.
    const pollPath = new RegExp(`^${app.prefix}/showtimes/(${UUID_SOURCE})/queue$`);
    app.fastLane.add('GET', pollUrl, (request) => {
      const showtimeId = pollPath.exec(request.url ?? '')?.[1];
      if (showtimeId === undefined) return undefined;
      const user = app.fastLane.signedIn(request);
      if (user === undefined) return undefined;
      const view = service.statusNow(showtimeId, user.userId);
      if (view === undefined) return undefined;
      const address = app.fastLane.address(request);
      if (address === undefined) return undefined;
      return app.fastLane.limited(
        [
          [pollIpRule, `wr:poll:ip:${address}`],
          [pollUserRule, `wr:poll:user:${user.userId}`],
        ],
        'GET',
        () => jsonAnswer(200, view),
      );
    });
    const perUser = (scope: string, max: number) => ({
      max,
      timeWindow: 60_000,
      hook: 'preHandler' as const,
      keyGenerator: scopedUserKey(scope),
    });
    const enterIp = perIp('enter');
    // Open streams end before the server closes (a hijacked response would hold close() open).
    const openStreams = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const finish of [...openStreams]) finish();
    });
    // The polls' snapshot refreshers live as long as the HTTP app.
    app.addHook('onClose', async () => service.stopPolling());

    app.post(
      '/showtimes/:id/queue',
      {
        onRequest: [enterIp],
        config: { access: 'signed-in', rateLimit: perUser('enter', limits.enterPerUserPerMinute) },
        schema: {
          tags: ['waiting-room'],
          summary: 'Enter the waiting room (idempotent: entering again keeps the original place)',
          description:
            "With the showtime's proof of work on, the body carries a solved challenge (`altcha`); missing, " +
            'invalid, expired or already used → 400 CHALLENGE_REQUIRED with `reason`. A body is optional otherwise.',
          security: [{ bearerAuth: [] }],
          params: ShowtimeParams,
          // No body at all is read as null (fastify), which older clients send.
          body: Type.Union([EnterBody, Type.Null()]),
          response: { 200: QueueViewSchema, ...queueErrors },
        },
      },
      async (request) => service.enter(request.params.id, request.user!.id, request.body?.altcha),
    );

    app.get(
      '/showtimes/:id/queue/challenge',
      {
        onRequest: [perIp('challenge')],
        config: { access: 'signed-in', rateLimit: perUser('challenge', limits.enterPerUserPerMinute) },
        schema: {
          tags: ['waiting-room'],
          summary: 'A single-use proof-of-work challenge (ALTCHA) for entering this waiting room',
          description:
            'Solve in the browser (altcha-lib or the altcha widget) and send the payload as `altcha` when entering. ' +
            'Valid QUEUE_POW_CHALLENGE_SECONDS; the difficulty rises for an address that asks in bursts.',
          security: [{ bearerAuth: [] }],
          params: ShowtimeParams,
          response: { 200: ChallengeSchema, ...queueErrors },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return service.challenge(request.params.id, request.ip);
      },
    );

    app.get(
      '/showtimes/:id/queue/audit',
      {
        config: { access: 'public' },
        schema: {
          tags: ['waiting-room'],
          summary: "The draw's public proof: commitment, then the seed and the digest of the drawn list",
          description:
            'Before the draw: the commitment (from the opening of the room) and how many wait for the draw. After it: ' +
            'the seed, whose SHA-256 must equal the commitment, and the digest of the list at …/queue/audit/entries. ' +
            'docs/waiting-room.md "Verifiable draw" gives the rules; `npm run verify:queue <id>` checks them.',
          params: ShowtimeParams,
          response: { 200: AuditSchema, ...errors(400, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        const view = await audit.audit(request.params.id);
        // A finished draw never changes; before it, the count moves.
        reply.header('cache-control', view.seed ? 'public, max-age=3600' : 'public, max-age=5');
        return view;
      },
    );

    app.get(
      '/showtimes/:id/queue/audit/entries',
      {
        config: { access: 'public' },
        schema: {
          tags: ['waiting-room'],
          summary: 'The drawn entry ids in draw input order, each with the place the draw gave it',
          params: ShowtimeParams,
          querystring: AuditEntriesQuery,
          response: { 200: AuditEntriesSchema, ...errors(400, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        const page = await audit.entries(request.params.id, request.query.page, request.query.size);
        if (page.total > 0) reply.header('cache-control', 'public, max-age=3600');
        return page;
      },
    );

    app.get(
      '/showtimes/:id/queue',
      {
        onRequest: [pollLimits],
        config: { access: 'signed-in' },
        schema: {
          tags: ['waiting-room'],
          summary: 'Poll your place in the waiting room',
          security: [{ bearerAuth: [] }],
          params: ShowtimeParams,
          response: { 200: QueueViewSchema, ...queueErrors },
        },
      },
      async (request) => service.status(request.params.id, request.user!.id),
    );

    app.delete(
      '/showtimes/:id/queue',
      {
        onRequest: [pollIp],
        config: { access: 'signed-in' },
        schema: {
          tags: ['waiting-room'],
          summary: 'Leave the waiting room, or end the admitted session (revokes the admission token)',
          security: [{ bearerAuth: [] }],
          params: ShowtimeParams,
          response: { 204: Type.Null(), ...queueErrors },
        },
      },
      async (request, reply) => {
        await service.leave(request.params.id, request.user!.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/showtimes/:id/queue/stream',
      {
        onRequest: [pollIp],
        config: { access: 'signed-in', rateLimit: perUser('stream', limits.enterPerUserPerMinute) },
        schema: {
          tags: ['waiting-room'],
          summary: 'Server-sent events: `position` while waiting, then one `admitted` carrying the token',
          description:
            'Events: `position` (data = queue view) when it changes, `admitted` (data = view with admissionToken) ' +
            'after which the stream ends, `error` (data = problem, e.g. NOT_IN_QUEUE) after which it ends. ' +
            'Comment lines keep the connection alive. Requires Authorization like every queue call.',
          security: [{ bearerAuth: [] }],
          params: ShowtimeParams,
          response: {
            200: {
              description: 'An event stream (text/event-stream)',
              content: { 'text/event-stream': { schema: Type.String() } },
            },
            ...queueErrors,
          },
        },
      },
      async (request, reply) => {
        const showtimeId = request.params.id;
        const userId = request.user!.id;
        // Fails with a normal problem response (404 NOT_IN_QUEUE, 409 QUEUE_NOT_ENABLED) before streaming.
        const first = await service.status(showtimeId, userId);
        // 429 STREAM_LIMIT past the per-user, per-address or per-instance cap; freed when the stream ends.
        const release = await streams.acquire({ userId, ip: request.ip });

        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          ...(reply.getHeaders() as Record<string, string>),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          // Tells nginx not to buffer the stream.
          'x-accel-buffering': 'no',
        });
        let lastWrite = Date.now();
        let lastData = '';
        let closed = false;
        const write = (chunk: string): void => {
          if (closed) return;
          raw.write(chunk);
          lastWrite = Date.now();
        };
        const finish = (): void => {
          if (closed) return;
          closed = true;
          openStreams.delete(finish);
          void release();
          unsubscribe();
          clearInterval(heartbeat);
          raw.end();
        };
        const send = (view: QueueView | null): void => {
          if (view === null) {
            write(`event: error\ndata: ${JSON.stringify({ code: 'NOT_IN_QUEUE', status: 404 })}\n\n`);
            return finish();
          }
          const data = JSON.stringify(view);
          if (view.status === 'ADMITTED') {
            write(`event: admitted\ndata: ${data}\n\n`);
            return finish();
          }
          if (data !== lastData) write(`event: position\ndata: ${data}\n\n`);
          lastData = data;
        };
        const heartbeat = setInterval(
          () => {
            if (Date.now() - lastWrite >= limits.heartbeatMs) write(': keep-alive\n\n');
          },
          Math.max(100, Math.floor(limits.heartbeatMs / 2)),
        );
        const unsubscribe = hub.subscribe(showtimeId, userId, send);
        // The response's close (not the request's) is the client going away.
        raw.on('close', finish);
        openStreams.add(finish);
        // A client gone while the slot was being taken: its close event has already passed.
        if (raw.destroyed || request.raw.destroyed) return finish();
        write('retry: 3000\n\n');
        send(first);
      },
    );
  };
