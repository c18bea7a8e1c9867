import type { Counter } from 'prom-client';
import type { Config } from '../../config.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import type { BookingRepository } from './booking.repository.ts';
import type { HoldRepository } from './hold.repository.ts';
import type { AdmissionGate, DiscountPort, SalesRanking } from './ports.ts';

/** What the booking services are built from (assembled in index.ts). */
export interface BookingDeps {
  db: Db;
  config: Config;
  log: Logger;
  repo: BookingRepository;
  holds: HoldRepository;
  gateway: PaymentGateway;
  gate: AdmissionGate;
  discounts: DiscountPort | undefined;
  ranking: SalesRanking;
  metrics: CheckoutMetrics;
}

/** Counters for dashboards: how holds and checkouts end. */
export interface CheckoutMetrics {
  holds: Counter<'result'>;
  /** Holds that ran out without being released or reserved. */
  holdsExpired: Counter;
  checkouts: Counter<'outcome'>;
}

/** Runs a side effect that must not fail the request once the transaction committed (logged instead). */
export async function afterCommit(log: Logger, what: string, effect: () => Promise<unknown>): Promise<void> {
  try {
    await effect();
  } catch (err) {
    log.warn({ err, what }, 'post-commit effect failed');
  }
}
