import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { TicketsService } from './tickets.service.ts';
import {
  CheckInBody,
  CheckInResult,
  FailuresQuery,
  IssuanceFailure,
  Ticket,
  TicketIdParams,
  toFailure,
  toTicket,
} from './tickets.schemas.ts';

const security = [{ bearerAuth: [] }];

export const ticketsRoutes =
  (service: TicketsService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/tickets',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['tickets'],
          summary: "The caller's tickets",
          security,
          response: { 200: Type.Array(Ticket) },
        },
      },
      async (request) => (await service.listForUser(request.user!.id)).map(toTicket),
    );

    app.get(
      '/tickets/:id/qr.svg',
      {
        config: { access: 'owner' },
        schema: {
          tags: ['tickets'],
          summary: 'The QR image (SVG) of a ticket code; owner or admin',
          security,
          params: TicketIdParams,
          produces: ['image/svg+xml'],
        },
      },
      async (request, reply) => {
        const svg = await service.qrSvg(request.params.id, request.user!);
        return reply.type('image/svg+xml').header('cache-control', 'private, no-store').send(svg);
      },
    );

    app.post(
      '/admin/check-ins',
      {
        // Gate scanners scan fast; the limit only stops someone trying codes at random.
        config: { access: 'staff', rateLimit: { max: 1200, timeWindow: '1 minute' } },
        schema: {
          tags: ['tickets'],
          summary: 'Check a ticket in at the gate (ADMIN or STAFF): ISSUED → USED exactly once',
          security,
          body: CheckInBody,
          response: { 200: CheckInResult },
        },
      },
      async (request) => {
        const t = await service.checkIn(request.body.code, request.user!.id, request.body.showtimeId);
        return {
          ticketId: t.id,
          status: 'USED' as const,
          showtimeId: t.showtime_id,
          seat: { section: t.section, row: t.row_label, number: t.number, grade: t.grade },
          usedAt: (t.used_at ?? new Date()).toISOString(),
        };
      },
    );

    app.get(
      '/admin/issuance-failures',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['tickets'],
          summary: 'Ticket issuances that failed for good (dead-lettered), newest first',
          security,
          querystring: FailuresQuery,
          response: { 200: Type.Array(IssuanceFailure) },
        },
      },
      async (request) => (await service.listFailures(request.query.limit)).map(toFailure),
    );
  };
