import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../errors.ts';
import type { CatalogRepository, DetailRow, LayoutSeat, ShowtimeRow } from './catalog.repository.ts';
import type { ShowtimesRepository } from './showtimes.repository.ts';
import type { SearchFilter, SearchRepository, SummaryRow } from './search.repository.ts';
import type { IndexLookups, SearchIndex } from './search-index.ts';
import type { DetailCache, DetailEntry } from './detail-cache.ts';
import type { Db } from '../../infra/db.ts';
import type { Clock } from '../../infra/clock.ts';
import { RecentChanges, type CatalogDbs } from './read-dbs.ts';
import { kstDay } from './calendar.ts';
import { noCacheLookups, type CacheLookups } from './cache-metrics.ts';
import type { HeldSeatsReader } from './ports.ts';
import type {
  OpeningSoon,
  OpeningSoonQuery,
  PerformanceDetail,
  PerformancePage,
  SeatMap,
  ShowtimeView,
  Suggestion,
} from './catalog.schemas.ts';
import { splitGenreWords } from './genres.ts';
import { regionOf } from './hangul.ts';
import { effectiveStatus, endOfKstDay } from './calendar.ts';
import { ticketTypePrice, withAdult } from './ticket-types.ts';
import type { SoldSeats } from './sold-seats.ts';

export const posterUrlOf = (id: string, stored: string | null): string =>
  stored ?? `/api/v1/posters/${id}.svg`;

export function toDetailEntry(row: DetailRow, now: number, wishCount: number): DetailEntry {
  const status = effectiveStatus(row.status, row.endDate, now);
  const detail: PerformanceDetail = {
    id: row.id,
    title: row.title,
    description: row.description,
    category: { id: row.categoryId, name: row.categoryName, slug: row.categorySlug },
    venue: {
      id: row.venueId,
      name: row.venueName,
      address: row.venueAddress,
      latitude: row.venueLatitude,
      longitude: row.venueLongitude,
      phone: row.venuePhone,
      parking: row.venueParking,
      directions: row.venueDirections,
    },
    startDate: row.startDate,
    endDate: row.endDate,
    runningMinutes: row.runningMinutes,
    ageRating: row.ageRating,
    cast: row.cast,
    posterUrl: posterUrlOf(row.id, row.posterUrl),
    prices: row.prices,
    ticketTypes: withAdult(row.ticketTypes).map((type) => ({
      ...type,
      prices: row.prices.map((p) => ({
        grade: p.grade,
        price: ticketTypePrice(p.price, type.discountPercent),
      })),
    })),
    status,
    viewCount: Number(row.viewCount),
    wishCount,
  };
  // An ENDED entry never changes status again; any other changes at the end of the last day.
  const validUntil = status === 'ENDED' ? Number.MAX_SAFE_INTEGER : endOfKstDay(row.endDate);
  return { json: JSON.stringify(detail), status, validUntil };
}

interface Layout {
  /** The showtime's id as the database returned it: the Redis keys (held seats) are built from it. */
  showtimeId: string;
  performanceId: string;
  seats: LayoutSeat[];
}

const layoutVersions = new WeakMap<Layout, string>();

/** A digest of a layout's seats (ids, places, grades, prices), computed once per cached layout. */
function layoutVersion(layout: Layout): string {
  let version = layoutVersions.get(layout);
  if (version === undefined) {
    const hash = createHash('sha1');
    for (const s of layout.seats)
      hash.update(`${s.id},${s.section},${s.row},${s.number},${s.grade},${s.price};`);
    version = hash.digest('base64url');
    layoutVersions.set(layout, version);
  }
  return version;
}

const soldVersions = new WeakMap<Set<string>, string>();

/** A digest of a sold set, computed once per set (the sold micro-cache hands out the same set for a second). */
function soldVersion(sold: Set<string>): string {
  let version = soldVersions.get(sold);
  if (version === undefined) {
    version = createHash('sha1')
      .update([...sold].sort().join(','))
      .digest('base64url');
    soldVersions.set(sold, version);
  }
  return version;
}

/** The seat map's entity tag: layout, sold set and held set, each already digested. */
function seatMapTag(layout: Layout, sold: Set<string>, heldDigest: string): string {
  const hash = createHash('sha1').update(`${layoutVersion(layout)}|${soldVersion(sold)}|${heldDigest}`);
  return `"${hash.digest('base64url')}"`;
}

/** Who reads: the signed-in user (picks the read database) and whether they see drafts. */
export interface Reader {
  userId?: string;
  isAdmin: boolean;
}

export const anonymousReader: Reader = { isAdmin: false };

export interface CatalogReadsDeps {
  catalog: CatalogRepository;
  showtimes: ShowtimesRepository;
  search: SearchRepository;
  dbs: CatalogDbs;
  detailCache: DetailCache;
  sold: SoldSeats;
  heldSeats: HeldSeatsReader;
  clock: Clock;
  /** How long after an invalidation this process refills its caches from the primary (> replica lag). */
  primaryAfterWriteMs: number;
  lookups?: CacheLookups;
  /** How long a public search page is reused (SEARCH_CACHE_MS); 0 turns the cache off. */
  searchCacheMs: number;
  /** Text searches from memory (SEARCH_INDEX); without it every search reads the database. */
  searchIndex?: SearchIndex;
  /** Counts each public text search by what answered it. */
  searchAnswers?: Record<'index' | 'database', { inc(): void }>;
}

/** Where one read goes, and whether the reader may be served from (or fill) the shared caches. */
interface Route {
  db: Db;
  /** The reader just wrote and reads the primary: a shared cache entry may predate their write. */
  own: boolean;
}

/**
 * The public read side: detail through the tiered cache, search through a short normalized-key cache,
 * showtimes with seat counts and the seat map (static layout cached, status overlaid per request).
 *
 * Every read goes through read routing (`CatalogDbs.readFor`): anonymous readers read the replica (no
 * store call to decide), a signed-in user who just wrote reads the primary and skips the shared caches
 * (they may hold what the replica had before the write). A cache refilled shortly after an admin
 * write (an invalidation) reads the primary, so a lagging replica cannot put the old rows back.
 */
export class CatalogReads {
  /** Public search pages by normalized filter; undefined when SEARCH_CACHE_MS is 0. */
  private readonly searches: LRUCache<string, Promise<PerformancePage>> | undefined;
  // Typed while someone types: many requests for the same few prefixes.
  private readonly suggestionCache = new LRUCache<string, Promise<Suggestion[]>>({ max: 5_000, ttl: 10_000 });
  // The summaries of pages found by the search index, as the detail cache keeps a detail: a short
  // TTL and forget() on a write. A popular query's page is then answered without the database.
  private readonly summaries = new LRUCache<string, SummaryRow>({ max: 20_000, ttl: 2_000 });
  // The words a typo is corrected to. The word list only grows with a title or cast written through
  // the catalogue, which forget() hears of.
  private readonly corrections = new LRUCache<string, Promise<string[]>>({ max: 5_000, ttl: 60_000 });
  private readonly openings = new LRUCache<string, Promise<OpeningSoon[]>>({ max: 200, ttl: 10_000 });
  // Categories change only with a release (the seed): genre words are resolved against this copy.
  private readonly categoryList = new LRUCache<'all', Promise<{ id: string; name: string; slug: string }[]>>({
    max: 1,
    ttl: 60_000,
  });
  private readonly showtimeLists = new LRUCache<string, Promise<ShowtimeRow[]>>({ max: 5_000, ttl: 2_000 });
  // Keyed by performance and taken counts (`gradeCounts`); forget() drops a performance's keys.
  private readonly gradeLists = new LRUCache<string, Promise<Map<string, GradeAvailability[]>>>({
    max: 5_000,
    ttl: 2_000,
  });
  /** The layouts of the cached reads that have completed, for the fast lane (`seatMapTagSoon`). */
  private readonly settledLayouts = new WeakMap<Promise<Layout | null>, Layout>();
  // The layout of a showtime never changes once generated; bounded by seats held, not entries.
  private readonly layouts = new LRUCache<string, Promise<Layout | null>>({
    maxSize: 400_000,
    ttl: 10 * 60_000,
  });
  /** Built seat maps by entity tag (a tag names one state of one showtime), bounded by seats. */
  private readonly seatMaps = new LRUCache<string, SeatMap>({ maxSize: 200_000, ttl: 5_000 });

  private readonly repo: CatalogRepository;
  private readonly showtimesRepo: ShowtimesRepository;
  private readonly searchRepo: SearchRepository;
  private readonly searchIndex: SearchIndex | undefined;
  private readonly searchAnswers: CatalogReadsDeps['searchAnswers'];
  private readonly dbs: CatalogDbs;
  readonly detailCache: DetailCache;
  private readonly sold: SoldSeats;
  private readonly heldSeats: HeldSeatsReader;
  private readonly clock: Clock;
  private readonly lookups: CacheLookups;
  private readonly recent: RecentChanges;

  constructor(deps: CatalogReadsDeps) {
    this.repo = deps.catalog;
    this.showtimesRepo = deps.showtimes;
    this.searchRepo = deps.search;
    this.searchIndex = deps.searchIndex;
    this.searchAnswers = deps.searchAnswers;
    this.dbs = deps.dbs;
    this.detailCache = deps.detailCache;
    this.sold = deps.sold;
    this.heldSeats = deps.heldSeats;
    this.clock = deps.clock;
    this.lookups = deps.lookups ?? noCacheLookups;
    this.recent = new RecentChanges(deps.primaryAfterWriteMs);
    this.searches =
      deps.searchCacheMs > 0 ? new LRUCache({ max: 5_000, ttl: deps.searchCacheMs }) : undefined;
  }

  /** Every instance runs this for every invalidation message. */
  forget(msg: { performanceId?: string; showtimeId?: string }): void {
    if (this.dbs.lags) {
      this.recent.mark(ANY);
      if (msg.performanceId) this.recent.mark(`pf:${msg.performanceId}`);
      if (msg.showtimeId) this.recent.mark(`st:${msg.showtimeId}`);
    }
    if (msg.performanceId) {
      this.detailCache.forgetLocal(msg.performanceId);
      this.showtimeLists.delete(msg.performanceId);
      const prefix = `${msg.performanceId}:`;
      for (const key of [...this.gradeLists.keys()]) if (key.startsWith(prefix)) this.gradeLists.delete(key);
      this.summaries.delete(msg.performanceId);
    }
    if (msg.showtimeId) this.layouts.delete(msg.showtimeId);
    this.searches?.clear();
    this.searchIndex?.invalidate();
    this.corrections.clear();
    this.suggestionCache.clear();
    this.openings.clear();
  }

  /**
   * The database for a lag-tolerant read of `changed` (a key of `RecentChanges`) by `userId`: the
   * primary right after an admin write to it, else what read routing says for the reader.
   */
  private async route(userId: string | undefined, changed: string): Promise<Route> {
    if (this.recent.has(changed)) return { db: this.dbs.primary, own: false };
    const db = await this.dbs.readFor(userId);
    return { db, own: this.dbs.lags && db === this.dbs.primary };
  }

  async categories(userId: string | undefined): Promise<{ id: string; name: string; slug: string }[]> {
    return this.repo.categories(await this.dbs.readFor(userId));
  }

  /**
   * The detail entry when visible to this reader, else null. The cache is read before the database
   * (that is its point), so its keys are the request's id: the canonical-uuid validation of every
   * route (src/http/schemas.ts) is what keeps one performance under one key.
   */
  async visibleDetail(id: string, reader: Reader): Promise<DetailEntry | null> {
    const entry = this.detailCache.peek(id) ?? (await this.detailCache.get(id, reader.userId));
    if (!entry || (entry.status === 'DRAFT' && !reader.isAdmin)) return null;
    return entry;
  }

  /** The categories, kept a minute in process, for resolving genre words. */
  private async knownCategories(): Promise<{ id: string; name: string; slug: string }[]> {
    let list = this.categoryList.get('all');
    if (!list) {
      list = this.dbs.readFor(undefined).then((db) => this.repo.categories(db));
      this.categoryList.set('all', list);
      list.catch(() => this.categoryList.delete('all'));
    }
    return list;
  }

  /**
   * Search. `query.q` is the normalized query: its genre words ("뮤지컬") become genre conditions,
   * a region filter is normalised ("서울특별시" → "서울").
   */
  async search(
    query: Omit<SearchFilter, 'today' | 'genres'>,
    userId: string | undefined,
  ): Promise<PerformancePage> {
    const { genres, rest } = splitGenreWords(query.q, await this.knownCategories());
    const region = query.region === undefined ? undefined : (regionOf(query.region) ?? query.region.trim());
    const filter: SearchFilter = { ...query, q: rest, genres, region, today: kstDay(this.clock.nowMs()) };
    const { db, own } = await this.route(userId, ANY);
    if (filter.includeDrafts || own || !this.searches) return this.runSearch(db, filter, own);
    const key = JSON.stringify([
      filter.q,
      filter.genres?.map((g) => g.word),
      filter.region,
      filter.priceMin,
      filter.priceMax,
      filter.category,
      filter.from,
      filter.to,
      filter.status,
      filter.sort,
      filter.page,
      filter.size,
      filter.today,
    ]);
    const searches = this.searches;
    let page = searches.get(key);
    this.lookups('search', 'lru', page !== undefined);
    if (!page) {
      page = this.runSearch(db, filter);
      searches.set(key, page);
      page.catch(() => searches.delete(key));
    }
    return page;
  }

  /** Up to 8 suggestions for what is typed so far (normalized), cached 10 s per text. */
  async suggestions(q: string): Promise<Suggestion[]> {
    if (!q) return [];
    let list = this.suggestionCache.get(q);
    this.lookups('suggestions', 'lru', list !== undefined);
    if (!list) {
      list = (async () => {
        const { genres, rest } = splitGenreWords(q, await this.knownCategories());
        const db = this.recent.has(ANY) ? this.dbs.primary : await this.dbs.readFor(undefined);
        const rows = await this.searchRepo.suggestions(db, {
          q: rest,
          genres,
          today: kstDay(this.clock.nowMs()),
          limit: 8,
        });
        return rows.map((r) => ({
          performanceId: r.id,
          title: r.title,
          category: { id: r.categoryId, name: r.categoryName, slug: r.categorySlug },
          posterUrl: posterUrlOf(r.id, r.posterUrl),
        }));
      })();
      this.suggestionCache.set(q, list);
      list.catch(() => this.suggestionCache.delete(q));
    }
    return list;
  }

  /**
   * The ticket-open list: performances with showtimes whose sales open within `days`, each with those
   * showtimes (start and sales opening), soonest opening first. Shared by every reader, 10 s.
   */
  async openingSoon(query: OpeningSoonQuery): Promise<OpeningSoon[]> {
    const now = this.clock.nowMs();
    const minute = Math.floor(now / 60_000);
    const key = `${query.days}|${query.category ?? ''}|${query.limit}|${minute}`;
    let list = this.openings.get(key);
    this.lookups('opening-soon', 'lru', list !== undefined);
    if (!list) {
      list = (async () => {
        const db = this.recent.has(ANY) ? this.dbs.primary : await this.dbs.readFor(undefined);
        const rows = await this.searchRepo.openingSoon(db, {
          after: new Date(now),
          until: new Date(now + query.days * 86_400_000),
          today: kstDay(now),
          category: query.category,
          maxShowtimes: 500,
        });
        const byPerformance = new Map<string, OpeningSoon>();
        for (const r of rows) {
          let item = byPerformance.get(r.performanceId);
          if (!item) {
            if (byPerformance.size >= query.limit) continue;
            item = {
              performance: {
                id: r.performanceId,
                title: r.title,
                category: { id: r.categoryId, name: r.categoryName, slug: r.categorySlug },
                venue: { id: r.venueId, name: r.venueName, region: r.venueRegion },
                startDate: r.startDate,
                endDate: r.endDate,
                posterUrl: posterUrlOf(r.performanceId, r.posterUrl),
              },
              opensAt: r.salesOpenAt.toISOString(),
              showtimes: [],
            };
            byPerformance.set(r.performanceId, item);
          }
          item.showtimes.push({
            id: r.showtimeId,
            startsAt: r.startsAt.toISOString(),
            salesOpenAt: r.salesOpenAt.toISOString(),
          });
        }
        return [...byPerformance.values()];
      })();
      this.openings.set(key, list);
      list.catch(() => this.openings.delete(key));
    }
    return list;
  }

  private async runSearch(db: Db, filter: SearchFilter, own = false): Promise<PerformancePage> {
    // A text query through the same database's text-search pool: one statement instead of four.
    const textDb = filter.q ? this.dbs.textSearchTwin?.(db) : undefined;
    // A reader who just wrote reads the primary (read-your-writes); the index may be a second behind.
    const indexed =
      this.searchIndex && filter.q && !own
        ? await this.searchIndex.search(filter, await this.indexLookups(textDb ?? db))
        : undefined;
    if (filter.q) this.searchAnswers?.[indexed ? 'index' : 'database'].inc();
    const { rows, total, loose } = indexed
      ? { ...indexed, rows: await this.summariesInOrder(db, indexed.ids) }
      : textDb
        ? await this.searchRepo.search(textDb, filter, { scansPricedOut: true })
        : await this.searchRepo.search(db, filter);
    const now = this.clock.nowMs();
    const page: PerformancePage = {
      items: rows.map((r) => toSummary(r, now)),
      page: filter.page,
      size: filter.size,
      total,
    };
    // Found by spacing, initial consonants or a typo (the words as typed found nothing).
    if (loose) page.approximate = true;
    return page;
  }

  /** What the index asks of the catalogue besides itself: categories by slug, typo corrections. */
  private async indexLookups(db: Db): Promise<IndexLookups> {
    const categories = await this.knownCategories();
    return {
      categoryIdOf: (slug) => categories.find((c) => c.slug === slug)?.id,
      correctionsOf: (q) => {
        let words = this.corrections.get(q);
        if (!words) {
          words = this.searchRepo.correctionsOf(db, q);
          this.corrections.set(q, words);
          words.catch(() => this.corrections.delete(q));
        }
        return words;
      },
    };
  }

  /** The summaries of `ids` in that order (the index's page): those not kept here, from the database. */
  private async summariesInOrder(db: Db, ids: string[]): Promise<SummaryRow[]> {
    const found = new Map<string, SummaryRow>();
    const missing: string[] = [];
    for (const id of ids) {
      const row = this.summaries.get(id);
      if (row) found.set(id, row);
      else missing.push(id);
    }
    if (missing.length > 0)
      for (const row of await this.searchRepo.summariesOf(db, missing)) {
        this.summaries.set(row.id, row);
        found.set(row.id, row);
      }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async showtimes(performanceId: string, reader: Reader): Promise<ShowtimeView[]> {
    const perf = await this.visibleDetail(performanceId, reader);
    if (!perf) throw new AppError('PERFORMANCE_NOT_FOUND');
    const { db, own } = await this.route(reader.userId, `pf:${performanceId}`);
    let rows = own ? undefined : this.showtimeLists.get(performanceId);
    if (!rows) {
      rows = this.showtimesRepo.ofPerformance(db, performanceId);
      this.showtimeLists.set(performanceId, rows);
      rows.catch(() => this.showtimeLists.delete(performanceId));
    }
    const list = await rows;
    const ids = list.map((s) => s.id);
    const [soldSets, heldSets] = await Promise.all([
      this.sold.get(ids),
      Promise.all(ids.map((id) => this.heldSeats.heldSeatIds(id))),
    ]);
    // Taken = sold, or held and not yet sold (a hold ends when checkout releases it).
    const taken = list.map((s, i) => {
      const soldSet = soldSets.get(s.id) ?? new Set<string>();
      const ids = [...soldSet];
      for (const id of heldSets[i] ?? []) if (!soldSet.has(id)) ids.push(id);
      return ids;
    });
    const byGrade = await this.gradeCounts(performanceId, db, own, ids, taken);
    const now = this.clock.nowMs();
    const salesStopped = perf.status === 'CLOSED' || perf.status === 'ENDED';
    return list.map((s, i) => {
      const availableSeats = Math.max(0, s.seatCount - taken[i]!.length);
      const status =
        salesStopped || now >= s.salesCloseAt.getTime()
          ? 'SALES_CLOSED'
          : now < s.salesOpenAt.getTime()
            ? 'BEFORE_SALES'
            : availableSeats === 0
              ? 'SOLD_OUT'
              : 'ON_SALE';
      return {
        id: s.id,
        startsAt: s.startsAt.toISOString(),
        salesOpenAt: s.salesOpenAt.toISOString(),
        salesCloseAt: s.salesCloseAt.toISOString(),
        status,
        queueEnabled: s.queueEnabled,
        maxTicketsPerUser: s.maxTicketsPerUser,
        availableSeats,
        totalSeats: s.seatCount,
        cast: s.cast,
        availableByGrade: byGrade.get(s.id) ?? [],
      };
    });
  }

  /**
   * Seats left per grade of each showtime of a list: one grouped query (seats per grade, and how many
   * of the taken ids fall in each), cached briefly under the performance and the taken counts, so a
   * hold or a sale (which changes a count) is seen at once and a quiet page costs no query for 2 s.
   */
  private async gradeCounts(
    performanceId: string,
    db: Db,
    own: boolean,
    showtimeIds: string[],
    taken: string[][],
  ): Promise<Map<string, GradeAvailability[]>> {
    const key = `${performanceId}:${taken.map((t) => t.length).join(',')}`;
    let counts = own ? undefined : this.gradeLists.get(key);
    if (!counts) {
      counts = this.showtimesRepo.gradeCounts(db, showtimeIds, taken.flat()).then((rows) => {
        const out = new Map<string, GradeAvailability[]>();
        for (const r of rows) {
          const list = out.get(r.showtimeId) ?? [];
          list.push({ grade: r.grade, price: r.price, available: r.total - r.taken, total: r.total });
          out.set(r.showtimeId, list);
        }
        return out;
      });
      if (!own) {
        this.gradeLists.set(key, counts);
        counts.catch(() => this.gradeLists.delete(key));
      }
    }
    return counts;
  }

  /**
   * The seat map with an entity tag derived from its state: the layout (ids, grades, prices), the
   * sold set and the held set, so any hold, release or sale changes it and the same state gives the
   * same tag. The tag comes first (Redis sends a digest of the held seats, not their ids): when
   * `wanted(tag)` says the reader already has this state (a conditional request), no map is built and
   * `map` is null. Maps are kept per tag for a few seconds: during a rush every reader of a showtime
   * gets the same object (and the route its serialised body) until a seat changes.
   */
  async taggedSeatMap(
    requestedId: string,
    reader: Reader,
    wanted: (etag: string) => boolean = () => true,
  ): Promise<{ map: SeatMap | null; etag: string }> {
    const layout = await this.visibleLayout(requestedId, reader);
    const { showtimeId } = layout;
    const [soldSet, heldDigest] = await Promise.all([
      this.soldOf(showtimeId),
      this.heldSeats.heldDigest(showtimeId),
    ]);
    const known = seatMapTag(layout, soldSet, heldDigest);
    if (!wanted(known)) return { map: null, etag: known };
    const hit = this.seatMaps.get(known);
    if (hit) return { map: hit, etag: known };
    // Built from the ids read now, under the tag of those ids (the state may have moved since).
    const held = await this.heldSeats.heldSeats(showtimeId);
    const etag = seatMapTag(layout, soldSet, held.digest);
    const cached = this.seatMaps.get(etag);
    if (cached) return { map: cached, etag };
    const seats = layout.seats.map((s) => ({
      ...s,
      status: soldSet.has(s.id)
        ? ('SOLD' as const)
        : held.ids.has(s.id)
          ? ('HELD' as const)
          : ('AVAILABLE' as const),
    }));
    const map = { showtimeId, seats };
    this.seatMaps.set(etag, map, { size: Math.max(1, seats.length) });
    return { map, etag };
  }

  /**
   * The seat map's current tag for a reader whose reads need no routing decision (anonymous, or signed
   * in while no replica lags; never an admin, who sees drafts), when this instance holds what the tag
   * is made of: the showtime's layout and sold seats, and its performance's public detail. Then only
   * the held seats' digest is asked of Redis, as the route asks it. Undefined when anything is missing
   * (the route reads it): for the fast lane's conditional reads (catalog.routes.ts).
   */
  seatMapTagSoon(requestedId: string, signedIn: boolean): Promise<string> | undefined {
    if (signedIn && this.dbs.lags) return undefined;
    const pending = this.layouts.get(requestedId);
    const layout = pending === undefined ? undefined : this.settledLayouts.get(pending);
    if (layout === undefined) return undefined;
    const detail = this.detailCache.peek(layout.performanceId);
    if (!detail || detail.status === 'DRAFT') return undefined;
    const sold = this.sold.peek(layout.showtimeId);
    if (sold === undefined) return undefined;
    this.lookups('seatmap', 'lru', true);
    return this.heldSeats.heldDigest(layout.showtimeId).then((held) => seatMapTag(layout, sold, held));
  }

  private async visibleLayout(requestedId: string, reader: Reader): Promise<Layout> {
    const layout = await this.layout(requestedId, reader.userId);
    if (!layout || !(await this.visibleDetail(layout.performanceId, reader))) {
      throw new AppError('SHOWTIME_NOT_FOUND');
    }
    return layout;
  }

  private async soldOf(showtimeId: string): Promise<Set<string>> {
    return (await this.sold.get([showtimeId])).get(showtimeId) ?? new Set<string>();
  }

  private async layout(showtimeId: string, userId: string | undefined): Promise<Layout | null> {
    const { db, own } = await this.route(userId, `st:${showtimeId}`);
    let layout = own ? undefined : this.layouts.get(showtimeId);
    this.lookups('seatmap', 'lru', layout !== undefined);
    if (!layout) {
      layout = (async () => {
        const showtime = await this.showtimesRepo.find(db, showtimeId);
        if (!showtime) return null;
        return {
          showtimeId: showtime.id,
          performanceId: showtime.performanceId,
          seats: await this.showtimesRepo.layout(db, showtime.id),
        };
      })();
      this.layouts.set(showtimeId, layout, { size: 1 });
      const pending = layout;
      layout.then(
        (l) => {
          if (l) this.settledLayouts.set(pending, l);
          // Re-insert with its real size so the cache is bounded by seats; absent ones expire fast.
          if (this.layouts.get(showtimeId) !== layout) return;
          if (l) this.layouts.set(showtimeId, layout!, { size: Math.max(1, l.seats.length) });
          else this.layouts.set(showtimeId, layout!, { size: 1, ttl: 2_000 });
        },
        () => this.layouts.delete(showtimeId),
      );
    }
    return layout;
  }

  /** For the wishlist: whether anyone may see this performance (the cached detail answers). */
  async isListed(id: string): Promise<boolean> {
    return (await this.visibleDetail(id, anonymousReader)) !== null;
  }

  /** For the wishlist: summaries of the listed performances among `ids`, as GET /performances has them. */
  async summariesOf(ids: string[]): Promise<PerformancePage['items']> {
    const rows = await this.searchRepo.summariesOf(await this.dbs.readFor(undefined), ids);
    const now = this.clock.nowMs();
    return rows.map((r) => toSummary(r, now));
  }

  /** Used by the poster route and rankings: a title for a visible performance (and, for the
   * poster, its venue and dates). */
  async titleOf(id: string): Promise<{
    title: string;
    category: string;
    venue: string;
    startDate: string;
    endDate: string;
  } | null> {
    const entry = await this.visibleDetail(id, anonymousReader);
    if (!entry) return null;
    const detail = JSON.parse(entry.json) as PerformanceDetail;
    return {
      title: detail.title,
      category: detail.category.slug,
      venue: detail.venue.name,
      startDate: detail.startDate,
      endDate: detail.endDate,
    };
  }
}

type GradeAvailability = ShowtimeView['availableByGrade'][number];

/** The RecentChanges key of "some catalogue data changed" (searches span every performance). */
const ANY = 'any';

function toSummary(r: SummaryRow, now: number): PerformancePage['items'][number] {
  return {
    id: r.id,
    title: r.title,
    category: { id: r.categoryId, name: r.categoryName, slug: r.categorySlug },
    venue: { id: r.venueId, name: r.venueName, region: r.venueRegion },
    startDate: r.startDate,
    endDate: r.endDate,
    posterUrl: posterUrlOf(r.id, r.posterUrl),
    status: effectiveStatus(r.status, r.endDate, now),
    minPrice: r.minPrice === null ? null : Number(r.minPrice),
    viewCount: Number(r.viewCount),
    salesCount: Number(r.salesCount),
  };
}
