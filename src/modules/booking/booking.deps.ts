import type { Counter, Histogram } from 'prom-client';
import type { Config } from '../../config.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { ReadRouting } from '../../infra/read-routing.ts';
import type { PaymentGateway } from '../payments/index.ts';
import type { BookingRepository } from './booking.repository.ts';
import type { HoldRepository } from './hold.repository.ts';
import type { IdempotencyRepository } from './idempotency.repository.ts';
import type { AdmissionGate, AdminAudit, DiscountPort, InventoryPort, SalesRanking } from './ports.ts';
import type { RefundsRepository } from './refunds.repository.ts';
import type { ReservationSeats } from './reservation-seats.ts';

/** What the booking services are built from (assembled in index.ts). */
export interface BookingDeps {
  db: Db;
  /** Reads of a user's own reservations: the primary right after that user wrote, else the replica. */
  readRouting: ReadRouting;
  config: Config;
  log: Logger;
  /** The one source of "now" (a ManualClock in tests). */
  clock: Clock;
  repo: BookingRepository;
  idempotency: IdempotencyRepository;
  /** Refunds (one row each, summed by the database) and the reservation timeline. */
  refunds: RefundsRepository;
  /** Records admin actions in their transaction; absent in tools that build checkout alone. */
  audit: AdminAudit | undefined;
  /** Seats joined from the catalogue's inventory and booking's reservation seats. */
  seats: ReservationSeats;
  holds: HoldRepository;
  /** Seats and showtimes (the catalogue), inside booking's transactions. */
  inventory: InventoryPort;
  gateway: PaymentGateway;
  gate: AdmissionGate;
  discounts: DiscountPort | undefined;
  ranking: SalesRanking;
  metrics: CheckoutMetrics;
}

/** Metrics for dashboards: how holds and checkouts end, and where a purchase's time goes. */
export interface CheckoutMetrics {
  holds: Counter<'result'>;
  /** Holds that ran out without being released or reserved. */
  holdsExpired: Counter;
  checkouts: Counter<'outcome'>;
  /** Seconds per step of reserve, complete and settle (checkout-steps.ts). */
  steps: Histogram<'step'>;
}

/** Runs a side effect that must not fail the request once the transaction committed (logged instead). */
export async function afterCommit(log: Logger, what: string, effect: () => Promise<unknown>): Promise<void> {
  try {
    await effect();
  } catch (err) {
    log.warn({ err, what }, 'post-commit effect failed');
  }
}
