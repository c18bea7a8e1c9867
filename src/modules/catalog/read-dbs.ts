import { LRUCache } from 'lru-cache';
import type { Db } from '../../infra/db.ts';

/**
 * Where the catalogue's queries go. Writes, and reads that must not lag (sold seats, the sales
 * figures, a cache refill right after an admin write), use `primary`; every lag-tolerant read asks
 * `readFor(userId)`, which is `ReadRouting.readDbFor`: an anonymous caller gets the replica without
 * any I/O, a signed-in user the primary while their "just wrote" marker lives, else the replica.
 */
export interface CatalogDbs {
  primary: Db;
  readFor(userId: string | undefined): Promise<Db>;
  /** True when a replica is configured, i.e. `readFor` may answer with a database that lags. */
  readonly lags: boolean;
  /**
   * The same database as `of` (the primary or the read database above) through the text-search pool,
   * whose sessions price sequential scans out (infra `textSearch`); undefined for any other handle.
   */
  textSearchTwin?(of: Db): Db | undefined;
}

/** Without a replica: everything reads the one database (tools, tests that need no routing). */
export const primaryOnly = (db: Db): CatalogDbs => ({ primary: db, readFor: async () => db, lags: false });

/**
 * Keys (a performance, a showtime, or "any") changed by an admin write within the last moments, as
 * heard from the invalidation bus. A cache of this process refilled for such a key reads the primary:
 * the replica may not have the write yet, and the refill would otherwise keep the old row.
 */
export class RecentChanges {
  private readonly keys: LRUCache<string, true>;

  constructor(ms: number) {
    this.keys = new LRUCache<string, true>({ max: 10_000, ttl: ms });
  }

  mark(key: string): void {
    this.keys.set(key, true);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }
}
