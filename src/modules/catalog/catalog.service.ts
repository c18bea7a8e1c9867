import { AppError } from '../../errors.ts';
import type { DbOrTx } from '../../infra/db.ts';
import type { Clock } from '../../infra/clock.ts';
import type { CatalogDbs } from './read-dbs.ts';
import type {
  CatalogRepository,
  PerformanceRow,
  SectionRow,
  VenueContact,
  VenueListRow,
} from './catalog.repository.ts';
import type { ShowtimesRepository } from './showtimes.repository.ts';
import type { DetailCache } from './detail-cache.ts';
import type { InvalidationBus } from './invalidation.ts';
import type { Logger } from '../../infra/logger.ts';
import type {
  CreatePerformanceBody,
  CreateShowtimeBody,
  CreateVenueBody,
  UpdatePerformanceBody,
  UpdateVenueBody,
} from './catalog.schemas.ts';
import { kstDay } from './calendar.ts';

type Price = { grade: string; price: number };

/** What full-text and trigram search look through: title, cast, venue and description. */
export function searchTextOf(
  p: { title: string; cast: string[]; description: string },
  venueName: string,
): string {
  return [p.title, p.cast.join(' '), venueName, p.description].join(' ').normalize('NFC').toLowerCase();
}

export interface CatalogAdminDeps {
  catalog: CatalogRepository;
  showtimes: ShowtimesRepository;
  dbs: CatalogDbs;
  detailCache: DetailCache;
  bus: InvalidationBus;
  log: Logger;
  clock: Clock;
}

/**
 * Admin writes: venues, performances and showtimes with seat generation. Every write that changes
 * what readers see ends by clearing the caches on every instance. Writes run on the primary, in one
 * transaction each where they take several statements; the SQL is in the repositories.
 */
export class CatalogAdmin {
  private readonly repo: CatalogRepository;
  private readonly showtimes: ShowtimesRepository;
  private readonly dbs: CatalogDbs;
  private readonly detailCache: DetailCache;
  private readonly bus: InvalidationBus;
  private readonly log: Logger;
  private readonly clock: Clock;

  constructor(deps: CatalogAdminDeps) {
    this.repo = deps.catalog;
    this.showtimes = deps.showtimes;
    this.dbs = deps.dbs;
    this.detailCache = deps.detailCache;
    this.bus = deps.bus;
    this.log = deps.log;
    this.clock = deps.clock;
  }

  /** Live venues for the admin console, read where `adminId`'s reads go (the primary after a write). */
  async venues(adminId: string | undefined): Promise<VenueListRow[]> {
    return this.repo.venues(await this.dbs.readFor(adminId));
  }

  async createVenue(body: CreateVenueBody): Promise<{ id: string; name: string; seatCount: number }> {
    const names = new Set(body.sections.map((s) => s.name.trim()));
    if (names.size !== body.sections.length) {
      throw new AppError('VALIDATION_FAILED', 'body.sections section names must be unique', {
        errors: [{ field: 'body.sections', message: 'section names must be unique' }],
      });
    }
    const seatCount = body.sections.reduce((sum, s) => sum + s.rows * s.seatsPerRow, 0);
    if (seatCount > 50_000) throw invalid('body.sections', 'a venue has at most 50,000 seats');
    const contact = venueContact({}, body);
    const id = await this.dbs.primary.transaction().execute((tx) =>
      this.repo.insertVenue(tx, {
        ...contact,
        name: body.name.trim(),
        address: body.address.trim(),
        sections: body.sections,
      }),
    );
    return { id, name: body.name.trim(), seatCount };
  }

  /**
   * Edits a venue's name, address and how to find and reach it; the section layout is not editable
   * (showtimes' seats were generated from it). Every performance at the venue shows these fields in
   * its cached detail, so each is invalidated; a rename also rewrites their search text.
   */
  async updateVenue(id: string, patch: UpdateVenueBody): Promise<VenueListRow> {
    const performanceIds = await this.dbs.primary.transaction().execute(async (tx) => {
      const current = await this.repo.lockVenue(tx, id);
      if (!current) throw new AppError('VENUE_NOT_FOUND');
      const next = {
        name: patch.name?.trim() ?? current.name,
        address: patch.address?.trim() ?? current.address,
        ...venueContact(current, patch),
      };
      await this.repo.updateVenue(tx, id, next);
      const shows = await this.repo.performancesAt(tx, id);
      if (next.name !== current.name) {
        for (const p of shows) await this.repo.setSearchText(tx, p.id, searchTextOf(p, next.name));
      }
      return shows.map((p) => p.id);
    });
    for (const performanceId of performanceIds) await this.published({ performanceId });
    const venue = (await this.repo.venues(this.dbs.primary)).find((v) => v.id === id);
    if (!venue) throw new AppError('VENUE_NOT_FOUND');
    return venue;
  }

  async deleteVenue(id: string): Promise<void> {
    const deleted = await this.repo.softDeleteVenue(this.dbs.primary, id, this.clock.now());
    if (!deleted) throw new AppError('VENUE_NOT_FOUND');
  }

  async createPerformance(body: CreatePerformanceBody): Promise<{ id: string }> {
    const row: Omit<PerformanceRow, 'id'> = {
      title: body.title.trim(),
      description: body.description ?? '',
      categoryId: body.categoryId,
      venueId: body.venueId,
      startDate: body.startDate,
      endDate: body.endDate,
      runningMinutes: body.runningMinutes,
      ageRating: body.ageRating,
      cast: (body.cast ?? []).map((c) => c.trim()),
      posterUrl: body.posterUrl ?? null,
      status: body.status ?? 'ON_SALE',
    };
    const id = await this.dbs.primary.transaction().execute(async (tx) => {
      const venueName = await this.validate(tx, row, body.prices);
      return this.repo.insertPerformance(tx, row, body.prices, searchTextOf(row, venueName));
    });
    await this.published({ performanceId: id });
    return { id };
  }

  async updatePerformance(id: string, patch: UpdatePerformanceBody): Promise<void> {
    await this.dbs.primary.transaction().execute(async (tx) => {
      const current = await this.repo.lockPerformance(tx, id);
      if (!current) throw new AppError('PERFORMANCE_NOT_FOUND');
      const { prices: currentPrices, ...currentRow } = current;
      const next: PerformanceRow = {
        ...currentRow,
        ...definedOnly({
          title: patch.title?.trim(),
          description: patch.description,
          categoryId: patch.categoryId,
          venueId: patch.venueId,
          startDate: patch.startDate,
          endDate: patch.endDate,
          runningMinutes: patch.runningMinutes,
          ageRating: patch.ageRating,
          cast: patch.cast?.map((c) => c.trim()),
          status: patch.status,
        }),
        posterUrl: patch.posterUrl === undefined ? currentRow.posterUrl : patch.posterUrl,
      };
      const prices = patch.prices ?? currentPrices;
      // Generated seats belong to the venue's sections: moving a scheduled performance would orphan them.
      if (next.venueId !== currentRow.venueId && (await this.repo.hasShowtimes(tx, id))) {
        throw invalid('body.venueId', 'cannot change the venue of a performance that has showtimes');
      }
      const venueName = await this.validate(tx, next, prices);
      await this.repo.updatePerformance(tx, next, searchTextOf(next, venueName), this.clock.now());
      if (patch.prices) await this.repo.replacePrices(tx, id, prices);
    });
    await this.published({ performanceId: id });
  }

  async deletePerformance(id: string): Promise<void> {
    const deleted = await this.repo.softDeletePerformance(this.dbs.primary, id, this.clock.now());
    if (!deleted) throw new AppError('PERFORMANCE_NOT_FOUND');
    await this.published({ performanceId: id });
  }

  async createShowtime(
    performanceId: string,
    body: CreateShowtimeBody,
  ): Promise<{ id: string; seatCount: number }> {
    const startsAt = new Date(body.startsAt);
    const salesOpenAt = new Date(body.salesOpenAt);
    const salesCloseAt = new Date(body.salesCloseAt);
    if (!(salesOpenAt < salesCloseAt && salesCloseAt <= startsAt)) {
      throw new AppError('INVALID_DATE_RANGE', 'salesOpenAt < salesCloseAt <= startsAt must hold');
    }
    const result = await this.dbs.primary.transaction().execute(async (tx) => {
      const perf = await this.repo.lockPerformance(tx, performanceId);
      if (!perf) throw new AppError('PERFORMANCE_NOT_FOUND');
      const day = kstDay(startsAt);
      if (day < perf.startDate || day > perf.endDate) {
        throw new AppError(
          'INVALID_DATE_RANGE',
          `startsAt must fall between ${perf.startDate} and ${perf.endDate}`,
        );
      }
      const venue = await this.repo.venue(tx, perf.venueId);
      if (!venue) throw new AppError('VENUE_NOT_FOUND');
      const seatCount = venue.sections.reduce((sum, s) => sum + s.rows * s.seatsPerRow, 0);
      const id = await this.showtimes.insert(tx, {
        performanceId,
        startsAt,
        salesOpenAt,
        salesCloseAt,
        maxTicketsPerUser: body.maxTicketsPerUser,
        cast: (body.cast ?? []).map((c) => c.trim()),
        queue: {
          enabled: body.queue?.enabled ?? false,
          admitPerSecond: body.queue?.admitPerSecond ?? 100,
          maxActive: body.queue?.maxActive ?? 1000,
          sessionSeconds: body.queue?.sessionSeconds ?? 600,
          opensBeforeMinutes: body.queue?.opensBeforeMinutes ?? null,
        },
        seatCount,
      });
      const generated = await this.showtimes.generateSeats(tx, {
        showtimeId: id,
        performanceId,
        venueId: perf.venueId,
      });
      if (generated !== seatCount)
        throw new AppError('GRADE_PRICE_MISSING', 'every section grade needs a price');
      return { id, seatCount };
    });
    await this.published({ performanceId });
    return result;
  }

  async deleteShowtime(id: string): Promise<void> {
    const deleted = await this.showtimes.softDelete(this.dbs.primary, id, this.clock.now());
    if (!deleted) throw new AppError('SHOWTIME_NOT_FOUND');
    await this.published({ performanceId: deleted.performanceId, showtimeId: id });
  }

  /** Checks references, dates and prices; returns the venue name for the search text. */
  private async validate(tx: DbOrTx, row: Omit<PerformanceRow, 'id'>, prices: Price[]): Promise<string> {
    if (row.endDate < row.startDate) throw new AppError('INVALID_DATE_RANGE', 'endDate is before startDate');
    if (!(await this.repo.categoryExists(tx, row.categoryId))) throw new AppError('CATEGORY_NOT_FOUND');
    const venue = await this.repo.venue(tx, row.venueId);
    if (!venue) throw new AppError('VENUE_NOT_FOUND');
    checkPrices(prices, venue.sections);
    return venue.name;
  }

  /**
   * After the commit: clear Redis and tell every instance. The write itself has happened, so a Redis
   * failure here is logged rather than reported as a failed write; the cache TTLs bound the staleness.
   */
  private async published(msg: { performanceId: string; showtimeId?: string }): Promise<void> {
    const logged = (err: Error): void =>
      this.log.error({ err: err.message, ...msg }, 'catalogue invalidation failed');
    await this.detailCache.invalidate(msg.performanceId).catch(logged);
    await this.bus.publish(msg).catch(logged);
  }
}

/** One price per grade of the venue: none missing, none unknown, none twice. */
function checkPrices(prices: Price[], sections: SectionRow[]): void {
  const grades = new Set(sections.map((s) => s.grade));
  const seen = new Set<string>();
  for (const p of prices) {
    if (seen.has(p.grade)) throw invalid('body.prices', `grade ${p.grade} is priced twice`);
    if (!grades.has(p.grade)) throw invalid('body.prices', `grade ${p.grade} is not a grade of the venue`);
    seen.add(p.grade);
  }
  const missing = [...grades].filter((g) => !seen.has(g));
  if (missing.length > 0) {
    throw new AppError('GRADE_PRICE_MISSING', `no price for grade ${missing.join(', ')}`, {
      grades: missing,
    });
  }
}

/**
 * The contact fields after applying `patch` to `current`: undefined keeps, null clears, text is
 * trimmed (blank becomes null). Latitude and longitude must end up both set or both null.
 */
function venueContact(current: Partial<VenueContact>, patch: Partial<VenueContact>): VenueContact {
  const pick = <K extends keyof VenueContact>(k: K): VenueContact[K] | null =>
    patch[k] === undefined ? (current[k] ?? null) : patch[k];
  const text = (v: string | null): string | null => (v === null || v.trim() === '' ? null : v.trim());
  const latitude = pick('latitude');
  const longitude = pick('longitude');
  if ((latitude === null) !== (longitude === null)) {
    throw invalid(
      latitude === null ? 'body.latitude' : 'body.longitude',
      'latitude and longitude go together',
    );
  }
  return {
    latitude,
    longitude,
    phone: text(pick('phone')),
    parking: text(pick('parking')),
    directions: text(pick('directions')),
  };
}

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
