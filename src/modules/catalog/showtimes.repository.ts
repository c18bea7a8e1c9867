import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { GradeCountRow, LayoutSeat, ShowtimeRow } from './catalog.repository.ts';
import type { ShowtimeLabel } from '../tickets/ports.ts';
import './catalog.tables.ts';

const showtimeColumns = [
  'id',
  'performance_id as performanceId',
  'starts_at as startsAt',
  'sales_open_at as salesOpenAt',
  'sales_close_at as salesCloseAt',
  'max_tickets_per_user as maxTicketsPerUser',
  'queue_enabled as queueEnabled',
  'seat_count as seatCount',
  'cast',
] as const;

export interface NewShowtime {
  performanceId: string;
  startsAt: Date;
  salesOpenAt: Date;
  salesCloseAt: Date;
  maxTicketsPerUser: number;
  queue: {
    enabled: boolean;
    admitPerSecond: number;
    maxActive: number;
    sessionSeconds: number;
    /** null: the configured default lead. */
    opensBeforeMinutes: number | null;
    proofOfWork: boolean;
    /** null: the configured default difficulty. */
    powDifficulty: number | null;
  };
  seatCount: number;
  cast: string[];
}

/** A showtime as the admin console edits it: every column it was created with, and its sold seats. */
export interface AdminShowtimeRow {
  id: string;
  performanceId: string;
  startsAt: Date;
  salesOpenAt: Date;
  salesCloseAt: Date;
  maxTicketsPerUser: number;
  cast: string[];
  queue: NewShowtime['queue'];
  seatCount: number;
  soldSeats: number;
}

/** The columns PATCH /admin/showtimes/:id may change. */
export interface ShowtimeChanges {
  startsAt: Date;
  salesOpenAt: Date;
  salesCloseAt: Date;
  maxTicketsPerUser: number;
  cast: string[];
  queue: NewShowtime['queue'];
}

/** Showtimes and their seat inventory. Stateless: every method takes the connection first. */
export class ShowtimesRepository {
  async insert(db: DbOrTx, input: NewShowtime): Promise<string> {
    const { id } = await db
      .insertInto('showtimes')
      .values({
        performance_id: input.performanceId,
        starts_at: input.startsAt,
        sales_open_at: input.salesOpenAt,
        sales_close_at: input.salesCloseAt,
        max_tickets_per_user: input.maxTicketsPerUser,
        queue_enabled: input.queue.enabled,
        queue_admit_per_second: input.queue.admitPerSecond,
        queue_max_active: input.queue.maxActive,
        queue_session_seconds: input.queue.sessionSeconds,
        queue_opens_before_minutes: input.queue.opensBeforeMinutes,
        queue_proof_of_work: input.queue.proofOfWork,
        queue_pow_difficulty: input.queue.powDifficulty,
        seat_count: input.seatCount,
        cast: input.cast,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /**
   * Generates the inventory in one statement: every seat of every section of the venue, priced by the
   * performance's price for the section's grade. Sections whose grade has no price produce no seats,
   * which the caller detects by comparing the count.
   */
  async generateSeats(
    db: DbOrTx,
    input: { showtimeId: string; performanceId: string; venueId: string },
  ): Promise<number> {
    const result = await sql`
      INSERT INTO seats (showtime_id, section, row_label, number, grade, price, sort_order)
      SELECT ${input.showtimeId}, s.name, r::text, n, s.grade, pp.price,
             s.sort_order * 1000000 + (r - 1) * s.seats_per_row + n
      FROM venue_sections s
      JOIN performance_prices pp ON pp.performance_id = ${input.performanceId} AND pp.grade = s.grade
      CROSS JOIN LATERAL generate_series(1, s.rows) AS r
      CROSS JOIN LATERAL generate_series(1, s.seats_per_row) AS n
      WHERE s.venue_id = ${input.venueId}`.execute(db);
    return Number(result.numAffectedRows ?? 0n);
  }

  async softDelete(db: DbOrTx, id: string, at: Date): Promise<{ performanceId: string } | undefined> {
    return db
      .updateTable('showtimes')
      .set({ deleted_at: at })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returning('performance_id as performanceId')
      .executeTakeFirst();
  }

  /**
   * A live showtime with its queue settings and sold seats; `forUpdate` locks the showtime row (an
   * edit checks the sold seats and the dates under it).
   */
  async adminView(db: DbOrTx, id: string, forUpdate = false): Promise<AdminShowtimeRow | undefined> {
    let query = db
      .selectFrom('showtimes as st')
      .select((eb) => [
        'st.id',
        'st.performance_id as performanceId',
        'st.starts_at as startsAt',
        'st.sales_open_at as salesOpenAt',
        'st.sales_close_at as salesCloseAt',
        'st.max_tickets_per_user as maxTicketsPerUser',
        'st.cast',
        'st.queue_enabled as queueEnabled',
        'st.queue_admit_per_second as admitPerSecond',
        'st.queue_max_active as maxActive',
        'st.queue_session_seconds as sessionSeconds',
        'st.queue_opens_before_minutes as opensBeforeMinutes',
        'st.queue_proof_of_work as proofOfWork',
        'st.queue_pow_difficulty as powDifficulty',
        'st.seat_count as seatCount',
        eb
          .selectFrom('seats as s')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('s.showtime_id', '=', 'st.id')
          .where('s.status', '=', 'SOLD')
          .as('soldSeats'),
      ])
      .where('st.id', '=', id)
      .where('st.deleted_at', 'is', null);
    if (forUpdate) query = query.forUpdate('st');
    const row = await query.executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      performanceId: row.performanceId,
      startsAt: row.startsAt,
      salesOpenAt: row.salesOpenAt,
      salesCloseAt: row.salesCloseAt,
      maxTicketsPerUser: row.maxTicketsPerUser,
      cast: row.cast,
      queue: {
        enabled: row.queueEnabled,
        admitPerSecond: row.admitPerSecond,
        maxActive: row.maxActive,
        sessionSeconds: row.sessionSeconds,
        opensBeforeMinutes: row.opensBeforeMinutes,
        proofOfWork: row.proofOfWork,
        powDifficulty: row.powDifficulty,
      },
      seatCount: row.seatCount,
      soldSeats: Number(row.soldSeats ?? 0),
    };
  }

  async update(db: DbOrTx, id: string, changes: ShowtimeChanges): Promise<void> {
    await db
      .updateTable('showtimes')
      .set({
        starts_at: changes.startsAt,
        sales_open_at: changes.salesOpenAt,
        sales_close_at: changes.salesCloseAt,
        max_tickets_per_user: changes.maxTicketsPerUser,
        cast: changes.cast,
        queue_enabled: changes.queue.enabled,
        queue_admit_per_second: changes.queue.admitPerSecond,
        queue_max_active: changes.queue.maxActive,
        queue_session_seconds: changes.queue.sessionSeconds,
        queue_opens_before_minutes: changes.queue.opensBeforeMinutes,
        queue_proof_of_work: changes.queue.proofOfWork,
        queue_pow_difficulty: changes.queue.powDifficulty,
      })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
  }

  /** The first and last start of a performance's live showtimes (undefined without any). */
  async span(db: DbOrTx, performanceId: string): Promise<{ first: Date; last: Date } | undefined> {
    const row = await db
      .selectFrom('showtimes')
      .select((eb) => [eb.fn.min('starts_at').as('first'), eb.fn.max('starts_at').as('last')])
      .where('performance_id', '=', performanceId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.first && row.last ? { first: new Date(row.first), last: new Date(row.last) } : undefined;
  }

  /** When sales open for the earliest showtime of the performance that has not started by `now`. */
  async nextSalesOpen(db: DbOrTx, performanceId: string, now: Date): Promise<Date | undefined> {
    const row = await db
      .selectFrom('showtimes')
      .select('sales_open_at')
      .where('performance_id', '=', performanceId)
      .where('deleted_at', 'is', null)
      .where('starts_at', '>', now)
      .orderBy('starts_at')
      .limit(1)
      .executeTakeFirst();
    return row ? new Date(row.sales_open_at) : undefined;
  }

  async ofPerformance(db: DbOrTx, performanceId: string): Promise<ShowtimeRow[]> {
    return db
      .selectFrom('showtimes')
      .select(showtimeColumns)
      .where('performance_id', '=', performanceId)
      .where('deleted_at', 'is', null)
      .orderBy('starts_at')
      .execute();
  }

  async find(db: DbOrTx, id: string): Promise<ShowtimeRow | undefined> {
    return db
      .selectFrom('showtimes')
      .select(showtimeColumns)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /**
   * Seats per grade of each showtime, and how many of `takenIds` (sold or held seats) fall in each: one
   * grouped query over the index `seats_showtime` for a whole showtime list.
   */
  async gradeCounts(db: DbOrTx, showtimeIds: string[], takenIds: string[]): Promise<GradeCountRow[]> {
    if (showtimeIds.length === 0) return [];
    const rows = await db
      .selectFrom('seats')
      .select([
        'showtime_id as showtimeId',
        'grade',
        'price',
        sql<string>`count(*)`.as('total'),
        sql<string>`count(*) FILTER (WHERE id = ANY(${takenIds}::uuid[]))`.as('taken'),
      ])
      .where('showtime_id', 'in', showtimeIds)
      .groupBy(['showtime_id', 'grade', 'price'])
      .orderBy('price', 'desc')
      .orderBy('grade')
      .execute();
    return rows.map((r) => ({ ...r, total: Number(r.total), taken: Number(r.taken) }));
  }

  /** The static part of a seat map, in display order. */
  async layout(db: DbOrTx, showtimeId: string): Promise<LayoutSeat[]> {
    return db
      .selectFrom('seats')
      .select(['id', 'section', 'row_label as row', 'number', 'grade', 'price'])
      .where('showtime_id', '=', showtimeId)
      .orderBy('sort_order')
      .execute();
  }

  /**
   * Sold seat ids per showtime, in one query over the partial index `seats_sold`. Callers pass the
   * primary (not the replica): a buyer who just paid must not see their seat as available.
   */
  async soldSeatIds(db: DbOrTx, showtimeIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(showtimeIds.map((id) => [id, []]));
    if (showtimeIds.length === 0) return out;
    const rows = await db
      .selectFrom('seats')
      .select(['showtime_id as showtimeId', 'id'])
      .where('showtime_id', 'in', showtimeIds)
      .where('status', '=', 'SOLD')
      .execute();
    for (const r of rows) out.get(r.showtimeId)?.push(r.id);
    return out;
  }

  /**
   * Sold seats and the sum of their list prices (callers pass the primary: the admin dashboard follows
   * an onsale live). Undefined when the showtime does not exist. The list price is an approximation of
   * revenue: it ignores coupon discounts and refunds, which only checkout knows.
   */
  async salesFigures(db: DbOrTx, showtimeId: string): Promise<{ sold: number; revenue: number } | undefined> {
    const row = await db
      .selectFrom('showtimes as st')
      .leftJoin('seats as s', (j) => j.onRef('s.showtime_id', '=', 'st.id').on('s.status', '=', 'SOLD'))
      .select((eb) => [
        eb.fn.count<string>('s.id').as('sold'),
        eb.fn.coalesce(eb.fn.sum<string>('s.price'), eb.lit(0)).as('revenue'),
      ])
      .where('st.id', '=', showtimeId)
      .where('st.deleted_at', 'is', null)
      .groupBy('st.id')
      .executeTakeFirst();
    return row ? { sold: Number(row.sold), revenue: Number(row.revenue) } : undefined;
  }

  /** Showtimes as the door names them (title, start, venue), deleted ones included. */
  async labels(db: DbOrTx, showtimeIds: string[]): Promise<ShowtimeLabel[]> {
    if (showtimeIds.length === 0) return [];
    return labelQuery(db).where('s.id', 'in', showtimeIds).execute();
  }

  /** Live showtimes of live performances starting in [from, until), by start then title. */
  async startingBetween(db: DbOrTx, from: Date, until: Date, limit: number): Promise<ShowtimeLabel[]> {
    return labelQuery(db)
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', until)
      .where('s.deleted_at', 'is', null)
      .where('p.deleted_at', 'is', null)
      .orderBy('s.starts_at')
      .orderBy('p.title')
      .limit(limit)
      .execute();
  }
}

function labelQuery(db: DbOrTx) {
  return db
    .selectFrom('showtimes as s')
    .innerJoin('performances as p', 'p.id', 's.performance_id')
    .innerJoin('venues as v', 'v.id', 'p.venue_id')
    .select([
      's.id as showtimeId',
      's.performance_id as performanceId',
      'p.title as title',
      's.starts_at as startsAt',
      'v.name as venue',
    ]);
}
