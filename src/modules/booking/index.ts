import { ShowtimeHoldersReader } from './showtime-holders.ts';
import { AccountRecords } from './account-records.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Counter } from 'prom-client';
import type { Background, Infra } from '../../container.ts';
import { AppError } from '../../errors.ts';
import { LeasedJob } from '../../infra/lease.ts';
import type { ConsumerHandle } from '../../infra/broker.ts';
import { parseEvent } from '../events/event-schemas.ts';
import type { CheckoutSettlement, PaymentGateway } from '../payments/index.ts';
import { BookingRepository } from './booking.repository.ts';
import { bookingRoutes } from './booking.routes.ts';
import type { BookingDeps } from './booking.deps.ts';
import { CancelService } from './cancel.service.ts';
import { CheckoutSaga } from './checkout-saga.ts';
import { HoldRepository, heldSeatsDigest } from './hold.repository.ts';
import { HoldService } from './holds.service.ts';
import { IdempotencyRepository } from './idempotency.repository.ts';
import type {
  AdminAudit,
  AdmissionGate,
  BuyerDirectory,
  DiscountPort,
  InventoryPort,
  SalesRanking,
} from './ports.ts';
import { RefundsRepository } from './refunds.repository.ts';
import { AdminOrdersRepository } from './admin-orders.repository.ts';
import { AdminOrders } from './admin-orders.service.ts';
import { adminOrdersRoutes } from './admin-orders.routes.ts';
import { CheckoutRecovery, DEFAULT_RECOVERY, type RecoveryOptions } from './recovery.job.ts';
import { ReservationQueries, type TicketsOf } from './reservation-queries.ts';
import { ReservationSeats } from './reservation-seats.ts';
import { ReservationService } from './reservations.service.ts';
import { CouponQuotes } from './quotes.service.ts';
import { quoteRoutes } from './quotes.routes.ts';
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
  /** Seats and showtimes (the catalogue). */
  inventory: InventoryPort;
  /** The payment provider (the payments module's adapter, or a test's). */
  gateway: PaymentGateway;
  gate?: AdmissionGate;
  /** Coupons; when absent, a reservation naming a coupon is refused with COUPON_NOT_APPLICABLE. */
  discounts?: DiscountPort;
  ranking?: SalesRanking;
  /** Tickets shown with a reservation (the tickets module); none by default. */
  ticketsOf?: TicketsOf;
  recovery?: Partial<RecoveryOptions>;
  /** Buyers for the orders desk (the users module); without it a text search matches no account. */
  buyers?: BuyerDirectory;
  /** The audit log (admin cancellations and refunds, exports). */
  audit?: AdminAudit;
}

const noBuyers: BuyerDirectory = { matching: async () => [], profiles: async () => new Map() };

export interface BookingModule {
  routes: FastifyPluginAsyncTypebox[];
  background: Background[];
  /** For the payments module's routes: complete and webhook settle through checkout. */
  settlement: CheckoutSettlement;
  /** For the admin live figures: seats held or reserved right now. */
  heldSeatIds: (showtimeId: string) => Promise<Set<string>>;
  recovery: CheckoutRecovery;
  saga: CheckoutSaga;
  cancels: CancelService;
  /** My reservations (list and detail, the owner's only); the assistant's tools read them. */
  queries: ReservationQueries;
  /** The orders desk (admin search, detail, cancel and export). */
  adminOrders: AdminOrders;
  /** For withdrawal: open orders for shows ahead, and erasing the booker details (in `tx`). */
  bookers: AccountRecords;
  holders: ShowtimeHoldersReader;
}

function counter<L extends string>(infra: Infra, name: string, help: string, label: L): Counter<L> {
  return infra.metrics.counter({ name, help, labelNames: [label] });
}

/**
 * Seats held in Redis by checkout, read without building the module: the catalogue's seat map needs
 * them, and the catalogue is built before checkout (it owns the inventory checkout sells).
 */
export function heldSeatsReader(infra: Pick<Infra, 'redis'>): {
  heldSeatIds: (showtimeId: string) => Promise<Set<string>>;
  heldSeats: (showtimeId: string) => Promise<{ ids: Set<string>; digest: string }>;
  heldDigest: (showtimeId: string) => Promise<string>;
} {
  const holds = new HoldRepository(infra.redis);
  // Conditional seat-map reads of one showtime arriving together share one Redis call: each answer
  // is the state at some moment during its own request, as a call of its own would be.
  const digests = new Map<string, Promise<string>>();
  const heldDigest = (showtimeId: string): Promise<string> => {
    let digest = digests.get(showtimeId);
    if (!digest) {
      digest = holds.heldDigest(showtimeId).finally(() => digests.delete(showtimeId));
      digests.set(showtimeId, digest);
    }
    return digest;
  };
  return {
    heldSeatIds: (showtimeId) => holds.heldSeatIds(showtimeId),
    heldSeats: async (showtimeId) => {
      const ids = await holds.heldSeatIds(showtimeId);
      return { ids, digest: heldSeatsDigest(ids) };
    },
    heldDigest,
  };
}

/** Holds, reservations, the checkout saga with its recovery job, and the settlement payments calls. */
export function createBookingModule(infra: Infra, ports: BookingPorts): BookingModule {
  const { config } = infra;
  const holdRepo = new HoldRepository(infra.redis);
  const repo = new BookingRepository();
  const deps: BookingDeps = {
    db: infra.db,
    readRouting: infra.readRouting,
    config,
    log: infra.log,
    clock: infra.clock,
    repo,
    idempotency: new IdempotencyRepository(),
    refunds: new RefundsRepository(),
    audit: ports.audit,
    seats: new ReservationSeats(repo, ports.inventory),
    holds: holdRepo,
    inventory: ports.inventory,
    gateway: ports.gateway,
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
      steps: infra.metrics.histogram({
        name: 'checkout_step_seconds',
        help: 'Time per step of reserve, complete and settle (src/modules/booking/checkout-steps.ts)',
        labelNames: ['step'],
        buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
      }),
    },
  };
  const saga = new CheckoutSaga(deps);
  const holds = new HoldService(deps);
  const reservations = new ReservationService(deps, holds, saga);
  const queries = new ReservationQueries(deps, ports.ticketsOf ?? (async () => []));
  const cancels = new CancelService(deps);
  const ticketsOf = ports.ticketsOf ?? (async () => []);
  const adminOrders = new AdminOrders(
    deps,
    new AdminOrdersRepository(),
    ports.buyers ?? noBuyers,
    cancels,
    ticketsOf,
  );
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
      quoteRoutes({ quotes: new CouponQuotes(deps) }),
      adminOrdersRoutes({ orders: adminOrders }),
    ],
    settlement: new Settlement(deps, saga),
    background: [
      { name: 'checkout-recovery', start: () => job.start(), stop: () => job.stop() },
      compensationConsumer,
    ],
    heldSeatIds: (showtimeId) => holdRepo.heldSeatIds(showtimeId),
    recovery,
    saga,
    cancels,
    queries,
    adminOrders,
    bookers: new AccountRecords(infra.db, repo, ports.inventory),
    /** For reminders and review invitations (onsale-alerts' ShowtimeHolders port). */
    holders: new ShowtimeHoldersReader(infra.db, repo, ports.inventory),
  };
}
