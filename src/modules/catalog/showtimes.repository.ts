import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../infra/db.ts';
import type { LayoutSeat, ShowtimeRow } from './catalog.repository.ts';
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
  };
  seatCount: number;
}

/** Showtimes and their seat inventory. */
export class ShowtimesRepository {
  constructor(
    readonly db: Db,
    private readonly readDb: Db,
  ) {}

  async insert(input: NewShowtime, tx: DbOrTx): Promise<string> {
    const { id } = await tx
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
        seat_count: input.seatCount,
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
    input: { showtimeId: string; performanceId: string; venueId: string },
    tx: DbOrTx,
  ): Promise<number> {
    const result = await sql`
      INSERT INTO seats (showtime_id, section, row_label, number, grade, price, sort_order)
      SELECT ${input.showtimeId}, s.name, r::text, n, s.grade, pp.price,
             s.sort_order * 1000000 + (r - 1) * s.seats_per_row + n
      FROM venue_sections s
      JOIN performance_prices pp ON pp.performance_id = ${input.performanceId} AND pp.grade = s.grade
      CROSS JOIN LATERAL generate_series(1, s.rows) AS r
      CROSS JOIN LATERAL generate_series(1, s.seats_per_row) AS n
      WHERE s.venue_id = ${input.venueId}`.execute(tx);
    return Number(result.numAffectedRows ?? 0n);
  }

  async softDelete(id: string): Promise<{ performanceId: string } | undefined> {
    return this.db
      .updateTable('showtimes')
      .set({ deleted_at: new Date() })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returning('performance_id as performanceId')
      .executeTakeFirst();
  }

  async ofPerformance(performanceId: string): Promise<ShowtimeRow[]> {
    return this.readDb
      .selectFrom('showtimes')
      .select(showtimeColumns)
      .where('performance_id', '=', performanceId)
      .where('deleted_at', 'is', null)
      .orderBy('starts_at')
      .execute();
  }

  async find(id: string): Promise<ShowtimeRow | undefined> {
    return this.readDb
      .selectFrom('showtimes')
      .select(showtimeColumns)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /** The static part of a seat map, in display order. */
  async layout(showtimeId: string): Promise<LayoutSeat[]> {
    return this.readDb
      .selectFrom('seats')
      .select(['id', 'section', 'row_label as row', 'number', 'grade', 'price'])
      .where('showtime_id', '=', showtimeId)
      .orderBy('sort_order')
      .execute();
  }

  /**
   * Sold seat ids per showtime, in one query over the partial index `seats_sold`. The primary is read
   * (not the replica): a buyer who just paid must not see their seat as available.
   */
  async soldSeatIds(showtimeIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(showtimeIds.map((id) => [id, []]));
    if (showtimeIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('seats')
      .select(['showtime_id as showtimeId', 'id'])
      .where('showtime_id', 'in', showtimeIds)
      .where('status', '=', 'SOLD')
      .execute();
    for (const r of rows) out.get(r.showtimeId)?.push(r.id);
    return out;
  }

  /**
   * Sold seats and the sum of their list prices (primary: the admin dashboard follows an onsale live).
   * Undefined when the showtime does not exist. The list price is an approximation of revenue: it
   * ignores coupon discounts and refunds, which only checkout knows.
   */
  async salesFigures(showtimeId: string): Promise<{ sold: number; revenue: number } | undefined> {
    const row = await this.db
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
}
