import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { Reservation, ReservationStatus } from './booking.tables.ts';
import './booking.tables.ts';

/** What the orders desk searches by; the keys that come from `q` match any of them. */
export interface OrderFilter {
  match?: {
    reservationId?: string;
    bookingNumber?: string;
    phoneDigits?: string;
    userIds?: string[];
  };
  status?: ReservationStatus;
  showtimeId?: string;
  from?: Date;
  to?: Date;
}

/** Where the previous batch of an export ended (newest first). */
export interface OrderCursor {
  /** created_at as PostgreSQL's text: microseconds kept (a Date would round them away and skip rows). */
  createdAt: string;
  id: string;
}

/** The orders desk's reads of reservations: search pages and the export's keyset batches. */
export class AdminOrdersRepository {
  private filtered(db: DbOrTx, f: OrderFilter) {
    let q = db.selectFrom('reservations');
    if (f.match) {
      const m = f.match;
      q = q.where((eb) => {
        const any = [];
        if (m.reservationId) any.push(eb('id', '=', m.reservationId));
        if (m.bookingNumber) any.push(eb('booking_number', '=', m.bookingNumber));
        if (m.phoneDigits) any.push(eb('booker_phone', '=', m.phoneDigits));
        if (m.userIds && m.userIds.length > 0) any.push(eb('user_id', 'in', m.userIds));
        // A query that names nothing matches nothing (never the whole table).
        return any.length > 0 ? eb.or(any) : eb.val(false);
      });
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.showtimeId) q = q.where('showtime_id', '=', f.showtimeId);
    if (f.from) q = q.where('created_at', '>=', f.from);
    if (f.to) q = q.where('created_at', '<', f.to);
    return q;
  }

  async page(
    db: DbOrTx,
    f: OrderFilter,
    page: number,
    size: number,
  ): Promise<{ items: Reservation[]; total: number }> {
    const [items, count] = await Promise.all([
      this.filtered(db, f)
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      this.filtered(db, f)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** One batch of the export after `cursor`, newest first, by the (created_at, id) index. */
  async batch(
    db: DbOrTx,
    f: OrderFilter,
    cursor: OrderCursor | undefined,
    size: number,
  ): Promise<(Reservation & { seat_count: number; cursor_at: string })[]> {
    let q = this.filtered(db, f);
    if (cursor) {
      // A row comparison, so PostgreSQL walks the (created_at DESC, id DESC) index from the cursor on.
      q = q.where(
        sql<boolean>`(reservations.created_at, reservations.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`,
      );
    }
    return q
      .selectAll('reservations')
      .select((eb) =>
        eb
          .selectFrom('reservation_seats as rs')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('rs.reservation_id', '=', 'reservations.id')
          .as('seat_count'),
      )
      .select(sql<string>`reservations.created_at::text`.as('cursor_at'))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(size)
      .execute() as Promise<(Reservation & { seat_count: number; cursor_at: string })[]>;
  }
}
