import { AppError, fieldError } from '../../errors.ts';
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
import type { AdminShowtimeRow, ShowtimesRepository } from './showtimes.repository.ts';
import type { DetailCache } from './detail-cache.ts';
import type { InvalidationBus } from './invalidation.ts';
import type { Logger } from '../../infra/logger.ts';
import type {
  AdminShowtime,
  CreatePerformanceBody,
  CreateShowtimeBody,
  CreateVenueBody,
  TicketTypeInput,
  UpdatePerformanceBody,
  UpdateShowtimeBody,
  UpdateVenueBody,
} from './catalog.schemas.ts';
import { kstDay } from './calendar.ts';
import { ADULT, type TicketType } from './ticket-types.ts';
import { appendEvent } from '../events/outbox.ts';

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
      throw invalid('body.sections', 'unique', 'section names must be unique');
    }
    const seatCount = body.sections.reduce((sum, s) => sum + s.rows * s.seatsPerRow, 0);
    if (seatCount > 50_000)
      throw invalid('body.sections', 'maxSeats', 'a venue has at most 50,000 seats', { limit: 50_000 });
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
      const id = await this.repo.insertPerformance(tx, row, body.prices, searchTextOf(row, venueName));
      if (body.ticketTypes) await this.repo.replaceTicketTypes(tx, id, ticketTypesOf(body.ticketTypes));
      if (row.status !== 'DRAFT') await this.announce(tx, { ...row, id }, venueName);
      return id;
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
        throw invalid(
          'body.venueId',
          'fixedWithShowtimes',
          'cannot change the venue of a performance that has showtimes',
        );
      }
      const venueName = await this.validate(tx, next, prices);
      // A shorter run must still hold every showtime (they start within it, as when created).
      if (next.startDate !== currentRow.startDate || next.endDate !== currentRow.endDate) {
        const span = await this.showtimes.span(tx, id);
        if (span && kstDay(span.first) < next.startDate) {
          throw fieldError(
            'INVALID_DATE_RANGE',
            'body.startDate',
            'coversShowtimes',
            'a showtime starts before it',
            {
              first: kstDay(span.first),
            },
          );
        }
        if (span && kstDay(span.last) > next.endDate) {
          throw fieldError(
            'INVALID_DATE_RANGE',
            'body.endDate',
            'coversShowtimes',
            'a showtime starts after it',
            {
              last: kstDay(span.last),
            },
          );
        }
      }
      await this.repo.updatePerformance(tx, next, searchTextOf(next, venueName), this.clock.now());
      if (patch.prices) await this.repo.replacePrices(tx, id, prices);
      if (patch.ticketTypes) await this.repo.replaceTicketTypes(tx, id, ticketTypesOf(patch.ticketTypes));
      if (next.status === 'ON_SALE' && currentRow.status !== 'ON_SALE')
        await this.announce(tx, next, venueName);
    });
    await this.published({ performanceId: id });
  }

  /**
   * Points the performance's poster at `posterUrl` (null: the generated one), under the row lock, and
   * says whether the poster it replaced is still shown by any performance: only when none does may
   * the caller delete its files, after this commit.
   */
  async replacePoster(
    id: string,
    posterUrl: string | null,
  ): Promise<{ previous: string | null; previousInUse: boolean }> {
    const result = await this.dbs.primary.transaction().execute(async (tx) => {
      const current = await this.repo.lockPerformance(tx, id);
      if (!current) throw new AppError('PERFORMANCE_NOT_FOUND');
      await this.repo.setPosterUrl(tx, id, posterUrl, this.clock.now());
      const previous = current.posterUrl;
      const previousInUse =
        previous !== null && (previous === posterUrl || (await this.repo.posterInUse(tx, previous)));
      return { previous, previousInUse };
    });
    await this.published({ performanceId: id });
    return result;
  }

  /**
   * `performance.published` in the caller's transaction: the performance is now listed (created so,
   * or put on sale). Keyword alerts match on it.
   */
  private async announce(tx: DbOrTx, p: PerformanceRow, venueName: string): Promise<void> {
    const now = this.clock.now();
    const salesOpenAt = await this.showtimes.nextSalesOpen(tx, p.id, now);
    await appendEvent(
      tx,
      'performance.published',
      { type: 'performance', id: p.id },
      {
        performanceId: p.id,
        title: p.title,
        cast: p.cast,
        venueName,
        salesOpenAt: salesOpenAt?.toISOString() ?? null,
        status: p.status === 'CLOSED' ? 'CLOSED' : 'ON_SALE',
        publishedAt: now.toISOString(),
      },
    );
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
    checkSalesWindow(startsAt, salesOpenAt, salesCloseAt);
    const result = await this.dbs.primary.transaction().execute(async (tx) => {
      const perf = await this.repo.lockPerformance(tx, performanceId);
      if (!perf) throw new AppError('PERFORMANCE_NOT_FOUND');
      checkWithinRun(startsAt, perf);
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
          // Off unless asked for, so clients that cannot solve a challenge keep working.
          proofOfWork: body.queue?.proofOfWork ?? false,
          powDifficulty: body.queue?.powDifficulty ?? null,
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

  /** A showtime as the admin console edits it (queue settings and sold seats included). */
  async showtime(id: string): Promise<AdminShowtime> {
    const row = await this.showtimes.adminView(this.dbs.primary, id);
    if (!row) throw new AppError('SHOWTIME_NOT_FOUND');
    return adminShowtimeJson(row);
  }

  /**
   * Changes a showtime's times, limit or waiting room under the create rules. Under the showtime's row
   * lock: the start cannot move once a seat is sold (buyers chose that time; moving it is a refund
   * and notification flow this project does not have), and the opening cannot move once sales have
   * opened (the waiting room's draw has run at it). Closing earlier or later, the limit and the queue
   * settings may change any time; a lower limit applies to purchases from now on.
   */
  async updateShowtime(id: string, patch: UpdateShowtimeBody): Promise<AdminShowtime> {
    const performanceId = await this.dbs.primary.transaction().execute(async (tx) => {
      const current = await this.showtimes.adminView(tx, id, true);
      if (!current) throw new AppError('SHOWTIME_NOT_FOUND');
      const startsAt = patch.startsAt ? new Date(patch.startsAt) : current.startsAt;
      const salesOpenAt = patch.salesOpenAt ? new Date(patch.salesOpenAt) : current.salesOpenAt;
      const salesCloseAt = patch.salesCloseAt ? new Date(patch.salesCloseAt) : current.salesCloseAt;
      if (startsAt.getTime() !== current.startsAt.getTime() && current.soldSeats > 0) {
        throw fieldError('SHOWTIME_HAS_SALES', 'body.startsAt', 'fixedAfterSales', 'seats are sold', {
          soldSeats: current.soldSeats,
        });
      }
      if (
        salesOpenAt.getTime() !== current.salesOpenAt.getTime() &&
        this.clock.nowMs() >= current.salesOpenAt.getTime()
      ) {
        throw fieldError('SALES_ALREADY_OPEN', 'body.salesOpenAt', 'fixedAfterOpen', 'sales have opened');
      }
      checkSalesWindow(startsAt, salesOpenAt, salesCloseAt);
      const perf = await this.repo.lockPerformance(tx, current.performanceId);
      if (!perf) throw new AppError('SHOWTIME_NOT_FOUND');
      checkWithinRun(startsAt, perf);
      await this.showtimes.update(tx, id, {
        startsAt,
        salesOpenAt,
        salesCloseAt,
        maxTicketsPerUser: patch.maxTicketsPerUser ?? current.maxTicketsPerUser,
        cast: patch.cast ? patch.cast.map((c) => c.trim()) : current.cast,
        queue: { ...current.queue, ...definedOnly(patch.queue ?? {}) },
      });
      return current.performanceId;
    });
    await this.published({ performanceId, showtimeId: id });
    return this.showtime(id);
  }

  async deleteShowtime(id: string): Promise<void> {
    const deleted = await this.showtimes.softDelete(this.dbs.primary, id, this.clock.now());
    if (!deleted) throw new AppError('SHOWTIME_NOT_FOUND');
    await this.published({ performanceId: deleted.performanceId, showtimeId: id });
  }

  /** Checks references, dates and prices; returns the venue name for the search text. */
  private async validate(tx: DbOrTx, row: Omit<PerformanceRow, 'id'>, prices: Price[]): Promise<string> {
    if (row.endDate < row.startDate) {
      throw fieldError('INVALID_DATE_RANGE', 'body.endDate', 'notBefore', 'is before startDate', {
        other: 'startDate',
      });
    }
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
/** The admin's ticket types as stored: codes unique, ADULT refused (it is the list price itself). */
function ticketTypesOf(input: TicketTypeInput[]): TicketType[] {
  const seen = new Set<string>();
  return input.map((t, i) => {
    if (t.code === ADULT)
      throw invalid(`body.ticketTypes.${i}.code`, 'reserved', 'ADULT is the list price and is always sold');
    if (seen.has(t.code))
      throw invalid(`body.ticketTypes.${i}.code`, 'unique', `ticket type ${t.code} is listed twice`, {
        code: t.code,
      });
    seen.add(t.code);
    return {
      code: t.code,
      name: t.name.trim(),
      discountPercent: t.discountPercent,
      proofRequired: t.proofRequired ?? false,
      proofNote: t.proofNote?.trim() || null,
    };
  });
}

function checkPrices(prices: Price[], sections: SectionRow[]): void {
  const grades = new Set(sections.map((s) => s.grade));
  const seen = new Set<string>();
  for (const p of prices) {
    if (seen.has(p.grade)) {
      throw invalid('body.prices', 'unique', `grade ${p.grade} is priced twice`, { grade: p.grade });
    }
    if (!grades.has(p.grade)) {
      throw invalid('body.prices', 'venueGrade', `grade ${p.grade} is not a grade of the venue`, {
        grade: p.grade,
      });
    }
    seen.add(p.grade);
  }
  const missing = [...grades].filter((g) => !seen.has(g));
  if (missing.length > 0) {
    throw new AppError('GRADE_PRICE_MISSING', `no price for grade ${missing.join(', ')}`, {
      grades: missing,
      errors: [
        { field: 'body.prices', rule: 'allGrades', message: 'a venue grade has no price', grades: missing },
      ],
    });
  }
}

function adminShowtimeJson(s: AdminShowtimeRow): AdminShowtime {
  return {
    ...s,
    startsAt: s.startsAt.toISOString(),
    salesOpenAt: s.salesOpenAt.toISOString(),
    salesCloseAt: s.salesCloseAt.toISOString(),
  };
}

function invalid(field: string, rule: string, message: string, extra?: Record<string, unknown>): AppError {
  return fieldError('VALIDATION_FAILED', field, rule, message, extra);
}

/** Sales open, then close, no later than the start: salesOpenAt < salesCloseAt <= startsAt. */
function checkSalesWindow(startsAt: Date, salesOpenAt: Date, salesCloseAt: Date): void {
  if (!(salesOpenAt < salesCloseAt)) {
    throw fieldError('INVALID_DATE_RANGE', 'body.salesCloseAt', 'after', 'must be after salesOpenAt', {
      other: 'salesOpenAt',
    });
  }
  if (!(salesCloseAt <= startsAt)) {
    throw fieldError('INVALID_DATE_RANGE', 'body.salesCloseAt', 'notAfter', 'must not be after startsAt', {
      other: 'startsAt',
    });
  }
}

/** A showtime starts on a day (KST) of its performance's run. */
function checkWithinRun(startsAt: Date, perf: { startDate: string; endDate: string }): void {
  const day = kstDay(startsAt);
  if (day < perf.startDate || day > perf.endDate) {
    throw fieldError(
      'INVALID_DATE_RANGE',
      'body.startsAt',
      'withinRun',
      `must fall between ${perf.startDate} and ${perf.endDate}`,
      { from: perf.startDate, to: perf.endDate },
    );
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
      'together',
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

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
