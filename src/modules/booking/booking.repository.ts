import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { Reservation, ReservationStatus, SagaStep } from './booking.tables.ts';
import './booking.tables.ts';

export interface ShowtimeInfo {
  id: string;
  performanceId: string;
  title: string;
  startsAt: Date;
  salesOpenAt: Date;
  salesCloseAt: Date;
  maxTicketsPerUser: number;
  queueEnabled: boolean;
  onSale: boolean;
}

export interface SeatInfo {
  id: string;
  section: string;
  row: string;
  number: number;
  grade: string;
  price: number;
  status: 'AVAILABLE' | 'SOLD';
}

/**
 * Booking's database access. The catalogue owns `showtimes` and `seats`: booking reads them and, inside
 * its confirm/cancel transactions, flips seats.status between AVAILABLE and SOLD (the inventory
 * checkout owns at run time). Catalogue tables are read with plain SQL so this module does not depend
 * on the catalogue's Kysely declarations.
 */
export class BookingRepository {
  async showtime(db: DbOrTx, showtimeId: string): Promise<ShowtimeInfo | undefined> {
    const { rows } = await sql<ShowtimeInfo>`
      SELECT s.id, s.performance_id AS "performanceId", p.title, s.starts_at AS "startsAt",
             s.sales_open_at AS "salesOpenAt", s.sales_close_at AS "salesCloseAt",
             s.max_tickets_per_user AS "maxTicketsPerUser", s.queue_enabled AS "queueEnabled",
             (p.status = 'ON_SALE') AS "onSale"
      FROM showtimes s JOIN performances p ON p.id = s.performance_id
      WHERE s.id = ${showtimeId} AND s.deleted_at IS NULL AND p.deleted_at IS NULL`.execute(db);
    return rows[0];
  }

  /** The requested seats of the showtime with `taken` = sold or in a live reservation. */
  async seatsForSale(
    db: DbOrTx,
    showtimeId: string,
    seatIds: string[],
  ): Promise<(SeatInfo & { taken: boolean })[]> {
    const { rows } = await sql<SeatInfo & { taken: boolean }>`
      SELECT s.id, s.section, s.row_label AS row, s.number, s.grade, s.price, s.status,
             (s.status = 'SOLD' OR EXISTS (SELECT 1 FROM reservation_seats rs
                WHERE rs.showtime_id = s.showtime_id AND rs.seat_id = s.id AND rs.released_at IS NULL)) AS taken
      FROM seats s
      WHERE s.showtime_id = ${showtimeId} AND s.id = ANY(${seatIds}::uuid[])`.execute(db);
    return rows;
  }

  /** Seats the user has in live (pending or confirmed) reservations of the showtime. */
  async liveSeatCount(db: DbOrTx, showtimeId: string, userId: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM reservation_seats rs JOIN reservations r ON r.id = rs.reservation_id
      WHERE r.showtime_id = ${showtimeId} AND r.user_id = ${userId} AND rs.released_at IS NULL`.execute(db);
    return rows[0]?.n ?? 0;
  }

  /** Serialises one user's reservations for one showtime (the per-user limit check). */
  async lockUserShowtime(tx: DbOrTx, showtimeId: string, userId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${showtimeId}:${userId}`}, 0))`.execute(tx);
  }

  async byId(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<Reservation | undefined> {
    let q = db.selectFrom('reservations').selectAll().where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async byPaymentId(db: DbOrTx, paymentId: string): Promise<Reservation | undefined> {
    return db.selectFrom('reservations').selectAll().where('payment_id', '=', paymentId).executeTakeFirst();
  }

  async seatsOf(db: DbOrTx, reservationId: string): Promise<SeatInfo[]> {
    const { rows } = await sql<SeatInfo>`
      SELECT s.id, s.section, s.row_label AS row, s.number, s.grade, rs.price, s.status
      FROM reservation_seats rs JOIN seats s ON s.id = rs.seat_id
      WHERE rs.reservation_id = ${reservationId} ORDER BY s.sort_order`.execute(db);
    return rows;
  }

  async listForUser(
    db: DbOrTx,
    userId: string,
    page: number,
    size: number,
  ): Promise<{ items: Reservation[]; total: number }> {
    const items = await db
      .selectFrom('reservations')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(size)
      .offset((page - 1) * size)
      .execute();
    const { n } = await db
      .selectFrom('reservations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return { items, total: Number(n) };
  }

  /** Moves a reservation on only if it is still in `from` (the race guard for complete/webhook/jobs). */
  async transition(
    tx: DbOrTx,
    id: string,
    from: ReservationStatus,
    set: Partial<{
      status: ReservationStatus;
      step: SagaStep;
      payment_status: string;
      failure_code: string | null;
      refund_amount: number | null;
      confirmed_at: Date;
      closed_at: Date;
    }>,
  ): Promise<Reservation | undefined> {
    return tx
      .updateTable('reservations')
      .set({ ...set, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', from)
      .returningAll()
      .executeTakeFirst();
  }

  async setStep(db: DbOrTx, id: string, from: SagaStep, to: SagaStep, paymentStatus?: string): Promise<void> {
    await db
      .updateTable('reservations')
      .set({
        step: to,
        ...(paymentStatus ? { payment_status: paymentStatus } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('step', '=', from)
      .execute();
  }

  async releaseSeats(tx: DbOrTx, reservationId: string): Promise<void> {
    await tx
      .updateTable('reservation_seats')
      .set({ released_at: sql<Date>`now()` })
      .where('reservation_id', '=', reservationId)
      .where('released_at', 'is', null)
      .execute();
  }

  /** Flips the catalogue's seat status; returns how many seats changed. */
  async setSeatStatus(
    tx: DbOrTx,
    seatIds: string[],
    from: 'AVAILABLE' | 'SOLD',
    to: 'AVAILABLE' | 'SOLD',
  ): Promise<number> {
    const res =
      await sql`UPDATE seats SET status = ${to} WHERE id = ANY(${seatIds}::uuid[]) AND status = ${from}`.execute(
        tx,
      );
    return Number(res.numAffectedRows ?? 0);
  }

  /** Work for the recovery job. */
  async due(
    db: DbOrTx,
    kind: 'expired' | 'unsettled' | 'compensation' | 'cancellation',
    opts: { olderThanMs: number; limit: number },
  ): Promise<Reservation[]> {
    const age = sql<Date>`now() - make_interval(secs => ${opts.olderThanMs / 1000})`;
    let q = db.selectFrom('reservations').selectAll().limit(opts.limit);
    if (kind === 'expired') {
      q = q
        .where('status', '=', 'PENDING_PAYMENT')
        .where('expires_at', '<', sql<Date>`now()`)
        .orderBy('expires_at');
    } else if (kind === 'unsettled') {
      q = q
        .where('status', '=', 'PENDING_PAYMENT')
        .where('created_at', '<', age)
        .where((eb) => eb.or([eb('last_checked_at', 'is', null), eb('last_checked_at', '<', age)]))
        .orderBy('created_at');
    } else {
      q = q
        .where('step', '=', kind === 'compensation' ? 'CANCEL_PAYMENT_PENDING' : 'CANCEL_REQUESTED')
        .where('updated_at', '<', age)
        .orderBy('updated_at');
    }
    return q.execute();
  }

  async touchChecked(db: DbOrTx, id: string): Promise<void> {
    await db
      .updateTable('reservations')
      .set({ last_checked_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }
}
