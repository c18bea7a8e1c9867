import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Door } from './door.service.ts';
import { errors } from '../../http/schemas.ts';
import type { TicketsService } from './tickets.service.ts';
import {
  CheckInBody,
  CheckInRefusal,
  CheckInResult,
  DoorShowtimeItem,
  DoorShowtimesQuery,
  FailuresQuery,
  IssuanceFailure,
  Ticket,
  TicketIdParams,
  toDoorAnswer,
  toDoorShowtime,
  toFailure,
  toTicket,
} from './tickets.schemas.ts';

const security = [{ bearerAuth: [] }];

export const ticketsRoutes =
  (service: TicketsService, door: Door): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/tickets',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['tickets'],
          summary: "The caller's tickets",
          security,
          response: { 200: Type.Array(Ticket), ...errors(401) },
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
          // A string payload with its own content type is sent as is (never JSON-serialised).
          response: { 200: Type.String({ description: 'SVG image' }), ...errors(400, 401, 404) },
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
        // Door scanners scan fast; the limit only stops someone trying codes at random.
        config: { access: 'staff', rateLimit: { max: 1200, timeWindow: '1 minute' } },
        schema: {
          tags: ['tickets'],
          summary: 'Check a ticket in at the door (ADMIN or STAFF): ISSUED → USED exactly once',
          description:
            'Every answer names the show, date, seat and holder (nickname, masked email). With ' +
            "`showtimeId` (the door's showtime) another showtime's ticket is 409 WRONG_SHOWTIME naming " +
            'its showtime; without it any showtime is admitted. A revoked ticket is 409 TICKET_REVOKED, a ' +
            'used one 409 TICKET_ALREADY_USED with `usedAt`; a code that is not a genuine ticket is 400 ' +
            'INVALID_TICKET.',
          security,
          body: CheckInBody,
          // 409 carries the ticket's description beside the problem (CheckInRefusal).
          response: { 200: CheckInResult, ...errors(400, 401, 403, 429), 409: CheckInRefusal },
        },
      },
      async (request) => {
        const answer = await door.checkIn(request.body.code, request.user!.id, request.body.showtimeId);
        const described = toDoorAnswer(answer);
        return {
          ...described,
          status: 'USED' as const,
          usedAt: described.usedAt ?? new Date().toISOString(),
        };
      },
    );

    app.get(
      '/admin/check-ins/showtimes',
      {
        config: { access: 'staff' },
        schema: {
          tags: ['tickets'],
          summary: "Showtimes a door can serve (ADMIN or STAFF): today's and the next days', earliest first",
          description:
            'From the start of today (Asia/Seoul) to `days` from now, at most 200, each with its tickets ' +
            'issued and checked in so far.',
          security,
          querystring: DoorShowtimesQuery,
          response: { 200: Type.Array(DoorShowtimeItem), ...errors(400, 401, 403) },
        },
      },
      async (request) => (await door.showtimes(request.query.days)).map(toDoorShowtime),
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
          response: { 200: Type.Array(IssuanceFailure), ...errors(400, 401, 403) },
        },
      },
      async (request) => (await service.listFailures(request.query.limit)).map(toFailure),
    );
  };
