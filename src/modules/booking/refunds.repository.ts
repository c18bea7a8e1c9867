import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import { PG, isPgError } from '../../infra/db.ts';
import { AppError } from '../../errors.ts';
import type { RefundKind, Reservation, ReservationRefund } from './booking.tables.ts';
import './booking.tables.ts';

/** Refund rows and the reservation timeline (migration 0110); stateless, the connection first. */
export class RefundsRepository {
  /**
   * Records a refund to send. The trigger adds it to the reservation's `refunded_amount`, whose CHECK
   * refuses a sum above the total: that refusal is REFUND_EXCEEDS_PAID, whatever the caller checked.
   */
  async insert(
    tx: DbOrTx,
    refund: {
      reservationId: string;
      amount: number;
      kind: RefundKind;
      reason: string;
      actorId: string | null;
      idempotencyKey?: string;
    },
  ): Promise<ReservationRefund> {
    try {
      const row = await tx
        .insertInto('reservation_refunds')
        .values({
          reservation_id: refund.reservationId,
          amount: refund.amount,
          kind: refund.kind,
          reason: refund.reason,
          actor_id: refund.actorId,
          idempotency_key: refund.idempotencyKey ?? sql<string>`gen_random_uuid()::text || ':refund'`,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.history(tx, refund.reservationId, 'REFUND', {
        refundId: row.id,
        amount: row.amount,
        kind: row.kind,
        reason: row.reason,
        actorId: row.actor_id,
        status: 'REQUESTED',
      });
      return row;
    } catch (err) {
      if (isPgError(err, PG.CHECK_VIOLATION, 'reservations_refunded_within_total')) {
        throw new AppError('REFUND_EXCEEDS_PAID');
      }
      throw err;
    }
  }

  async pendingOf(db: DbOrTx, reservationId: string): Promise<ReservationRefund[]> {
    return db
      .selectFrom('reservation_refunds')
      .selectAll()
      .where('reservation_id', '=', reservationId)
      .where('status', '=', 'PENDING')
      .orderBy('created_at')
      .execute();
  }

  async markDone(db: DbOrTx, refund: ReservationRefund, at: Date): Promise<void> {
    const done = await db
      .updateTable('reservation_refunds')
      .set({ status: 'DONE', completed_at: at })
      .where('id', '=', refund.id)
      .where('status', '=', 'PENDING')
      .returning('id')
      .executeTakeFirst();
    if (done) {
      await this.history(db, refund.reservation_id, 'REFUND', {
        refundId: refund.id,
        amount: refund.amount,
        status: 'DONE',
      });
    }
  }

  async of(db: DbOrTx, reservationId: string): Promise<ReservationRefund[]> {
    return db
      .selectFrom('reservation_refunds')
      .selectAll()
      .where('reservation_id', '=', reservationId)
      .orderBy('created_at')
      .execute();
  }

  /** Refunds still to send for reservations already closed (the remainder after a cancellation). */
  async duePendingOfClosed(
    db: DbOrTx,
    opts: { now: Date; olderThanMs: number; limit: number },
  ): Promise<Reservation[]> {
    const age = new Date(opts.now.getTime() - opts.olderThanMs);
    return db
      .selectFrom('reservations as r')
      .selectAll('r')
      .where('r.status', '=', 'CANCELLED')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('reservation_refunds as f')
            .select('f.id')
            .whereRef('f.reservation_id', '=', 'r.id')
            .where('f.status', '=', 'PENDING')
            .where('f.created_at', '<', age),
        ),
      )
      .limit(opts.limit)
      .execute();
  }

  /** After an extra refund of a closed reservation: the payment status and the refunded total shown. */
  async settleClosed(db: DbOrTx, id: string): Promise<Reservation | undefined> {
    return db
      .updateTable('reservations')
      .set({
        refund_amount: sql<number>`refunded_amount`,
        payment_status: sql<string>`CASE WHEN refunded_amount = total THEN 'CANCELLED' ELSE 'PARTIAL_CANCELLED' END`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', 'CANCELLED')
      .returningAll()
      .executeTakeFirst();
  }

  async history(
    db: DbOrTx,
    reservationId: string,
    kind: 'WEBHOOK' | 'REFUND',
    detail: Record<string, unknown>,
  ): Promise<void> {
    await db
      .insertInto('reservation_history')
      .values({ reservation_id: reservationId, kind, detail: JSON.stringify(detail) })
      .execute();
  }

  async timeline(
    db: DbOrTx,
    reservationId: string,
  ): Promise<
    {
      kind: 'STATE' | 'WEBHOOK' | 'REFUND';
      status: string | null;
      step: string | null;
      payment_status: string | null;
      detail: unknown;
      at: Date;
    }[]
  > {
    return db
      .selectFrom('reservation_history')
      .select(['kind', 'status', 'step', 'payment_status', 'detail', 'at'])
      .where('reservation_id', '=', reservationId)
      .orderBy('id')
      .execute();
  }
}
