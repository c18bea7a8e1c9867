import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Background, Infra } from '../../container.ts';
import type { SalesRanking } from '../booking/ports.ts';
import { CatalogRepository } from './catalog.repository.ts';
import { ShowtimesRepository } from './showtimes.repository.ts';
import { SearchRepository } from './search.repository.ts';
import { SearchIndex } from './search-index.ts';
import { DetailCache } from './detail-cache.ts';
import { InvalidationBus } from './invalidation.ts';
import { CatalogReads, toDetailEntry } from './catalog.reads.ts';
import { CatalogAdmin } from './catalog.service.ts';
import { Rankings } from './rankings.service.ts';
import { SoldSeats } from './sold-seats.ts';
import { QueryCounterPlugin } from './query-counter.ts';
import { createViewFlushJob } from './view-flush.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { catalogAdminRoutes } from './admin.routes.ts';
import {
  noHeldSeats,
  noWishCounts,
  type HeldSeatsReader,
  type ShowtimeSales,
  type WishCounts,
} from './ports.ts';
import { cacheLookupCounter } from './cache-metrics.ts';
import { DoorShowtimesReader } from './door-showtimes.ts';
import type { CatalogDbs } from './read-dbs.ts';
import type { DoorShowtimes } from '../tickets/ports.ts';
import { CatalogInventory } from './inventory.ts';
import { InventoryRepository } from './inventory.repository.ts';
import { PurchaseFacts } from './purchase-facts.ts';
import { AlertShowtimesReader } from './alert-showtimes.ts';
import { AlertShowtimesRepository } from './alert-showtimes.repository.ts';

export type { HeldSeatsReader, ShowtimeSales, WishCounts } from './ports.ts';

export interface CatalogModule {
  routes: FastifyPluginAsyncTypebox[];
  background: Background[];
  /** For checkout: confirmed seats feed the sales ranking. */
  salesRanking: SalesRanking;
  admin: CatalogAdmin;
  reads: CatalogReads;
  rankings: Rankings;
  /** For the admin live figures: sold seats and list-price revenue of a showtime. */
  sales: ShowtimeSales;
  /** For the door (tickets): showtimes named by title, start and venue. */
  doorShowtimes: DoorShowtimes;
  /** Seat and showtime inventory: checkout's `InventoryPort` and the waiting room's `QueueSettingsPort`. */
  inventory: CatalogInventory;
  /** For sales-open alerts, reminders and review invitations (onsale-alerts' AlertCatalog port). */
  alerts: AlertShowtimesReader;
}

export interface CatalogOptions {
  /** Seats held in Redis by checkout; defaults to none. */
  heldSeats?: HeldSeatsReader;
  /** Wishes per performance, for the detail's wishCount; defaults to none. */
  wishCounts?: WishCounts;
}

/** What the catalogue is built from. */
export type CatalogInfra = Pick<
  Infra,
  'config' | 'log' | 'db' | 'readDb' | 'textSearch' | 'readRouting' | 'redis' | 'metrics' | 'tokens' | 'clock'
>;

/** Builds the catalogue: repositories → caches → services → routes, and the leased view-flush job. */
export function createCatalogModule(infra: CatalogInfra, opts: CatalogOptions = {}): CatalogModule {
  const { config, log, redis, metrics, clock } = infra;
  const counter = metrics.counter({
    name: 'catalog_db_queries_total',
    help: 'Queries the catalogue sent to PostgreSQL',
  });
  const counting = new QueryCounterPlugin(counter);
  const lookups = cacheLookupCounter(metrics);
  const db = infra.db.withPlugin(counting);
  const readDb = infra.readDb === infra.db ? db : infra.readDb.withPlugin(counting);

  // Read routing (read-your-writes) picks the database; the catalogue's counted handles stand in for it.
  const { textSearch } = infra;
  const textDb = textSearch?.primary.withPlugin(counting);
  const textReadDb =
    textSearch && textSearch.read !== textSearch.primary ? textSearch.read.withPlugin(counting) : textDb;
  const dbs: CatalogDbs = {
    primary: db,
    lags: infra.readRouting.hasReplica,
    readFor: async (userId) => ((await infra.readRouting.readDbFor(userId)) === infra.db ? db : readDb),
    // Without a text-search pool (DATABASE_TEXT_SEARCH_POOL_SIZE=0) a search runs in a transaction of its own.
    textSearchTwin: (of) => (of === db ? textDb : of === readDb ? textReadDb : undefined),
  };
  const primaryAfterWriteSeconds = config.READ_YOUR_WRITES_SECONDS;

  const repo = new CatalogRepository();
  const showtimesRepo = new ShowtimesRepository();
  const wishCounts = opts.wishCounts ?? noWishCounts;
  const detailCache = new DetailCache({
    redis,
    log,
    dbs,
    clock,
    primaryAfterWriteSeconds,
    // Side by side with the detail query, and only when the cache is filled: a cached read costs
    // nothing more, and the count is as old as the cached entry (docs/wishlist.md).
    load: async (from, id) => {
      const [row, wishes] = await Promise.all([repo.detail(from, id), wishCounts.wishCount(id)]);
      return row ? toDetailEntry(row, clock.nowMs(), wishes) : null;
    },
    localTtlMs: 2_000,
    redisTtlSeconds: 300,
    missingTtlSeconds: 30,
    lookups,
  });
  const bus = new InvalidationBus(redis, config.REDIS_KEY_PREFIX, log);
  // Text searches from memory; it reads the primary, so a write it is told of is in its next read.
  // Its reads run in the background, not per request: left out of catalog_db_queries_total.
  const searchIndex = config.SEARCH_INDEX
    ? new SearchIndex({ db: infra.db, log, refreshMs: config.SEARCH_INDEX_REFRESH_MS })
    : undefined;
  const searchAnswers = metrics.counter({
    name: 'catalog_search_answers_total',
    help: 'Public text searches by what answered them: the in-process index or the database',
    labelNames: ['by'] as const,
  });
  const reads = new CatalogReads({
    catalog: repo,
    showtimes: showtimesRepo,
    search: new SearchRepository(),
    dbs,
    detailCache,
    sold: new SoldSeats(showtimesRepo, db),
    heldSeats: opts.heldSeats ?? noHeldSeats,
    clock,
    primaryAfterWriteMs: primaryAfterWriteSeconds * 1000,
    lookups,
    searchCacheMs: config.SEARCH_CACHE_MS,
    searchIndex,
    searchAnswers: { index: searchAnswers.labels('index'), database: searchAnswers.labels('database') },
  });
  bus.onMessage((msg) => reads.forget(msg));
  const inventoryRepo = new InventoryRepository();
  const purchaseFacts = new PurchaseFacts(inventoryRepo, db);
  bus.onMessage((msg) => purchaseFacts.forget(msg));
  const admin = new CatalogAdmin({
    catalog: repo,
    showtimes: showtimesRepo,
    dbs,
    detailCache,
    bus,
    log,
    clock,
  });
  const rankings = new Rankings({
    redis,
    catalog: repo,
    dbs,
    clock,
    perAddressPerMinute: config.VIEW_COUNT_PER_ADDRESS_PER_MINUTE,
    primaryAfterWriteMs: primaryAfterWriteSeconds * 1000,
  });
  bus.onMessage(() => rankings.forget());

  // Only API instances listen for invalidations: the subscription lives as long as the HTTP app.
  const subscription: FastifyPluginAsyncTypebox = async (app) => {
    await bus.start();
    app.addHook('onClose', async () => {
      searchIndex?.stop();
      await bus.stop();
    });
  };
  const flushJob = createViewFlushJob({ redis, db, log, intervalMs: config.VIEW_FLUSH_INTERVAL_MS });

  return {
    routes: [
      subscription,
      catalogRoutes({ reads, rankings, tokens: infra.tokens, config }),
      catalogAdminRoutes({ admin, reads }),
    ],
    background: [{ name: 'catalog-view-flush', start: () => flushJob.start(), stop: () => flushJob.stop() }],
    salesRanking: rankings,
    admin,
    reads,
    rankings,
    sales: { salesFigures: (showtimeId) => showtimesRepo.salesFigures(db, showtimeId) },
    doorShowtimes: new DoorShowtimesReader(db, showtimesRepo),
    inventory: new CatalogInventory(db, purchaseFacts, inventoryRepo),
    alerts: new AlertShowtimesReader(db, new AlertShowtimesRepository(), (id) => reads.isListed(id)),
  };
}
