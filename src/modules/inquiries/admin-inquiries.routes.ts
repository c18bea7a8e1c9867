import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../../http/schemas.ts';
import {
  DeskPage,
  DeskQuery,
  DeskThread,
  IdParams,
  InquirySummary,
  Message,
  MessageBody,
  toDeskThread,
  toFields,
  toMessage,
  toSummary,
} from './inquiries.schemas.ts';
import type { InquiriesService } from './inquiries.service.ts';

const security = [{ bearerAuth: [] }];

/** The support desk (1:1 문의 in the admin console). Answers and closes are audited in-service. */
export const adminInquiriesRoutes =
  (deps: { service: InquiriesService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service } = deps;

    app.get(
      '/admin/inquiries',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['inquiries'],
          summary: 'The support desk: OPEN ones oldest waiting first, others by latest activity',
          security,
          querystring: DeskQuery,
          response: { 200: DeskPage, ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { status, category, page, size } = request.query;
        const { rows, total } = await service.desk({ status, category }, page, size);
        const people = await service.people(rows.map((r) => r.user_id));
        return {
          items: rows.map((r) => ({
            ...toFields(r),
            waitingSince: r.waiting_since?.toISOString() ?? null,
            buyer: {
              id: r.user_id,
              nickname: people.get(r.user_id)?.nickname ?? '(탈퇴한 회원)',
              email: people.get(r.user_id)?.email ?? '',
            },
          })),
          page,
          size,
          total,
        };
      },
    );

    app.get(
      '/admin/inquiries/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['inquiries'],
          summary: 'One inquiry with its buyer and thread',
          security,
          params: IdParams,
          response: { 200: DeskThread, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => toDeskThread(await service.deskThread(request.params.id)),
    );

    app.post(
      '/admin/inquiries/:id/messages',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags: ['inquiries'],
          summary: 'Answer as 고객센터: the inquiry becomes ANSWERED and the buyer is notified',
          security,
          params: IdParams,
          body: MessageBody,
          response: { 201: Message, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const message = await service.answer(
          request.user!.id,
          request.params.id,
          request.body.body,
          request.id,
        );
        return reply.status(201).send(toMessage(message));
      },
    );

    app.post(
      '/admin/inquiries/:id/close',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags: ['inquiries'],
          summary: 'Close an inquiry (idempotent)',
          security,
          params: IdParams,
          response: { 200: InquirySummary, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) =>
        toSummary(await service.closeByStaff(request.user!.id, request.params.id, request.id)),
    );
  };
