import { AppError } from '../../errors.ts';
import { appendEvent } from '../events/outbox.ts';
import type { EventData } from '../events/event-schemas.ts';
import type { Reservation } from './booking.tables.ts';
import { afterCommit, type BookingDeps } from './booking.deps.ts';

export interface RefundRule {
  minDays: number;
  percent: number;
}

/** Parses "10:100,7:90,3:80,1:70" into rules sorted by days, most generous first. */
export function parseRefundPolicy(text: string): RefundRule[] {
  const rules = text.split(',').map((part) => {
    const [days, percent] = part.split(':').map((s) => Number(s.trim()));
    if (
      !Number.isInteger(days) ||
      !Number.isInteger(percent) ||
      days! < 1 ||
      percent! < 0 ||
      percent! > 100
    ) {
      throw new Error(`REFUND_POLICY: bad rule "${part}" (expected days:percent with days ≥ 1)`);
    }
    return { minDays: days!, percent: percent! };
  });
  return rules.sort((a, b) => b.minDays - a.minDays);
}

/** Whole days before the show; undefined (not cancellable) on the show day or after. */
export function refundPercent(rules: RefundRule[], startsAt: Date, now: Date): number | undefined {
  const days = Math.floor((startsAt.getTime() - now.getTime()) / 86_400_000);
  return rules.find((r) => days >= r.minDays)?.percent;
}

const DAY_MS = 86_400_000;

/** What cancelling would refund now: the single computation the quote and the cancel share. */
export interface RefundComputation {
  percent: number | undefined;
  refundAmount: number;
  fee: number;
}

export function computeRefund(
  rules: RefundRule[],
  total: number,
  startsAt: Date,
  now: Date,
): RefundComputation {
  const percent = refundPercent(rules, startsAt, now);
  if (percent === undefined) return { percent, refundAmount: 0, fee: 0 };
  const refundAmount = Math.floor((total * percent) / 100);
  return { percent, refundAmount, fee: total - refundAmount };
}

/** The last moment cancelling is possible: the fewest days of the policy before the start. */
export function cancelDeadline(rules: RefundRule[], startsAt: Date): Date {
  return new Date(startsAt.getTime() - Math.min(...rules.map((r) => r.minDays)) * DAY_MS);
}

export interface RefundQuote {
  cancellable: boolean;
  refundAmount: number;
  fee: number;
  percent: number | null;
  deadline: string | null;
  policy: ReturnType<CancelService['policy']>;
}

/**
 * A buyer's cancellation of a confirmed reservation. Persisted in two steps so a crash between the
 * refund and the bookkeeping is finished by the recovery job: CANCEL_REQUESTED (refund amount fixed) →
 * partial cancel at the gateway (idempotent key) → CANCELLED with seats AVAILABLE and the event.
 * Coupon rule: restored only on a 100 % refund; otherwise it stays used.
 */
export class CancelService {
  private readonly rules: RefundRule[];

  constructor(private readonly d: BookingDeps) {
    this.rules = parseRefundPolicy(d.config.REFUND_POLICY);
  }

  /** The buyer policy as the detail page shows it: REFUND_POLICY, and when cancelling stops. */
  policy(): { rules: { daysBefore: number; percent: number }[]; cancelDeadlineHoursBefore: number } {
    return {
      rules: this.rules.map((r) => ({ daysBefore: r.minDays, percent: r.percent })),
      // `refundPercent` counts whole days: the last rule (fewest days) is the last moment to cancel.
      cancelDeadlineHoursBefore: Math.min(...this.rules.map((r) => r.minDays)) * 24,
    };
  }

  /**
   * What `cancel` would refund at this moment (same rules, same clock). A reservation that is not
   * CONFIRMED, or whose show is inside the deadline, is not cancellable and quotes 0; a cancelled one
   * quotes what was refunded.
   */
  async quote(reservationId: string, userId: string): Promise<RefundQuote> {
    const { db, repo, inventory, clock } = this.d;
    const row = await repo.byId(db, reservationId);
    if (!row || row.user_id !== userId) throw new AppError('RESERVATION_NOT_FOUND');
    const showtime = await inventory.showtime(db, row.showtime_id);
    const deadline = showtime ? cancelDeadline(this.rules, showtime.startsAt).toISOString() : null;
    const policy = this.policy();
    if (row.status === 'CANCELLED' || row.step === 'CANCEL_REQUESTED') {
      const refundAmount = row.refund_amount ?? 0;
      return {
        cancellable: false,
        refundAmount,
        fee: row.total - refundAmount,
        percent: null,
        deadline,
        policy,
      };
    }
    if (row.status !== 'CONFIRMED' || !showtime) {
      return { cancellable: false, refundAmount: 0, fee: 0, percent: null, deadline, policy };
    }
    const c = computeRefund(this.rules, row.total, showtime.startsAt, clock.now());
    return {
      cancellable: c.percent !== undefined,
      refundAmount: c.refundAmount,
      fee: c.fee,
      percent: c.percent ?? null,
      deadline,
      policy,
    };
  }

  async cancel(
    reservationId: string,
    userId: string,
    refundAccount?: { bank: string; number: string; holder: string },
  ): Promise<{ id: string; status: string; refundAmount: number }> {
    const { db, repo, inventory, clock } = this.d;
    const current = await repo.byId(db, reservationId);
    if (!current || current.user_id !== userId) throw new AppError('RESERVATION_NOT_FOUND');
    if (current.status === 'CANCELLED') return view(current);
    let row: Reservation | undefined = current;
    if (current.step !== 'CANCEL_REQUESTED') {
      row = await db.transaction().execute(async (tx) => {
        const locked = await repo.byId(tx, reservationId, { forUpdate: true });
        if (!locked || locked.status !== 'CONFIRMED') throw new AppError('NOT_CANCELLABLE');
        if (locked.step === 'CANCEL_REQUESTED') return locked;
        const showtime = await inventory.showtime(tx, locked.showtime_id);
        const refund = showtime
          ? computeRefund(this.rules, locked.total, showtime.startsAt, clock.now())
          : undefined;
        if (refund?.percent === undefined) {
          throw new AppError('NOT_CANCELLABLE', 'Reservations cannot be cancelled on the day of the show');
        }
        // A deposit is refunded by a transfer into an account the buyer names (PortOne's refundAccount).
        if (locked.pay_method === 'VIRTUAL_ACCOUNT' && refund.refundAmount > 0) {
          if (!refundAccount) throw new AppError('REFUND_ACCOUNT_REQUIRED');
          await repo.saveRefundAccount(tx, reservationId, refundAccount);
        }
        if (refund.refundAmount > 0) {
          await this.d.refunds.insert(tx, {
            reservationId,
            amount: refund.refundAmount,
            kind: 'BUYER',
            reason: 'cancelled by the buyer',
            actorId: null,
            idempotencyKey: `${reservationId}:refund`,
          });
        }
        return repo.requestCancel(tx, reservationId, { refund_amount: refund.refundAmount });
      });
    }
    const done = await this.finish(row);
    await afterCommit(this.d.log, 'read-your-writes marker', () => this.d.readRouting.markWrote(userId));
    return view(done);
  }

  /**
   * Tickets could not be issued for a confirmed reservation (dead-lettered for good): the buyer gets
   * everything back whatever the policy says, the seats go back on sale and the coupon is restored.
   * Idempotent: a repeated event finds the reservation already CANCELLED or CANCEL_REQUESTED.
   */
  async compensateIssuanceFailure(reservationId: string): Promise<Reservation | undefined> {
    const { db, repo } = this.d;
    const row = await db.transaction().execute(async (tx) => {
      const locked = await repo.byId(tx, reservationId, { forUpdate: true });
      if (!locked || locked.status !== 'CONFIRMED') return undefined;
      if (locked.step === 'CANCEL_REQUESTED') return locked;
      const remaining = locked.total - locked.refunded_amount;
      if (remaining > 0) {
        await this.d.refunds.insert(tx, {
          reservationId,
          amount: remaining,
          kind: 'ISSUANCE_FAILURE',
          reason: 'tickets could not be issued',
          actorId: null,
          idempotencyKey: `${reservationId}:refund`,
        });
      }
      return repo.requestCancel(tx, reservationId, {
        refund_amount: locked.total,
        failure_code: 'TICKET_ISSUANCE_FAILED',
      });
    });
    if (!row) return undefined;
    this.d.log.warn({ reservationId }, 'tickets could not be issued: refunding in full');
    return this.finish(row);
  }

  /** Refunds and closes a CANCEL_REQUESTED reservation; repeatable (the recovery job resumes here). */
  async finish(row: Reservation): Promise<Reservation> {
    await this.sendPendingRefunds(row);
    const { repo, inventory, clock } = this.d;
    const result = await this.d.db.transaction().execute(async (tx) => {
      const locked = await repo.byId(tx, row.id, { forUpdate: true });
      if (!locked || locked.status !== 'CONFIRMED' || locked.step !== 'CANCEL_REQUESTED')
        return { row: locked };
      const seatIds = (await this.d.seats.of(tx, row.id)).map((s) => s.id);
      await repo.releaseSeats(tx, row.id);
      await inventory.release(tx, seatIds);
      const now = clock.now();
      // What was refunded in all (the refund rows' sum, kept by the database).
      const refund = locked.refunded_amount;
      const fullRefund = refund === locked.total;
      const updated = await repo.transition(tx, row.id, 'CONFIRMED', {
        status: 'CANCELLED',
        step: 'CANCELLED',
        payment_status: fullRefund ? 'CANCELLED' : refund > 0 ? 'PARTIAL_CANCELLED' : locked.payment_status,
        refund_amount: refund,
        closed_at: now,
      });
      if (locked.user_coupon_id && this.d.discounts && fullRefund) await this.d.discounts.restore(tx, row.id);
      // The contract's fields plus the extras this event has always carried (performance, total, coupon).
      const cancelled: EventData<'reservation.cancelled'> & Record<string, unknown> = {
        reservationId: row.id,
        userId: locked.user_id,
        showtimeId: locked.showtime_id,
        performanceId: locked.performance_id,
        seatIds,
        total: locked.total,
        refundAmount: refund,
        couponRestored: Boolean(locked.user_coupon_id && fullRefund),
        cancelledAt: now.toISOString(),
      };
      await appendEvent(tx, 'reservation.cancelled', { type: 'reservation', id: row.id }, cancelled);
      return { row: updated, seatIds };
    });
    const done = result.row;
    if (!done) throw new AppError('RESERVATION_NOT_FOUND');
    if (result.seatIds) {
      this.d.metrics.checkouts.inc({ outcome: 'CANCELLED' });
      const seatIds = result.seatIds;
      await afterCommit(this.d.log, 'free sold seats', () =>
        this.d.holds.free(done.showtime_id, done.hold_id, seatIds),
      );
      await afterCommit(this.d.log, 'sales ranking', () =>
        this.d.ranking.recordSales(done.performance_id, -seatIds.length),
      );
    }
    return done;
  }

  /**
   * Sends every refund recorded for the reservation and not yet sent, each with its own idempotency
   * key (a retry after a crash refunds once), and marks it done.
   */
  private async sendPendingRefunds(row: Reservation): Promise<void> {
    const { db, refunds, gateway, clock } = this.d;
    const pending = await refunds.pendingOf(db, row.id);
    if (pending.length === 0) return;
    // A virtual-account deposit goes back into the account the buyer named on cancel, when there is one.
    const account =
      row.pay_method === 'VIRTUAL_ACCOUNT' ? await this.d.repo.refundAccount(db, row.id) : undefined;
    for (const refund of pending) {
      await gateway.cancel(row.payment_id, {
        ...(account && {
          refundAccount: { bank: account.bank, number: account.number, holderName: account.holder },
        }),
        amount: refund.amount,
        reason: refund.reason,
        idempotencyKey: refund.idempotency_key,
      });
      await refunds.markDone(db, refund, clock.now());
    }
  }

  /**
   * An admin's cancellation of a paid reservation, or a further refund of one already cancelled
   * (the remainder after a partial refund): any amount up to what is left of the payment, whatever
   * the buyer policy says, recorded with who did it and why. The first cancellation runs the buyer's
   * saga (CANCEL_REQUESTED → refund → seats released, tickets voided by the event); a further refund
   * only sends the money back. The database refuses a sum of refunds above the total
   * (REFUND_EXCEEDS_PAID), so two admins refunding at once cannot pay back more than was paid.
   */
  async adminCancel(
    reservationId: string,
    input: { actorId: string; reason: string; refundAmount?: number; requestId?: string },
  ): Promise<Reservation> {
    const { db, repo, refunds } = this.d;
    const planned = await db.transaction().execute(async (tx) => {
      const locked = await repo.byId(tx, reservationId, { forUpdate: true });
      if (!locked) throw new AppError('RESERVATION_NOT_FOUND');
      if (locked.step === 'CANCEL_REQUESTED') {
        throw new AppError('NOT_CANCELLABLE', 'A cancellation of this reservation is still being refunded');
      }
      const closing = locked.status === 'CONFIRMED';
      if (!closing && locked.status !== 'CANCELLED') {
        throw new AppError('NOT_CANCELLABLE', 'Only paid reservations can be cancelled or refunded');
      }
      const remaining = locked.total - locked.refunded_amount;
      const amount = input.refundAmount ?? remaining;
      if (amount > remaining) {
        throw new AppError('REFUND_EXCEEDS_PAID', `At most ${remaining} KRW is left to refund`, {
          remaining,
        });
      }
      if (!closing && amount === 0) throw new AppError('NOTHING_TO_REFUND');
      if (amount > 0) {
        await refunds.insert(tx, {
          reservationId,
          amount,
          kind: 'ADMIN',
          reason: input.reason,
          actorId: input.actorId,
        });
      }
      const row = closing
        ? await repo.requestCancel(tx, reservationId, { refund_amount: locked.refunded_amount + amount })
        : locked;
      await this.d.audit?.record(tx, {
        actorId: input.actorId,
        action: closing ? 'order.cancel' : 'order.refund',
        target: { type: 'reservation', id: reservationId },
        before: {
          status: locked.status,
          paymentStatus: locked.payment_status,
          refunded: locked.refunded_amount,
        },
        after: {
          status: 'CANCELLED',
          refundAmount: amount,
          refunded: locked.refunded_amount + amount,
          reason: input.reason,
        },
        ...(input.requestId ? { requestId: input.requestId } : {}),
      });
      return { row, closing };
    });
    if (planned.closing) return this.finish(planned.row);
    return (await this.finishClosedRefunds(planned.row)) ?? planned.row;
  }

  /**
   * A cancelled reservation with refunds still to send (a further admin refund): sends them, then
   * records the payment status; the coupon comes back once everything is refunded. Repeatable (the
   * recovery job resumes here).
   */
  async finishClosedRefunds(row: Reservation): Promise<Reservation | undefined> {
    await this.sendPendingRefunds(row);
    return this.d.db.transaction().execute(async (tx) => {
      const updated = await this.d.refunds.settleClosed(tx, row.id);
      if (
        updated &&
        updated.refunded_amount === updated.total &&
        updated.user_coupon_id &&
        this.d.discounts
      ) {
        await this.d.discounts.restore(tx, row.id);
      }
      return updated;
    });
  }
}

function view(row: Reservation): { id: string; status: string; refundAmount: number } {
  return { id: row.id, status: row.status, refundAmount: row.refund_amount ?? 0 };
}
