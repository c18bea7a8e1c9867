import type { Tx } from '../../infra/db.ts';
import { appendEvent } from '../events/outbox.ts';
import { EVENT_SCHEMAS, type EventData } from '../events/event-schemas.ts';
import type { GatewayPaymentView } from '../payments/index.ts';
import type { Reservation, ReservationStatus } from './booking.tables.ts';
import { afterCommit, type BookingDeps } from './booking.deps.ts';
import { stepTimer } from './checkout-steps.ts';

export type SettleOutcome = { status: ReservationStatus; failureCode: string | null };

/**
 * The checkout saga after the reservation exists: confirm on a verified payment, or compensate (release
 * seats, restore the coupon, void/refund the payment). Every transition is a conditional UPDATE under a
 * row lock, so complete, webhook and the recovery job can race: exactly one of them moves a reservation,
 * the others see the result.
 */
export class CheckoutSaga {
  /** Settlements running in this process, by reservation: complete and webhook arrive together. */
  private readonly settling = new Map<string, Promise<SettleOutcome>>();

  constructor(private readonly d: BookingDeps) {}

  /** Asks the gateway and moves the reservation accordingly. Throws PAYMENT_GATEWAY_UNAVAILABLE. */
  async settle(reservation: Reservation): Promise<SettleOutcome> {
    // Confirmed, cancelled or refunded: no answer of the gateway changes it (see apply), so no call. The
    // second of complete and webhook for a purchase is answered from the row.
    if (!dependsOnPayment(reservation.status)) return outcome(reservation);
    // The other of the pair is already asking: take its outcome when it closed the reservation. If it
    // is still pending, that answer may predate what this call was sent about (a payment finished just
    // now), so this call asks the gateway itself.
    const running = this.settling.get(reservation.id);
    if (running) {
      const joined = await running.catch(() => undefined);
      if (joined && joined.status !== 'PENDING_PAYMENT') return joined;
    }
    const lap = stepTimer(this.d.metrics.steps);
    const settled = this.d.gateway
      .getPayment(reservation.payment_id)
      .then((payment) => {
        lap('settle_gateway');
        return this.apply(reservation, payment);
      })
      .then((settledNow) => {
        lap('settle_apply');
        return settledNow;
      });
    this.settling.set(reservation.id, settled);
    try {
      return await settled;
    } finally {
      if (this.settling.get(reservation.id) === settled) this.settling.delete(reservation.id);
    }
  }

  async apply(reservation: Reservation, payment: GatewayPaymentView | undefined): Promise<SettleOutcome> {
    const paid = payment?.status === 'PAID';
    if (reservation.status !== 'PENDING_PAYMENT') {
      // A payment that arrived after the reservation closed is refunded, never kept.
      if (paid && (reservation.status === 'FAILED' || reservation.status === 'EXPIRED')) {
        await this.requireRefund(reservation.id, reservation.status);
      }
      return outcome(reservation);
    }
    if (!payment || isWaiting(payment.status)) return outcome(reservation);
    if (paid) {
      if (payment.amount.total !== reservation.total || payment.amount.paid !== reservation.total) {
        return this.fail(reservation.id, { reason: 'AMOUNT_MISMATCH', status: 'FAILED', voidPayment: true });
      }
      // A deposit the bank took after the deadline: the seats were promised only until then.
      if (
        reservation.pay_method === 'VIRTUAL_ACCOUNT' &&
        depositedLate(payment.paidAt, reservation.expires_at)
      ) {
        return this.fail(reservation.id, {
          reason: 'DEPOSIT_AFTER_DUE',
          status: 'EXPIRED',
          voidPayment: true,
        });
      }
      return this.confirm(reservation);
    }
    // FAILED, or cancelled at the gateway: nothing to refund.
    return this.fail(reservation.id, {
      reason: 'PAYMENT_FAILED',
      status: 'FAILED',
      voidPayment: false,
      paymentStatus: payment.status,
    });
  }

  /**
   * PENDING_PAYMENT → CONFIRMED with seats SOLD, coupon used and the event, all or nothing. Without a
   * coupon that is one statement (`booking_confirm`); with one, a transaction that also runs the
   * coupons module's statement. Then the seats are marked sold in Redis (sent, not awaited).
   */
  async confirm(reservation: Reservation): Promise<SettleOutcome> {
    const reservationId = reservation.id;
    const result = reservation.user_coupon_id
      ? await this.confirmInTransaction(reservationId)
      : await this.confirmAtOnce(reservationId);
    if (!result) {
      // Should never happen (the live-seat index guards the seats); if the catalogue disagrees, the buyer
      // gets their money back rather than a seat someone else may own.
      this.d.log.error({ reservationId }, 'seats could not be marked SOLD; refunding');
      return this.fail(reservationId, { reason: 'SEATS_CONFLICT', status: 'FAILED', voidPayment: true });
    }
    if ('moved' in result) {
      const { showtimeId, performanceId, userId, seatIds } = result.moved;
      this.d.metrics.checkouts.inc({ outcome: 'CONFIRMED' });
      // Independent of each other: sent together, they share one Redis round trip (auto-pipelining).
      // Sent, not awaited: the buyer's answer does not wait for them. Nothing is wrong meanwhile: the
      // seats stay taken in Redis (marked reserved until past the deadline) until marked sold, the
      // ranking and the admission slot follow a round trip later, and this instance's next commands on
      // the connection are answered after them. A failure is logged (afterCommit), as before.
      void Promise.all([
        afterCommit(this.d.log, 'mark seats sold', () => this.d.holds.markSold(showtimeId, seatIds)),
        afterCommit(this.d.log, 'sales ranking', () =>
          this.d.ranking.recordSales(performanceId, seatIds.length),
        ),
        afterCommit(this.d.log, 'admission release', () => this.d.gate.release(showtimeId, userId)),
      ]);
      return { status: 'CONFIRMED', failureCode: null };
    }
    const row = result.row;
    if (!row) throw new Error(`reservation ${reservationId} vanished`);
    // Someone else closed it first. If it closed without confirming, this payment must be refunded.
    if (row.status === 'FAILED' || row.status === 'EXPIRED') await this.requireRefund(row.id, row.status);
    return outcome(row);
  }

  /** The one-statement confirmation; undefined on a seat conflict (nothing written). */
  private async confirmAtOnce(reservationId: string): Promise<Confirmation | undefined> {
    const { repo, db, clock } = this.d;
    const done = await repo.confirmAtOnce(
      db,
      reservationId,
      clock.now(),
      EVENT_SCHEMAS['reservation.confirmed'].version,
    );
    if (done === 'SEATS_CONFLICT') return undefined;
    if (!done) return { row: await repo.byId(db, reservationId) };
    return { moved: done };
  }

  /** The confirmation of a reservation with a coupon, as a transaction; undefined on a seat conflict. */
  private async confirmInTransaction(reservationId: string): Promise<Confirmation | undefined> {
    const { repo, db, inventory, clock } = this.d;
    return db
      .transaction()
      .execute(async (tx) => {
        // The conditional UPDATE is the row lock and the race guard at once: whoever moved the
        // reservation first wins, and a seat that cannot be marked SOLD rolls the move back. The move
        // returns the seats as sold, the flip returns their details: two statements between BEGIN and
        // the event.
        const now = clock.now();
        const confirmed = await repo.confirmPending(tx, reservationId, now);
        if (!confirmed) return { row: await repo.byId(tx, reservationId) };
        const { row } = confirmed;
        const sale = new Map(confirmed.seats.map((s) => [s.seatId, s]));
        const flipped = await inventory.sell(tx, [...sale.keys()]);
        if (flipped.length !== sale.size) throw new InventoryConflict();
        const seats = flipped.map((s) => {
          const sold = sale.get(s.id)!;
          return { ...s, price: sold.price, ticketType: sold.ticketType };
        });
        const seatIds = seats.map((s) => s.id);
        if (row.user_coupon_id && this.d.discounts) await this.d.discounts.consume(tx, reservationId);
        await appendEvent(
          tx,
          'reservation.confirmed',
          { type: 'reservation', id: reservationId },
          {
            reservationId,
            userId: row.user_id,
            showtimeId: row.showtime_id,
            performanceId: row.performance_id,
            bookingNumber: row.booking_number,
            seats: seats.map((s) => ({
              seatId: s.id,
              section: s.section,
              row: s.row,
              number: s.number,
              grade: s.grade,
              price: s.price,
              ...(s.ticketType ? { ticketType: s.ticketType } : {}),
            })),
            amount: row.amount,
            discount: row.discount,
            total: row.total,
            confirmedAt: now.toISOString(),
          },
        );
        const moved = {
          showtimeId: row.showtime_id,
          performanceId: row.performance_id,
          userId: row.user_id,
          seatIds,
        };
        return { moved };
      })
      .catch((err: unknown) => {
        if (!(err instanceof InventoryConflict)) throw err;
        return undefined;
      });
  }

  /** PENDING_PAYMENT → FAILED/EXPIRED: seats released, coupon restored, event; then the payment voided. */
  async fail(
    reservationId: string,
    opts: { reason: string; status: 'FAILED' | 'EXPIRED'; voidPayment: boolean; paymentStatus?: string },
  ): Promise<SettleOutcome> {
    const { repo, db } = this.d;
    const result = await db.transaction().execute(async (tx) => {
      const row = await repo.byId(tx, reservationId, { forUpdate: true });
      if (!row || row.status !== 'PENDING_PAYMENT') return { row, changed: false };
      const updated = await repo.transition(tx, reservationId, 'PENDING_PAYMENT', {
        status: opts.status,
        step: opts.voidPayment ? 'CANCEL_PAYMENT_PENDING' : 'COMPENSATED',
        failure_code: opts.reason,
        closed_at: this.d.clock.now(),
        ...(opts.paymentStatus ? { payment_status: opts.paymentStatus } : {}),
      });
      await this.releaseInTx(tx, row, opts.status, opts.reason);
      return { row: updated, changed: true };
    });
    const row = result.row;
    if (!row) throw new Error(`reservation ${reservationId} vanished`);
    if (result.changed) {
      this.d.metrics.checkouts.inc({ outcome: opts.status });
      await afterCommit(this.d.log, 'free held seats', () => this.freeSeats(row));
      if (opts.voidPayment) await this.cancelPayment(row);
    }
    return outcome(row);
  }

  /** Seats released and the coupon restored inside the closing transaction, with its event. */
  async releaseInTx(tx: Tx, row: Reservation, status: 'FAILED' | 'EXPIRED', reason: string): Promise<void> {
    const seatIds = (await this.d.seats.of(tx, row.id)).map((s) => s.id);
    await this.d.repo.releaseSeats(tx, row.id);
    if (row.user_coupon_id && this.d.discounts) await this.d.discounts.restore(tx, row.id);
    const at = this.d.clock.now().toISOString();
    const aggregate = { type: 'reservation', id: row.id };
    // The contract's fields plus the extras these events have always carried (performance, seats).
    const common = {
      reservationId: row.id,
      userId: row.user_id,
      showtimeId: row.showtime_id,
      performanceId: row.performance_id,
      seatIds,
      reason,
    };
    if (status === 'EXPIRED') {
      const expired: EventData<'reservation.expired'> & Record<string, unknown> = {
        ...common,
        expiredAt: at,
      };
      await appendEvent(tx, 'reservation.expired', aggregate, expired);
    } else {
      const failed: EventData<'reservation.failed'> & Record<string, unknown> = { ...common, failedAt: at };
      await appendEvent(tx, 'reservation.failed', aggregate, failed);
    }
  }

  async freeSeats(row: Reservation): Promise<void> {
    const seats = await this.d.seats.of(this.d.db, row.id);
    await this.d.holds.free(
      row.showtime_id,
      row.hold_id,
      seats.map((s) => s.id),
    );
  }

  /**
   * Voids (READY) or refunds (PAID) the whole payment of a closed reservation. Safe to repeat: the
   * gateway dedupes by idempotency key. On failure the step stays CANCEL_PAYMENT_PENDING for the job.
   */
  async cancelPayment(row: Reservation): Promise<boolean> {
    try {
      // An open virtual account is closed first, so no deposit lands after this; if a deposit won that
      // race ('not-waiting'), the cancel below refunds it (to the account it came from).
      if (row.pay_method === 'VIRTUAL_ACCOUNT') await this.d.gateway.closeVirtualAccount(row.payment_id);
      await this.d.gateway.cancel(row.payment_id, {
        reason: `reservation ${row.status.toLowerCase()}: ${row.failure_code ?? 'unknown'}`,
        idempotencyKey: `${row.id}:void:${row.failure_code ?? ''}`,
      });
    } catch (err) {
      this.d.log.warn({ err, reservationId: row.id }, 'payment cancel failed; the recovery job retries');
      return false;
    }
    await this.d.repo.setStep(this.d.db, row.id, 'CANCEL_PAYMENT_PENDING', 'PAYMENT_CANCELLED', 'CANCELLED');
    return true;
  }

  private async requireRefund(reservationId: string, status: ReservationStatus): Promise<void> {
    const row = await this.d.repo.owePaymentRefund(this.d.db, reservationId, status);
    if (row) await this.cancelPayment(row);
  }
}

class InventoryConflict extends Error {}

/** What a confirmation found: it moved the reservation (its seats now sold), or the row as another left it. */
type Confirmation =
  | { moved: { showtimeId: string; performanceId: string; userId: string; seatIds: string[] } }
  | { row: Reservation | undefined };

/** Statuses whose next move depends on the payment: pending, or closed unpaid (a late payment is refunded). */
function dependsOnPayment(status: ReservationStatus): boolean {
  return status === 'PENDING_PAYMENT' || status === 'FAILED' || status === 'EXPIRED';
}

/** Still waiting for the buyer: nothing paid or declined yet (a virtual account waits for its deposit). */
export function isWaiting(status: GatewayPaymentView['status']): boolean {
  return status === 'READY' || status === 'PAY_PENDING' || status === 'VIRTUAL_ACCOUNT_ISSUED';
}

function depositedLate(paidAt: string | undefined, expiresAt: Date): boolean {
  return paidAt !== undefined && new Date(paidAt).getTime() > new Date(expiresAt).getTime();
}

function outcome(row: Reservation): SettleOutcome {
  return { status: row.status, failureCode: row.failure_code };
}
