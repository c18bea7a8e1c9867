import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import {
  AdmissionHeaders,
  Cancelled,
  CreatedReservation,
  errors,
  Hold,
  HoldBody,
  IdempotencyHeaders,
  IdParams,
  ListQuery,
  ReservationBody,
  ReservationDetail,
  RefundPolicy,
  RefundAccountBody,
  RefundQuote,
  ReservationList,
  ShowtimeParams,
} from './booking.schemas.ts';
import type { HoldService } from './holds.service.ts';
import type { ReservationService } from './reservations.service.ts';
import type { ReservationQueries } from './reservation-queries.ts';
import type { CancelService } from './cancel.service.ts';
import { userKey } from '../../http/rate-limit-key.ts';
import {
  plainProblemAnswer,
  problemAnswer,
  sendPlainProblem,
  sendProblem,
} from '../../http/error-handler.ts';
import { tooManyRequests, type AlongsideRule, type LeasedRule } from '../../http/leased-limit.ts';
import { isCanonicalUuid, UUID_SOURCE } from '../../http/schemas.ts';

/** Bodies the hold lane reads itself; larger ones (20 seats are about 800 bytes) go to Fastify. */
const HOLD_BODY_LANE_LIMIT = 2_048;
// The schema's own bounds (TypeBox keeps them on the schema object; its type does not name them).
const { minItems: MIN_SEATS, maxItems: MAX_SEATS } = HoldBody.properties.seatIds as unknown as {
  minItems: number;
  maxItems: number;
};

/**
 * The seats of a hold body the route's schema admits as it stands (`{"seatIds": [...]}`, 1 to 20
 * distinct canonical uuids, nothing else), or undefined: Fastify's parser and validator then answer.
 */
function holdSeatIds(text: string): string[] | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'seatIds') return undefined;
  const { seatIds } = body as { seatIds: unknown };
  if (!Array.isArray(seatIds) || seatIds.length < MIN_SEATS || seatIds.length > MAX_SEATS) return undefined;
  if (!seatIds.every(isCanonicalUuid) || new Set(seatIds).size !== seatIds.length) return undefined;
  return seatIds;
}

export interface BookingRouteDeps {
  holds: HoldService;
  reservations: ReservationService;
  queries: ReservationQueries;
  cancels: CancelService;
}

// Per signed-in user: clients behind one NAT are not throttled together.
const perSession = (max: number) => ({
  rateLimit: { max, timeWindow: '1 minute', keyGenerator: userKey },
});

const security = [{ bearerAuth: [] }];

export const bookingRoutes =
  (deps: BookingRouteDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/refund-policy',
      {
        config: { access: 'public' },
        schema: {
          tags: ['checkout'],
          summary: 'Refund percent by days before the show, and the cancel deadline (REFUND_POLICY)',
          response: { 200: RefundPolicy },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return deps.cancels.policy();
      },
    );

    // 60 a minute per signed-in user (else per address). Hold attempts come in bursts during an
    // onsale: the budget is taken from Redis a slice at a time, checked by our own hook (no promise
    // per attempt), before the guard as the plugin's hook was.
    const holdsUrl = `${app.prefix}/showtimes/:id/holds`;
    const holdLimit: LeasedRule = {
      url: holdsUrl,
      max: 60,
      timeWindow: 60_000,
      key: userKey,
      headers: true,
      detail: tooManyRequests,
    };
    /**
     * A signed-in attempt without an admission token on a queued showtime on sale: refused before the
     * hold limit counts it (and before its body is read). The refusal asks no store, so the limit,
     * which guards the stores, has nothing to protect there; and a buyer who pressed the button before
     * their turn comes to it with the whole budget. The bearer token is read as the guard reads it
     * (`FastLane.signedIn`); any other token goes on to the limit and the guard's 401.
     */
    const refusedBeforeCount = (raw: IncomingMessage, showtimeId: string) => {
      if (raw.headers['x-admission-token'] !== undefined) return undefined;
      const refusal = deps.holds.refusalBeforeBody(showtimeId, undefined);
      if (refusal === undefined || app.fastLane.signedIn(raw) === undefined) return undefined;
      return refusal;
    };
    const holdsPath = new RegExp(`^${app.prefix}/showtimes/(${UUID_SOURCE})/holds$`);
    // The same refusals before Fastify (src/http/fast-lane.ts): the 403 from the headers; the 409 on
    // seats remembered taken once the body is read, where the showtime's facts say it can be decided
    // so, and for a token the guard would take (anything else goes to Fastify, its body replayed).
    app.fastLane.add('POST', holdsUrl, (request) => {
      const showtimeId = holdsPath.exec(request.url ?? '')?.[1];
      if (showtimeId === undefined) return undefined;
      const refusal = refusedBeforeCount(request, showtimeId);
      if (refusal !== undefined) return plainProblemAnswer(refusal);
      if (!deps.holds.remembersTakenSeats(showtimeId) || app.fastLane.signedIn(request) === undefined) {
        return undefined;
      }
      return app.fastLane.readBody(request, HOLD_BODY_LANE_LIMIT, (text) => {
        const seatIds = holdSeatIds(text);
        const problem = seatIds && deps.holds.refusalFromMemory(showtimeId, seatIds);
        return problem ? problemAnswer(problem) : undefined;
      });
    });

    app.post(
      '/showtimes/:id/holds',
      {
        onRequest: [
          (request, reply, done) => {
            const refusal = refusedBeforeCount(request.raw, request.params.id);
            if (refusal) sendPlainProblem(reply, refusal);
            else done();
          },
        ],
        preParsing: app.fastLane.replayBody,
        // Seats remembered taken are refused before the limit counts the attempt (it asks no store);
        // every other attempt is counted before the service asks one.
        preHandler: [
          (request, reply, done) => {
            const problem = deps.holds.refusalFromMemory(request.params.id, request.body.seatIds);
            if (problem) sendProblem(reply, problem);
            else done();
          },
          app.leasedLimits([holdLimit]),
        ],
        config: { access: 'signed-in' },
        schema: {
          tags: ['checkout'],
          summary: 'Hold seats (all or none) for a few minutes',
          security,
          params: ShowtimeParams,
          headers: AdmissionHeaders,
          body: HoldBody,
          response: { 201: Hold, ...errors(400, 401, 403, 404, 409, 422, 429, 503) },
        },
      },
      async (request, reply) => {
        const hold = await deps.holds.hold({
          userId: request.user!.id,
          showtimeId: request.params.id,
          seatIds: request.body.seatIds,
          admissionToken: request.headers['x-admission-token'],
        });
        return reply.status(201).send(hold);
      },
    );

    app.delete(
      '/holds/:id',
      {
        config: { access: 'owner' },
        schema: {
          tags: ['checkout'],
          summary: 'Release a hold',
          security,
          params: IdParams,
          response: { 204: Type.Null(), ...errors(400, 401, 404, 503) },
        },
      },
      async (request, reply) => {
        await deps.holds.release(request.params.id, request.user!.id);
        return reply.status(204).send(null);
      },
    );

    // 60 a minute per signed-in user, counted while the hold (and, for a hold made here, the catalogue)
    // is read: the service awaits the verdict before the gateway or the database is written to, so the
    // count costs a reservation no wait of its own.
    const reserveLimit: AlongsideRule = {
      url: `${app.prefix}/reservations`,
      max: 60,
      timeWindow: 60_000,
      key: userKey,
      headers: true,
      detail: tooManyRequests,
    };

    app.post(
      '/reservations',
      {
        onRequest: app.countedAlongside(reserveLimit),
        config: { access: 'owner' },
        schema: {
          tags: ['checkout'],
          summary: 'Reserve a hold and start the payment (Idempotency-Key required)',
          security,
          headers: IdempotencyHeaders,
          body: ReservationBody,
          response: { 201: CreatedReservation, ...errors(400, 401, 403, 404, 409, 422, 429, 502) },
        },
      },
      async (request, reply) => {
        const idempotencyKey = request.headers['idempotency-key'];
        if (!idempotencyKey) throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
        const created = await deps.reservations.create({
          userId: request.user!.id,
          idempotencyKey,
          holdId: request.body.holdId,
          userCouponId: request.body.userCouponId,
          ticketTypes: request.body.ticketTypes,
          booker: request.body.booker,
          payMethod: request.body.payMethod,
          easyPayProvider: request.body.easyPayProvider,
          admissionToken: request.headers['x-admission-token'],
          counted: request.limitVerdict,
        });
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/reservations',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['checkout'],
          summary: 'My reservations',
          security,
          querystring: ListQuery,
          response: { 200: ReservationList, ...errors(400, 401) },
        },
      },
      async (request) => deps.queries.list(request.user!.id, request.query.page, request.query.size),
    );

    app.get(
      '/reservations/:id',
      {
        config: { access: 'owner' },
        schema: {
          tags: ['checkout'],
          summary: 'One of my reservations',
          security,
          params: IdParams,
          response: { 200: ReservationDetail, ...errors(400, 401, 404) },
        },
      },
      async (request) => deps.queries.get(request.params.id, request.user!.id),
    );

    app.get(
      '/reservations/:id/refund-quote',
      {
        config: { access: 'owner' },
        schema: {
          tags: ['checkout'],
          summary: 'What cancelling now would refund, the fee kept, and until when cancelling is possible',
          security,
          params: IdParams,
          response: { 200: RefundQuote, ...errors(400, 401, 404) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return deps.cancels.quote(request.params.id, request.user!.id);
      },
    );

    app.post(
      '/reservations/:id/cancel',
      {
        config: { access: 'owner', ...perSession(30) },
        schema: {
          tags: ['checkout'],
          summary:
            'Cancel a confirmed reservation; refund by the policy (a virtual-account payment into refundAccount)',
          security,
          params: IdParams,
          body: Type.Union([RefundAccountBody, Type.Null()]),
          response: { 200: Cancelled, ...errors(400, 401, 404, 409, 429, 502) },
        },
      },
      async (request) =>
        deps.cancels.cancel(request.params.id, request.user!.id, request.body?.refundAccount ?? undefined),
    );
  };
