import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { optionalUser } from '../../http/auth-guard.ts';
import { IdParams, errors } from '../../http/schemas.ts';
import type { StreamLimiter } from '../../infra/stream-limiter.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import { AskBody, AssistantStatus, Conversation } from './assistant.schemas.ts';
import type { AnswerSink, AssistantService } from './assistant.service.ts';

export interface AssistantRouteOptions {
  /** SSE comment line sent when nothing else was written for this long (tool calls can take a while). */
  heartbeatMs: number;
}

export const assistantRoutes =
  (deps: {
    service: AssistantService;
    streams: StreamLimiter;
    tokens: AccessTokens;
    options: AssistantRouteOptions;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service, streams, tokens, options } = deps;
    const security = [{ bearerAuth: [] }];
    const tags = ['assistant'];
    const openStreams = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const finish of [...openStreams]) finish();
    });

    app.get(
      '/assistant',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Whether the AI assistant is available (the web app shows it only then), and its daily limit',
          response: { 200: AssistantStatus },
        },
      },
      async (request) => {
        await optionalUser(request, tokens);
        const user = request.user;
        return {
          available: service.available,
          dailyLimit: service.dailyLimit,
          ...(user && service.available ? { remainingToday: await service.remainingToday(user.id) } : {}),
        };
      },
    );

    app.post(
      '/assistant/messages',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Ask the assistant: the answer streams back as server-sent events',
          description:
            'Events: `delta` (data = {text}) pieces of the answer as the model writes them; then `done` ' +
            '(data = {conversationId, cards}) where cards are links derived by the server from what the tools ' +
            'found (performance, showtime, reservation); or `error` (data = {code, message, conversationId}) when ' +
            'the model server fails or stalls once the answer has begun (ASSISTANT_TIMEOUT, ASSISTANT_UNAVAILABLE, ' +
            'ASSISTANT_BUSY). Before the stream starts, failures are problems: 503 ASSISTANT_UNAVAILABLE ' +
            '(not configured, or the model server is down), 504 ASSISTANT_TIMEOUT, 429 RATE_LIMITED ' +
            '(`limit: "daily"`, Retry-After until the next Korean day), 429 ASSISTANT_BUSY (the per-minute token ' +
            'budget; Retry-After), 404 CONVERSATION_NOT_FOUND, 429 STREAM_LIMIT. Render the text as text.',
          security,
          body: AskBody,
          response: {
            200: {
              description: 'An event stream (text/event-stream)',
              content: { 'text/event-stream': { schema: Type.String() } },
            },
            ...errors(400, 401, 404, 429, 503, 504),
          },
        },
      },
      async (request, reply) => {
        const userId = request.user!.id;
        const release = await streams.acquire({ userId, ip: request.ip });
        const raw = reply.raw;
        let opened = false;
        let closed = false;
        let lastWrite = Date.now();
        let heartbeat: NodeJS.Timeout | undefined;
        const write = (chunk: string): void => {
          if (closed) return;
          raw.write(chunk);
          lastWrite = Date.now();
        };
        const event = (name: string, data: unknown): void =>
          write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
        const finish = (): void => {
          if (closed) return;
          closed = true;
          openStreams.delete(finish);
          clearInterval(heartbeat);
          void release();
          if (opened) raw.end();
        };
        const sink: AnswerSink = {
          open: () => {
            opened = true;
            reply.hijack();
            raw.writeHead(200, {
              ...(reply.getHeaders() as Record<string, string>),
              'content-type': 'text/event-stream; charset=utf-8',
              'cache-control': 'no-cache, no-transform',
              connection: 'keep-alive',
              'x-accel-buffering': 'no',
            });
            raw.on('close', finish);
            openStreams.add(finish);
            heartbeat = setInterval(
              () => {
                if (Date.now() - lastWrite >= options.heartbeatMs) write(': keep-alive\n\n');
              },
              Math.max(100, Math.floor(options.heartbeatMs / 2)),
            );
          },
          delta: (text) => event('delta', { text }),
          done: (data) => event('done', data),
          error: (data) => event('error', data),
          get closed() {
            return closed || raw.destroyed;
          },
        };
        try {
          await service.ask(userId, request.body, sink);
        } catch (err) {
          if (!opened) {
            finish();
            throw err;
          }
          request.log.error({ err }, 'assistant stream failed');
          event('error', { code: 'INTERNAL_ERROR', message: 'Internal error' });
        }
        finish();
      },
    );

    app.get(
      '/assistant/conversations/:id',
      {
        config: { access: 'owner' },
        schema: {
          tags,
          summary: "One of your conversations with the assistant (another user's is 404)",
          security,
          params: IdParams,
          response: { 200: Conversation, ...errors(400, 401, 404) },
        },
      },
      async (request) => service.conversation(request.user!.id, request.params.id),
    );
  };
