import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { StoredPerformanceStatus } from './catalog.tables.ts';
import type { TicketType } from './ticket-types.ts';
import './catalog.tables.ts';

export interface SectionRow {
  name: string;
  grade: string;
  rows: number;
  seatsPerRow: number;
}

/** How to find and reach a venue (migration 0022); null where the admin has not said. */
export interface VenueContact {
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  parking: string | null;
  directions: string | null;
}

export interface VenueListRow extends VenueContact {
  id: string;
  name: string;
  address: string;
  seatCount: number;
  grades: string[];
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
  venueLatitude: number | null;
  venueLongitude: number | null;
  venuePhone: string | null;
  venueParking: string | null;
  venueDirections: string | null;
  prices: { grade: string; price: number }[];
  ticketTypes: TicketType[];
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
  cast: string[];
}

/** Seats of one grade of one showtime: the total and how many of `taken` (sold or held) are among them. */
export interface GradeCountRow {
  showtimeId: string;
  grade: string;
  price: number;
  total: number;
  taken: number;
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

/**
 * The catalogue's performances, venues, categories and counts. Stateless: every method takes the
 * connection first (`db`: the primary, a transaction, or the replica read routing chose).
 */
export class CatalogRepository {
  async categories(db: DbOrTx): Promise<{ id: string; name: string; slug: string }[]> {
    return db.selectFrom('categories').select(['id', 'name', 'slug']).orderBy('sort_order').execute();
  }

  /** Inserts the categories that are missing (by slug), in the given order. */
  async ensureCategories(db: DbOrTx, categories: readonly { name: string; slug: string }[]): Promise<void> {
    if (categories.length === 0) return;
    await db
      .insertInto('categories')
      .values(categories.map((c, i) => ({ name: c.name, slug: c.slug, sort_order: i })))
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
  }

  async categoryExists(db: DbOrTx, id: string): Promise<boolean> {
    const row = await db.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async insertVenue(
    db: DbOrTx,
    input: { name: string; address: string; sections: SectionRow[] } & Partial<VenueContact>,
  ): Promise<string> {
    const seatCount = input.sections.reduce((sum, s) => sum + s.rows * s.seatsPerRow, 0);
    const { id } = await db
      .insertInto('venues')
      .values({
        name: input.name,
        address: input.address,
        seat_count: seatCount,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        phone: input.phone ?? null,
        parking: input.parking ?? null,
        directions: input.directions ?? null,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
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
  async venues(db: DbOrTx): Promise<VenueListRow[]> {
    return db
      .selectFrom('venues')
      .select([
        'id',
        'name',
        'address',
        'seat_count as seatCount',
        'latitude',
        'longitude',
        'phone',
        'parking',
        'directions',
      ])
      .select(
        sql<string[]>`array(select s.grade from venue_sections s where s.venue_id = venues.id
          group by s.grade order by min(s.sort_order))`.as('grades'),
      )
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute();
  }

  /** A live venue with its sections, or undefined when it does not exist or was deleted. */
  async venue(db: DbOrTx, venueId: string): Promise<{ name: string; sections: SectionRow[] } | undefined> {
    const venue = await db
      .selectFrom('venues')
      .select('name')
      .where('id', '=', venueId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!venue) return undefined;
    const sections = await db
      .selectFrom('venue_sections')
      .select(['name', 'grade', 'rows', 'seats_per_row as seatsPerRow'])
      .where('venue_id', '=', venueId)
      .orderBy('sort_order')
      .execute();
    return { name: venue.name, sections };
  }

  /** A live venue's name, address and contact, locked for update; undefined when absent or deleted. */
  async lockVenue(
    db: DbOrTx,
    id: string,
  ): Promise<({ name: string; address: string } & VenueContact) | undefined> {
    return db
      .selectFrom('venues')
      .select(['name', 'address', 'latitude', 'longitude', 'phone', 'parking', 'directions'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
  }

  async updateVenue(
    db: DbOrTx,
    id: string,
    row: { name: string; address: string } & VenueContact,
  ): Promise<void> {
    await db.updateTable('venues').set(row).where('id', '=', id).execute();
  }

  /** Live performances at a venue, with what their search text is built from (a rename changes it). */
  async performancesAt(
    db: DbOrTx,
    venueId: string,
  ): Promise<{ id: string; title: string; cast: string[]; description: string }[]> {
    return db
      .selectFrom('performances')
      .select(['id', 'title', 'cast', 'description'])
      .where('venue_id', '=', venueId)
      .where('deleted_at', 'is', null)
      .execute();
  }

  async setSearchText(db: DbOrTx, id: string, searchText: string): Promise<void> {
    await db.updateTable('performances').set({ search_text: searchText }).where('id', '=', id).execute();
  }

  /** The id of the live venue with this exact name (demo data is idempotent by name). */
  async venueIdByName(db: DbOrTx, name: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('venues')
      .select('id')
      .where('name', '=', name)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.id;
  }

  async softDeleteVenue(db: DbOrTx, id: string, at: Date): Promise<boolean> {
    const r = await db
      .updateTable('venues')
      .set({ deleted_at: at })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async insertPerformance(
    db: DbOrTx,
    row: Omit<PerformanceRow, 'id'>,
    prices: { grade: string; price: number }[],
    searchText: string,
  ): Promise<string> {
    const { id } = await db
      .insertInto('performances')
      .values({ ...writableColumns(row, searchText), deleted_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replacePrices(db, id, prices);
    return id;
  }

  async updatePerformance(db: DbOrTx, row: PerformanceRow, searchText: string, at: Date): Promise<void> {
    await db
      .updateTable('performances')
      .set({ ...writableColumns(row, searchText), updated_at: at })
      .where('id', '=', row.id)
      .execute();
  }

  async setPosterUrl(db: DbOrTx, id: string, posterUrl: string | null, at: Date): Promise<void> {
    await db
      .updateTable('performances')
      .set({ poster_url: posterUrl, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  /** Whether any performance (deleted ones too: they can be restored) shows this poster. */
  async posterInUse(db: DbOrTx, posterUrl: string): Promise<boolean> {
    const row = await db
      .selectFrom('performances')
      .select('id')
      .where('poster_url', '=', posterUrl)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async replacePrices(db: DbOrTx, id: string, prices: { grade: string; price: number }[]): Promise<void> {
    await db.deleteFrom('performance_prices').where('performance_id', '=', id).execute();
    await db
      .insertInto('performance_prices')
      .values(prices.map((p) => ({ performance_id: id, grade: p.grade, price: p.price })))
      .execute();
  }

  /** Replaces a performance's ticket types (ADULT is implicit and never stored). */
  async replaceTicketTypes(db: DbOrTx, id: string, types: TicketType[]): Promise<void> {
    await db.deleteFrom('performance_ticket_types').where('performance_id', '=', id).execute();
    if (types.length === 0) return;
    await db
      .insertInto('performance_ticket_types')
      .values(
        types.map((t, i) => ({
          performance_id: id,
          code: t.code,
          name: t.name,
          discount_percent: t.discountPercent,
          proof_required: t.proofRequired,
          proof_note: t.proofNote,
          sort_order: i,
        })),
      )
      .execute();
  }

  /** A live performance (any status) locked for update, with its prices. */
  async lockPerformance(
    db: DbOrTx,
    id: string,
  ): Promise<(PerformanceRow & { prices: { grade: string; price: number }[] }) | undefined> {
    const row = await db
      .selectFrom('performances as p')
      .select(performanceColumns)
      .where('p.id', '=', id)
      .where('p.deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return undefined;
    const prices = await db
      .selectFrom('performance_prices')
      .select(['grade', 'price'])
      .where('performance_id', '=', id)
      .execute();
    return { ...row, prices };
  }

  async hasShowtimes(db: DbOrTx, performanceId: string): Promise<boolean> {
    const row = await db
      .selectFrom('showtimes')
      .select('id')
      .where('performance_id', '=', performanceId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  async softDeletePerformance(db: DbOrTx, id: string, at: Date): Promise<boolean> {
    const r = await db
      .updateTable('performances')
      .set({ deleted_at: at, updated_at: at })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  /** The detail of a live performance in one query (prices aggregated as JSON). */
  async detail(db: DbOrTx, id: string): Promise<DetailRow | undefined> {
    return db
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
        'v.latitude as venueLatitude',
        'v.longitude as venueLongitude',
        'v.phone as venuePhone',
        'v.parking as venueParking',
        'v.directions as venueDirections',
        sql<{ grade: string; price: number }[]>`(
          SELECT coalesce(json_agg(json_build_object('grade', pp.grade, 'price', pp.price) ORDER BY pp.price DESC), '[]')
          FROM performance_prices pp WHERE pp.performance_id = p.id)`.as('prices'),
        sql<TicketType[]>`(
          SELECT coalesce(json_agg(json_build_object(
            'code', t.code, 'name', t.name, 'discountPercent', t.discount_percent,
            'proofRequired', t.proof_required, 'proofNote', t.proof_note) ORDER BY t.sort_order), '[]')
          FROM performance_ticket_types t WHERE t.performance_id = p.id)`.as('ticketTypes'),
      ])
      .where('p.id', '=', id)
      .where('p.deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /** Live, public (not DRAFT), not ended performances among `ids`, for rankings. */
  async publicTitles(
    db: DbOrTx,
    ids: string[],
    today: string,
  ): Promise<
    {
      id: string;
      title: string;
      posterUrl: string | null;
      categoryId: string;
      categoryName: string;
      categorySlug: string;
    }[]
  > {
    if (ids.length === 0) return [];
    return db
      .selectFrom('performances as p')
      .innerJoin('categories as c', 'c.id', 'p.category_id')
      .select([
        'p.id',
        'p.title',
        'p.poster_url as posterUrl',
        'c.id as categoryId',
        'c.name as categoryName',
        'c.slug as categorySlug',
      ])
      .where('p.id', 'in', ids)
      .where('p.deleted_at', 'is', null)
      .where('p.status', '<>', 'DRAFT')
      .where('p.end_date', '>=', today)
      .execute();
  }

  /** Performances ever created, deleted ones included (the seed fills only an empty catalogue). */
  async performanceCount(db: DbOrTx): Promise<number> {
    const row = await db
      .selectFrom('performances')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The id of a live performance with this exact title (demo data is idempotent by title). */
  async performanceIdByTitle(db: DbOrTx, title: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('performances')
      .select('id')
      .where('title', '=', title)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.id;
  }

  /** Sets the view and sales counters outright (demo data: a plausible popularity). */
  async setCounts(db: DbOrTx, id: string, counts: { views: number; sales: number }): Promise<void> {
    await db
      .updateTable('performances')
      .set({ view_count: counts.views, sales_count: counts.sales })
      .where('id', '=', id)
      .execute();
  }

  /** Records a view-flush batch id; false when it was recorded before (the batch was applied). */
  async recordFlushBatch(db: DbOrTx, batchId: string): Promise<boolean> {
    const fresh = await db
      .insertInto('view_flush_batches')
      .values({ batch_id: batchId })
      .onConflict((oc) => oc.doNothing())
      .returning('batch_id')
      .executeTakeFirst();
    return fresh !== undefined;
  }

  /** Adds view and sales deltas to the performances' counters in one statement (sales never below 0). */
  async addCounts(db: DbOrTx, deltas: { id: string; views: number; sales: number }[]): Promise<void> {
    if (deltas.length === 0) return;
    await sql`
      UPDATE performances p
      SET view_count = p.view_count + d.views, sales_count = greatest(0, p.sales_count + d.sales)
      FROM unnest(${deltas.map((d) => d.id)}::uuid[], ${deltas.map((d) => d.views)}::bigint[],
                  ${deltas.map((d) => d.sales)}::bigint[]) AS d(id, views, sales)
      WHERE p.id = d.id`.execute(db);
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
