import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../infra/db.ts';
import type { StoredPerformanceStatus } from './catalog.tables.ts';
import './catalog.tables.ts';

export interface SectionRow {
  name: string;
  grade: string;
  rows: number;
  seatsPerRow: number;
}

export interface PerformanceRow {
  id: string;
  title: string;
  description: string;
  categoryId: string;
  venueId: string;
  startDate: string;
  endDate: string;
  runningMinutes: number;
  ageRating: number;
  cast: string[];
  posterUrl: string | null;
  status: StoredPerformanceStatus;
}

/** One row with everything the detail page shows: one query, so a cache fill costs one round trip. */
export interface DetailRow extends PerformanceRow {
  viewCount: number;
  categoryName: string;
  categorySlug: string;
  venueName: string;
  venueAddress: string;
  prices: { grade: string; price: number }[];
}

export interface ShowtimeRow {
  id: string;
  performanceId: string;
  startsAt: Date;
  salesOpenAt: Date;
  salesCloseAt: Date;
  maxTicketsPerUser: number;
  queueEnabled: boolean;
  seatCount: number;
}

export interface LayoutSeat {
  id: string;
  section: string;
  row: string;
  number: number;
  grade: string;
  price: number;
}

const performanceColumns = [
  'p.id',
  'p.title',
  'p.description',
  'p.category_id as categoryId',
  'p.venue_id as venueId',
  'p.start_date as startDate',
  'p.end_date as endDate',
  'p.running_minutes as runningMinutes',
  'p.age_rating as ageRating',
  'p.cast',
  'p.poster_url as posterUrl',
  'p.status',
] as const;

/** Kysely only. Reads go to `readDb` (replica when configured); writes and their checks to `db`. */
export class CatalogRepository {
  constructor(
    readonly db: Db,
    private readonly readDb: Db,
  ) {}

  async categories(): Promise<{ id: string; name: string; slug: string }[]> {
    return this.readDb
      .selectFrom('categories')
      .select(['id', 'name', 'slug'])
      .orderBy('sort_order')
      .execute();
  }

  async categoryExists(id: string, tx: DbOrTx = this.db): Promise<boolean> {
    const row = await tx.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async insertVenue(
    input: { name: string; address: string; sections: SectionRow[] },
    tx: DbOrTx,
  ): Promise<string> {
    const seatCount = input.sections.reduce((sum, s) => sum + s.rows * s.seatsPerRow, 0);
    const { id } = await tx
      .insertInto('venues')
      .values({ name: input.name, address: input.address, seat_count: seatCount, deleted_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('venue_sections')
      .values(
        input.sections.map((s, i) => ({
          venue_id: id,
          name: s.name,
          grade: s.grade,
          rows: s.rows,
          seats_per_row: s.seatsPerRow,
          sort_order: i,
        })),
      )
      .execute();
    return id;
  }

  /** Live venues, each with its seat grades (in section order) so a price list can name them. */
  async venues(): Promise<
    { id: string; name: string; address: string; seatCount: number; grades: string[] }[]
  > {
    return this.db
      .selectFrom('venues')
      .select(['id', 'name', 'address', 'seat_count as seatCount'])
      .select(
        sql<string[]>`array(select s.grade from venue_sections s where s.venue_id = venues.id
          group by s.grade order by min(s.sort_order))`.as('grades'),
      )
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute();
  }

  /** A live venue with its sections, or undefined when it does not exist or was deleted. */
  async venue(
    venueId: string,
    tx: DbOrTx = this.db,
  ): Promise<{ name: string; sections: SectionRow[] } | undefined> {
    const venue = await tx
      .selectFrom('venues')
      .select('name')
      .where('id', '=', venueId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!venue) return undefined;
    const sections = await tx
      .selectFrom('venue_sections')
      .select(['name', 'grade', 'rows', 'seats_per_row as seatsPerRow'])
      .where('venue_id', '=', venueId)
      .orderBy('sort_order')
      .execute();
    return { name: venue.name, sections };
  }

  async softDeleteVenue(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('venues')
      .set({ deleted_at: new Date() })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async insertPerformance(
    row: Omit<PerformanceRow, 'id'>,
    prices: { grade: string; price: number }[],
    searchText: string,
    tx: DbOrTx,
  ): Promise<string> {
    const { id } = await tx
      .insertInto('performances')
      .values({ ...writableColumns(row, searchText), deleted_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replacePrices(id, prices, tx);
    return id;
  }

  async updatePerformance(row: PerformanceRow, searchText: string, tx: DbOrTx): Promise<void> {
    await tx
      .updateTable('performances')
      .set({ ...writableColumns(row, searchText), updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
  }

  async replacePrices(id: string, prices: { grade: string; price: number }[], tx: DbOrTx): Promise<void> {
    await tx.deleteFrom('performance_prices').where('performance_id', '=', id).execute();
    await tx
      .insertInto('performance_prices')
      .values(prices.map((p) => ({ performance_id: id, grade: p.grade, price: p.price })))
      .execute();
  }

  /** A live performance (any status) locked for update, with its prices. */
  async lockPerformance(
    id: string,
    tx: DbOrTx,
  ): Promise<(PerformanceRow & { prices: { grade: string; price: number }[] }) | undefined> {
    const row = await tx
      .selectFrom('performances as p')
      .select(performanceColumns)
      .where('p.id', '=', id)
      .where('p.deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return undefined;
    const prices = await tx
      .selectFrom('performance_prices')
      .select(['grade', 'price'])
      .where('performance_id', '=', id)
      .execute();
    return { ...row, prices };
  }

  async hasShowtimes(performanceId: string, tx: DbOrTx): Promise<boolean> {
    const row = await tx
      .selectFrom('showtimes')
      .select('id')
      .where('performance_id', '=', performanceId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  async softDeletePerformance(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('performances')
      .set({ deleted_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  /** The detail of a live performance in one query (prices aggregated as JSON). */
  async detail(id: string): Promise<DetailRow | undefined> {
    return this.readDb
      .selectFrom('performances as p')
      .innerJoin('categories as c', 'c.id', 'p.category_id')
      .innerJoin('venues as v', 'v.id', 'p.venue_id')
      .select(performanceColumns)
      .select([
        'p.view_count as viewCount',
        'c.name as categoryName',
        'c.slug as categorySlug',
        'v.name as venueName',
        'v.address as venueAddress',
        sql<{ grade: string; price: number }[]>`(
          SELECT coalesce(json_agg(json_build_object('grade', pp.grade, 'price', pp.price) ORDER BY pp.price DESC), '[]')
          FROM performance_prices pp WHERE pp.performance_id = p.id)`.as('prices'),
      ])
      .where('p.id', '=', id)
      .where('p.deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /** Live, public (not DRAFT) performances among `ids`, for rankings. */
  async publicTitles(ids: string[]): Promise<{ id: string; title: string; posterUrl: string | null }[]> {
    if (ids.length === 0) return [];
    return this.readDb
      .selectFrom('performances')
      .select(['id', 'title', 'poster_url as posterUrl'])
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .where('status', '<>', 'DRAFT')
      .execute();
  }
}

/** The columns a create and an update of a performance both write. */
function writableColumns(row: Omit<PerformanceRow, 'id'>, searchText: string) {
  return {
    title: row.title,
    description: row.description,
    category_id: row.categoryId,
    venue_id: row.venueId,
    start_date: row.startDate,
    end_date: row.endDate,
    running_minutes: row.runningMinutes,
    age_rating: row.ageRating,
    cast: row.cast,
    poster_url: row.posterUrl,
    status: row.status,
    search_text: searchText,
  };
}
