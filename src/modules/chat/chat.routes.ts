import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { errors } from '../../http/schemas.ts';
import type { ChatSockets } from './chat-sockets.ts';
import {
  HistoryPage,
  HistoryQuery,
  MembersPage,
  Membership,
  MessageParams,
  Mute,
  MuteBody,
  PerformanceParams,
} from './chat.schemas.ts';
import type { ChatService } from './chat.service.ts';

/** Only called on signed-in routes. */
const userIdOf = (request: FastifyRequest): string => request.user!.id;

/** Largest frame a client may send (a 500-character message or a token, with room to spare). */
const MAX_FRAME_BYTES = 16 * 1024;

export const chatRoutes =
  (deps: {
    service: ChatService;
    sockets: ChatSockets;
    /** Origins a browser may open the socket from (PUBLIC_URL's and CORS_ORIGINS). */
    origins: ReadonlySet<string>;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service, sockets, origins } = deps;
    const security = [{ bearerAuth: [] }];

    await app.register(websocket, {
      options: { maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false },
      // Shutdown: every socket is told 1001 (reconnect elsewhere and resume), then the server closes.
      preClose: async function (this: FastifyInstance) {
        await sockets.closeAll();
        await new Promise<void>((resolve) => this.websocketServer.close(() => resolve()));
      },
    });

    app.route({
      method: 'GET',
      url: '/performances/:id/chat',
      config: { access: 'public' },
      schema: {
        tags: ['chat'],
        summary:
          "The performance's live chat room (WebSocket; the first frame authenticates: docs/chat.md). A plain GET is 426.",
        params: PerformanceParams,
        response: errors(400, 403, 426),
      },
      // The token comes in the first frame, never in the URL; a browser's Origin must be ours.
      onRequest: (request, _reply, done) => {
        const origin = request.headers.origin;
        if (request.ws && origin !== undefined && !origins.has(origin)) {
          done(new AppError('FORBIDDEN', 'This origin may not open the chat'));
          return;
        }
        done();
      },
      handler: async () => {
        throw new AppError('WEBSOCKET_REQUIRED', 'Open this address as a WebSocket');
      },
      wsHandler: (socket, request) => {
        sockets.accept(socket, (request.params as { id: string }).id);
      },
    });

    app.get(
      '/performances/:id/chat/messages',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['chat'],
          summary: 'Chat history: the newest `limit` messages before `before`, newest last',
          security,
          params: PerformanceParams,
          querystring: HistoryQuery,
          response: { 200: HistoryPage, ...errors(400, 401, 404) },
        },
      },
      async (request) => service.history(request.params.id, request.query.before, request.query.limit),
    );

    app.put(
      '/performances/:id/chat/membership',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['chat'],
          summary: 'Join the room (idempotent): listed among its members, told of news while away',
          security,
          params: PerformanceParams,
          response: { 200: Membership, ...errors(400, 401, 404) },
        },
      },
      async (request) => {
        await service.join(userIdOf(request), request.params.id);
        return { member: true };
      },
    );

    app.delete(
      '/performances/:id/chat/membership',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['chat'],
          summary: 'Leave the room (idempotent)',
          security,
          params: PerformanceParams,
          response: { 200: Membership, ...errors(400, 401, 404) },
        },
      },
      async (request) => {
        await service.leave(userIdOf(request), request.params.id);
        return { member: false };
      },
    );

    app.get(
      '/performances/:id/chat/members',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['chat'],
          summary: 'Members with nickname and online flag (online first, capped), their count, who is online',
          security,
          params: PerformanceParams,
          response: {
            200: Type.Intersect([MembersPage, Type.Object({ member: Type.Boolean() })]),
            ...errors(400, 401, 404),
          },
        },
      },
      async (request) => {
        const [page, member] = await Promise.all([
          service.members(request.params.id),
          service.isMember(userIdOf(request), request.params.id),
        ]);
        return { ...page, member };
      },
    );

    app.post(
      '/chat/messages/:id/reports',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['chat'],
          summary: 'Report a message to the moderators (once per user and message)',
          security,
          params: MessageParams,
          response: { 204: Type.Null(), ...errors(400, 401, 404, 409) },
        },
      },
      async (request, reply) => {
        await service.report(userIdOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/admin/chat/messages/:id/delete',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['chat'],
          summary: 'Delete a message: gone from history, removed live on every socket (idempotent)',
          security,
          params: MessageParams,
          response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await service.deleteMessage(userIdOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/admin/chat/mutes',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['chat'],
          summary: "Mute a user in a performance's room for some minutes (a new mute replaces the old)",
          security,
          body: MuteBody,
          response: { 200: Mute, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => service.mute(userIdOf(request), request.body),
    );
  };
