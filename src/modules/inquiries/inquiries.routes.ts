import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { userKey } from '../../http/rate-limit-key.ts';
import { errors } from '../../http/schemas.ts';
import {
  IdParams,
  InquiryPage,
  InquirySummary,
  InquiryThread,
  Message,
  MessageBody,
  MineQuery,
  OpenInquiryBody,
  toMessage,
  toSummary,
  toThread,
} from './inquiries.schemas.ts';
import type { InquiriesService } from './inquiries.service.ts';

const security = [{ bearerAuth: [] }];

export interface InquiryLimits {
  opensPerHour: number;
  messagesPerHour: number;
}

/** Per signed-in user, after authentication (hook preHandler), keyed on the verified user id. */
const perUser = (max: number) => ({
  max,
  timeWindow: 3_600_000,
  hook: 'preHandler' as const,
  keyGenerator: userKey,
});

/** 1:1 문의 for buyers: open, list, read the thread, add a message, close. */
export const inquiriesRoutes =
  (deps: { service: InquiriesService; limits: InquiryLimits }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service, limits } = deps;

    app.post(
      '/inquiries',
      {
        config: { access: 'signed-in', rateLimit: perUser(limits.opensPerHour) },
        schema: {
          tags: ['inquiries'],
          summary: 'Open a 1:1 inquiry, optionally about one of your reservations',
          description:
            'Title 1–100 and body 1–2000 characters, screened against the banned-words list (422 BANNED_WORDS). ' +
            'A reservationId that is not yours is 404 RESERVATION_NOT_FOUND. Limited per user per hour (429).',
          security,
          body: OpenInquiryBody,
          response: { 201: InquiryThread, ...errors(400, 401, 404, 422, 429) },
        },
      },
      async (request, reply) => {
        const thread = await service.open(request.user!.id, request.body);
        return reply.status(201).send(toThread(thread));
      },
    );

    app.get(
      '/inquiries',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['inquiries'],
          summary: 'Your inquiries, latest activity first, with status and an unread-answer flag',
          security,
          querystring: MineQuery,
          response: { 200: InquiryPage, ...errors(400, 401) },
        },
      },
      async (request) => {
        const { page, size } = request.query;
        const { rows, total } = await service.listMine(request.user!.id, page, size);
        return { items: rows.map(toSummary), page, size, total };
      },
    );

    app.get(
      '/inquiries/:id',
      {
        config: { access: 'owner' },
        schema: {
          tags: ['inquiries'],
          summary: 'Your inquiry with its messages (answers are marked read); others’ are 404',
          security,
          params: IdParams,
          response: { 200: InquiryThread, ...errors(400, 401, 404) },
        },
      },
      async (request) => toThread(await service.mine(request.user!.id, request.params.id)),
    );

    app.post(
      '/inquiries/:id/messages',
      {
        config: { access: 'owner', rateLimit: perUser(limits.messagesPerHour) },
        schema: {
          tags: ['inquiries'],
          summary: 'Add a message: the buyer (reopens it) or an admin (answers it)',
          security,
          params: IdParams,
          body: MessageBody,
          response: { 201: Message, ...errors(400, 401, 404, 409, 422, 429) },
        },
      },
      async (request, reply) => {
        const message = await service.addMessage(
          request.user!,
          request.params.id,
          request.body.body,
          request.id,
        );
        return reply.status(201).send(toMessage(message));
      },
    );

    app.post(
      '/inquiries/:id/close',
      {
        config: { access: 'owner' },
        schema: {
          tags: ['inquiries'],
          summary: 'Close your inquiry (a new message of yours reopens it)',
          security,
          params: IdParams,
          response: { 200: InquirySummary, ...errors(400, 401, 404) },
        },
      },
      async (request) => toSummary(await service.closeMine(request.user!.id, request.params.id)),
    );
  };
