import { AppError } from '../../errors.ts';
import type { BookingDeps } from './booking.deps.ts';
import { isWaiting, type CheckoutSaga } from './checkout-saga.ts';
import type { CancelService } from './cancel.service.ts';
import type { Reservation } from './booking.tables.ts';

export interface RecoveryOptions {
  /** A pending checkout this old is asked about at the gateway (a lost webhook, a crashed complete). */
  unsettledAfterMs: number;
  /** A compensation or cancellation step this old is retried. */
  retryAfterMs: number;
  batch: number;
}

export const DEFAULT_RECOVERY: RecoveryOptions = {
  unsettledAfterMs: 30_000,
  retryAfterMs: 10_000,
  batch: 100,
};

/**
 * Resumes or compensates checkouts that a crash, a lost webhook or a gateway outage left behind:
 * - PENDING_PAYMENT past expires_at: confirmed if the gateway says PAID for the right amount, otherwise
 *   EXPIRED (seats and coupon released) and the payment voided;
 * - PENDING_PAYMENT for a while: asked at the gateway; PAID → confirmed, declined → FAILED;
 * - CANCEL_PAYMENT_PENDING: the void/refund retried until the gateway accepts it;
 * - CANCEL_REQUESTED: a buyer's (or admin's) cancellation finished;
 * - a cancelled reservation's further refund still pending: sent.
 */
export class CheckoutRecovery {
  constructor(
    private readonly d: BookingDeps,
    private readonly saga: CheckoutSaga,
    private readonly cancels: CancelService,
    private readonly opts: RecoveryOptions = DEFAULT_RECOVERY,
  ) {}

  async runOnce(): Promise<{
    expired: number;
    settled: number;
    compensated: number;
    cancelled: number;
    holdsExpired: number;
  }> {
    const { repo, db } = this.d;
    const counts = { expired: 0, settled: 0, compensated: 0, cancelled: 0, holdsExpired: 0 };
    try {
      counts.holdsExpired = await this.d.holds.sweepExpired();
      this.d.metrics.holdsExpired.inc(counts.holdsExpired);
    } catch (err) {
      this.d.log.warn({ err }, 'sweeping lapsed holds failed; retried next run');
    }

    const now = this.d.clock.now();
    const retry = { now, olderThanMs: this.opts.retryAfterMs, limit: this.opts.batch };
    for (const row of await repo.due(db, 'expired', { now, olderThanMs: 0, limit: this.opts.batch })) {
      await this.each(row, async () => {
        await this.expire(row);
        counts.expired++;
      });
    }
    for (const row of await repo.due(db, 'unsettled', {
      now,
      olderThanMs: this.opts.unsettledAfterMs,
      limit: this.opts.batch,
    })) {
      await this.each(row, async () => {
        await repo.touchChecked(db, row.id);
        const result = await this.saga.settle(row);
        if (result.status !== 'PENDING_PAYMENT') counts.settled++;
      });
    }
    for (const row of await repo.due(db, 'compensation', retry)) {
      await this.each(row, async () => {
        if (await this.saga.cancelPayment(row)) counts.compensated++;
      });
    }
    for (const row of await repo.due(db, 'cancellation', retry)) {
      await this.each(row, async () => {
        await this.cancels.finish(row);
        counts.cancelled++;
      });
    }
    // A further refund of a cancelled reservation (the orders desk) that a crash left unsent.
    for (const row of await this.d.refunds.duePendingOfClosed(db, retry)) {
      await this.each(row, async () => {
        await this.cancels.finishClosedRefunds(row);
      });
    }
    return counts;
  }

  /** Past its deadline: a verified payment still wins; anything else closes the reservation. */
  private async expire(row: Reservation): Promise<void> {
    try {
      const payment = await this.d.gateway.getPayment(row.payment_id);
      if (payment && !isWaiting(payment.status)) {
        await this.saga.apply(row, payment);
        return;
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Gateway down: expire anyway and void later; a payment that lands meanwhile is refunded.
    }
    await this.saga.fail(row.id, { reason: 'EXPIRED', status: 'EXPIRED', voidPayment: true });
  }

  private async each(row: Reservation, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.d.log.warn({ err, reservationId: row.id }, 'checkout recovery step failed; retried next run');
    }
  }
}
