import { AppError } from '../../errors.ts';
import type { CheckoutSettlement } from '../payments/index.ts';
import { afterCommit, type BookingDeps } from './booking.deps.ts';
import type { CheckoutSaga } from './checkout-saga.ts';
import { stepTimer } from './checkout-steps.ts';
import { UUID_RE } from '../../http/schemas.ts';

/** complete and webhook: both only name a payment; the truth is read from the gateway by the saga. */
export class Settlement implements CheckoutSettlement {
  constructor(
    private readonly d: BookingDeps,
    private readonly saga: CheckoutSaga,
  ) {}

  async complete(
    paymentId: string,
    userId: string,
    counted?: Promise<void>,
  ): Promise<{ reservationId: string; status: string }> {
    const lap = stepTimer(this.d.metrics.steps);
    // The reservation is read while the route's rate limit is counted; the limit decides first.
    const read = this.d.repo.byPaymentId(this.d.db, paymentId);
    read.catch(() => undefined);
    await counted;
    const row = await read;
    lap('complete_read');
    if (!row || row.user_id !== userId) throw new AppError('PAYMENT_NOT_FOUND');
    const result = await this.saga.settle(row);
    await afterCommit(this.d.log, 'read-your-writes marker', () => this.d.readRouting.markWrote(userId));
    if (result.status === 'FAILED' && result.failureCode === 'AMOUNT_MISMATCH') {
      throw new AppError('AMOUNT_MISMATCH', 'The payment was cancelled and the reservation failed', {
        reservationId: row.id,
        status: 'FAILED',
      });
    }
    return { reservationId: row.id, status: result.status };
  }

  async notify(paymentId: string): Promise<void> {
    if (!UUID_RE.test(paymentId)) return;
    // The orders desk's timeline shows every webhook, whatever it changes.
    const row = await this.d.repo.byPaymentIdNotingWebhook(this.d.db, paymentId);
    if (!row) return;
    await this.saga.settle(row);
  }
}
