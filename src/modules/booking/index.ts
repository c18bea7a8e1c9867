import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Counter } from 'prom-client';
import type { Background, Infra } from '../../container.ts';
import { AppError } from '../../errors.ts';
import { LeasedJob } from '../../infra/lease.ts';
import type { ConsumerHandle } from '../../infra/broker.ts';
import { parseEvent } from '../events/event-schemas.ts';
import { HttpPaymentGateway, type PaymentGateway } from '../payments/payment-gateway.ts';
import { paymentRoutes } from '../payments/payments.routes.ts';
import { BookingRepository } from './booking.repository.ts';
import { bookingRoutes } from './booking.routes.ts';
import type { BookingDeps } from './booking.deps.ts';
import { CancelService } from './cancel.service.ts';
import { CheckoutSaga } from './checkout-saga.ts';
import { HoldRepository } from './hold.repository.ts';
import { HoldService } from './holds.service.ts';
import type { AdmissionGate, DiscountPort, SalesRanking } from './ports.ts';
import { CheckoutRecovery, DEFAULT_RECOVERY, type RecoveryOptions } from './recovery.job.ts';
import { ReservationQueries, type TicketsOf } from './reservation-queries.ts';
import { ReservationService } from './reservations.service.ts';
import { Settlement } from './settlement.ts';

/** Queue names (the broker prefixes them with AMQP_QUEUE_PREFIX). */
export const BOOKING_QUEUES = { issuanceFailed: 'booking.issuance-failed' } as const;

/** Without a waiting room wired in, a queued showtime admits nobody (fail closed). */
export const rejectQueuedShowtimes: AdmissionGate = {
  assertAdmitted: async () => {
    throw new AppError('ADMISSION_REQUIRED');
  },
  release: async () => undefined,
};

export const noRanking: SalesRanking = { recordSales: async () => undefined };

export interface BookingPorts {
  gate?: AdmissionGate;
  /** Coupons; when absent, a reservation naming a coupon is refused with COUPON_NOT_APPLICABLE. */
  discounts?: DiscountPort;
  ranking?: SalesRanking;
  /** Tickets shown with a reservation (the tickets module); none by default. */
  ticketsOf?: TicketsOf;
  /** Another gateway adapter (tests); the HTTP adapter on PAYMENT_GATEWAY_URL by default. */
  gateway?: PaymentGateway;
  recovery?: Partial<RecoveryOptions>;
}

export interface BookingModule {
  routes: FastifyPluginAsyncTypebox[];
  background: Background[];
  /** For the catalogue's seat map: seats held or reserved right now. */
  heldSeatIds: (showtimeId: string) => Promise<Set<string>>;
  recovery: CheckoutRecovery;
  saga: CheckoutSaga;
  cancels: CancelService;
}

function counter<L extends string>(infra: Infra, name: string, help: string, label: L): Counter<L> {
  return infra.metrics.counter({ name, help, labelNames: [label] });
}

/** Holds, reservations, the checkout saga with its recovery job, and the payment routes. */
export function createBookingModule(infra: Infra, ports: BookingPorts = {}): BookingModule {
  const { config } = infra;
  const holdRepo = new HoldRepository(infra.redis);
  const deps: BookingDeps = {
    db: infra.db,
    config,
    log: infra.log,
    repo: new BookingRepository(),
    holds: holdRepo,
    gateway:
      ports.gateway ??
      new HttpPaymentGateway({
        baseUrl: config.PAYMENT_GATEWAY_URL,
        secret: config.PAYMENT_GATEWAY_SECRET,
        timeoutMs: config.PAYMENT_GATEWAY_TIMEOUT_MS,
        retries: config.PAYMENT_GATEWAY_RETRIES,
      }),
    gate: ports.gate ?? rejectQueuedShowtimes,
    discounts: ports.discounts,
    ranking: ports.ranking ?? noRanking,
    metrics: {
      holds: counter(
        infra,
        'checkout_holds_total',
        'Seat hold requests by result (held, taken, limit)',
        'result',
      ),
      holdsExpired: infra.metrics.counter({
        name: 'checkout_holds_expired_total',
        help: 'Seat holds that ran out without being released or reserved (swept by the recovery job)',
      }),
      checkouts: counter(
        infra,
        'checkout_transitions_total',
        'Reservations closed by outcome (CONFIRMED, FAILED, EXPIRED, CANCELLED)',
        'outcome',
      ),
    },
  };
  const saga = new CheckoutSaga(deps);
  const holds = new HoldService(deps);
  const reservations = new ReservationService(deps, holds, saga);
  const queries = new ReservationQueries(deps, ports.ticketsOf ?? (async () => []));
  const cancels = new CancelService(deps);
  const recovery = new CheckoutRecovery(deps, saga, cancels, { ...DEFAULT_RECOVERY, ...ports.recovery });

  const job = new LeasedJob({
    name: 'checkout-recovery',
    intervalMs: config.CHECKOUT_RECOVERY_INTERVAL_MS,
    redis: infra.redis,
    log: infra.log,
    run: async () => {
      await recovery.runOnce();
    },
  });

  // Ticket issuance failed for good (tickets module, after retries): refund and release.
  let compensation: ConsumerHandle | undefined;
  const compensationConsumer: Background = {
    name: 'checkout-issuance-compensation',
    start: async () => {
      compensation = await infra.broker.consume({
        queue: BOOKING_QUEUES.issuanceFailed,
        bindings: ['ticket.issuance_failed'],
        handler: async (body) => {
          const event = parseEvent('ticket.issuance_failed', body);
          await cancels.compensateIssuanceFailure(event.data.reservationId);
        },
      });
    },
    stop: async () => {
      await compensation?.cancel();
    },
  };

  return {
    routes: [
      bookingRoutes({ holds, reservations, queries, cancels }),
      paymentRoutes({
        settlement: new Settlement(deps, saga),
        webhookSecret: config.PAYMENT_WEBHOOK_SECRET,
        toleranceSeconds: config.PAYMENT_WEBHOOK_TOLERANCE_SECONDS,
      }),
    ],
    background: [
      { name: 'checkout-recovery', start: () => job.start(), stop: () => job.stop() },
      compensationConsumer,
    ],
    heldSeatIds: (showtimeId) => holdRepo.heldSeatIds(showtimeId),
    recovery,
    saga,
    cancels,
  };
}
