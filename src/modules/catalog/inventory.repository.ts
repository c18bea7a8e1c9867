import { sql } from 'kysely';
import { PREPARED, type DbOrTx } from '../../infra/db.ts';
import './catalog.tables.ts';
import type { TicketType } from './ticket-types.ts';

export interface InventoryShowtimeRow {
  id: string;
  performanceId: string;
  title: string;
  startsAt: Date;
  salesOpenAt: Date;
  salesCloseAt: Date;
  maxTicketsPerUser: number;
  queueEnabled: boolean;
  onSale: boolean;
  venueName: string;
  venueAddress: string;
}

export interface InventorySeatRow {
  id: string;
  section: string;
  row: string;
  number: number;
  grade: string;
  price: number;
  status: 'AVAILABLE' | 'SOLD';
}

export interface QueueSettingsRow {
  showtimeId: string;
  enabled: boolean;
  admitPerSecond: number;
  maxActive: number;
  sessionSeconds: number;
  salesOpenAt: Date;
  salesCloseAt: Date;
  opensBeforeMinutes: number | null;
  proofOfWork: boolean;
  powDifficulty: number | null;
}

const seatColumns = ['id', 'section', 'row_label as row', 'number', 'grade', 'price', 'status'] as const;

/**
 * Seat and showtime inventory: the catalogue's rows other modules buy from (checkout) or queue for
 * (the waiting room), reached through ports. Stateless; every method runs on the connection it is
 * given, so checkout's seat flips commit with its reservation.
 */
export class InventoryRepository {
  /** A live showtime of a live performance, with the facts a purchase checks. */
  async showtime(db: DbOrTx, showtimeId: string): Promise<InventoryShowtimeRow | undefined> {
    return db
      .selectFrom('showtimes as s')
      .innerJoin('performances as p', 'p.id', 's.performance_id')
      .innerJoin('venues as v', 'v.id', 'p.venue_id')
      .select([
        's.id',
        's.performance_id as performanceId',
        'p.title',
        's.starts_at as startsAt',
        's.sales_open_at as salesOpenAt',
        's.sales_close_at as salesCloseAt',
        's.max_tickets_per_user as maxTicketsPerUser',
        's.queue_enabled as queueEnabled',
        sql<boolean>`p.status = 'ON_SALE'`.as('onSale'),
        'v.name as venueName',
        'v.address as venueAddress',
      ])
      .where('s.id', '=', showtimeId)
      .where('s.deleted_at', 'is', null)
      .where('p.deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /**
   * A reservation's one read of the catalogue: the showtime's facts (as `showtime`), the named seats of
   * that showtime in seat-map order and, when asked, the performance's ticket types, in one statement.
   * Undefined when the showtime is not live.
   */
  async purchase(
    db: DbOrTx,
    showtimeId: string,
    seatIds: string[],
    withTicketTypes: boolean,
  ): Promise<
    (InventoryShowtimeRow & { seats: InventorySeatRow[]; ticketTypes: TicketType[] | null }) | undefined
  > {
    const { rows } = await sql<
      InventoryShowtimeRow & { seats: InventorySeatRow[]; ticketTypes: TicketType[] | null }
    >`${sql.raw(PREPARED)}
      SELECT s.id, s.performance_id AS "performanceId", p.title, s.starts_at AS "startsAt",
             s.sales_open_at AS "salesOpenAt", s.sales_close_at AS "salesCloseAt",
             s.max_tickets_per_user AS "maxTicketsPerUser", s.queue_enabled AS "queueEnabled",
             p.status = 'ON_SALE' AS "onSale", v.name AS "venueName", v.address AS "venueAddress",
             (SELECT coalesce(json_agg(json_build_object('id', se.id, 'section', se.section, 'row', se.row_label,
                        'number', se.number, 'grade', se.grade, 'price', se.price, 'status', se.status)
                        ORDER BY se.sort_order), '[]')
                FROM seats se
               WHERE se.showtime_id = s.id AND se.id = ANY(${seatIds}::uuid[])) AS seats,
             CASE WHEN ${withTicketTypes}::boolean THEN
               (SELECT coalesce(json_agg(json_build_object('code', t.code, 'name', t.name,
                         'discountPercent', t.discount_percent, 'proofRequired', t.proof_required,
                         'proofNote', t.proof_note) ORDER BY t.sort_order), '[]')
                  FROM performance_ticket_types t
                 WHERE t.performance_id = s.performance_id)
             END AS "ticketTypes"
        FROM showtimes s
        JOIN performances p ON p.id = s.performance_id
        JOIN venues v ON v.id = p.venue_id
       WHERE s.id = ${showtimeId} AND s.deleted_at IS NULL AND p.deleted_at IS NULL`.execute(db);
    return rows[0];
  }

  /** The ticket types a performance sells besides ADULT, in the theatre's order. */
  async ticketTypes(db: DbOrTx, performanceId: string): Promise<TicketType[]> {
    return db
      .selectFrom('performance_ticket_types')
      .select([
        'code',
        'name',
        'discount_percent as discountPercent',
        'proof_required as proofRequired',
        'proof_note as proofNote',
      ])
      .where('performance_id', '=', performanceId)
      .orderBy('sort_order')
      .execute();
  }

  /** The named seats of one showtime (other ids are left out). */
  async seatsOfShowtime(db: DbOrTx, showtimeId: string, seatIds: string[]): Promise<InventorySeatRow[]> {
    if (seatIds.length === 0) return [];
    // A hold's read: one text for any number of seats, so it is prepared once per connection.
    const { rows } = await sql<InventorySeatRow>`${sql.raw(PREPARED)}
      SELECT id, section, row_label AS "row", number, grade, price, status FROM seats
       WHERE showtime_id = ${showtimeId} AND id = ANY(${seatIds}::uuid[])
       ORDER BY sort_order`.execute(db);
    return rows;
  }

  /** Seats by id in seat-map order. */
  async seats(db: DbOrTx, seatIds: string[]): Promise<InventorySeatRow[]> {
    if (seatIds.length === 0) return [];
    return db
      .selectFrom('seats')
      .select(seatColumns)
      .where('id', 'in', seatIds)
      .orderBy('showtime_id')
      .orderBy('sort_order')
      .execute();
  }

  /** Flips seats `from` → `to`; returns how many changed (a seat already in `to` is not counted). */
  async setStatus(
    tx: DbOrTx,
    seatIds: string[],
    from: 'AVAILABLE' | 'SOLD',
    to: 'AVAILABLE' | 'SOLD',
  ): Promise<number> {
    if (seatIds.length === 0) return 0;
    const res = await tx
      .updateTable('seats')
      .set({ status: to })
      .where('id', 'in', seatIds)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  /**
   * AVAILABLE → SOLD for `seatIds`, returning the seats it changed in seat-map order (a seat already
   * SOLD is not returned): the flip and the seats' details in one statement.
   */
  async sell(tx: DbOrTx, seatIds: string[]): Promise<InventorySeatRow[]> {
    if (seatIds.length === 0) return [];
    // The flip is migration 0161's function, which booking's one-statement confirmation calls too.
    const { rows } = await sql<InventorySeatRow>`
      SELECT id, section, "row", number, grade, price, status FROM catalog_sell(${seatIds}::uuid[])`.execute(
      tx,
    );
    return rows;
  }

  /** The queue columns of live showtimes. */
  async queueSettings(db: DbOrTx, showtimeIds: string[]): Promise<QueueSettingsRow[]> {
    if (showtimeIds.length === 0) return [];
    return db
      .selectFrom('showtimes')
      .select([
        'id as showtimeId',
        'queue_enabled as enabled',
        'queue_admit_per_second as admitPerSecond',
        'queue_max_active as maxActive',
        'queue_session_seconds as sessionSeconds',
        'sales_open_at as salesOpenAt',
        'sales_close_at as salesCloseAt',
        'queue_opens_before_minutes as opensBeforeMinutes',
        'queue_proof_of_work as proofOfWork',
        'queue_pow_difficulty as powDifficulty',
      ])
      .where('id', 'in', showtimeIds)
      .where('deleted_at', 'is', null)
      .execute();
  }
}
