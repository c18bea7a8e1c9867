import { LRUCache } from 'lru-cache';
import type { Db } from '../../infra/db.ts';
import type { ShowtimesRepository } from './showtimes.repository.ts';

/**
 * Sold seats per showtime, read from PostgreSQL (the truth for SOLD, written by checkout in the same
 * transaction as the confirmation) with one query over the partial index `seats_sold`. We read the
 * database rather than mirror SOLD into a Redis set: a mirror would need checkout to keep it in step
 * and a rebuild when Redis loses it, for a read that costs one index scan. A one-second micro-cache
 * with single-flight caps that scan at one per showtime per second per instance during a rush; a
 * seat sold within that second still shows HELD (its hold lasts until checkout releases it).
 */
export class SoldSeats {
  private readonly cache = new LRUCache<string, Promise<Set<string>>>({ max: 20_000, ttl: 1_000 });
  /** The sets of the cached reads that have completed, for `peek`. */
  private readonly settled = new WeakMap<Promise<Set<string>>, Set<string>>();

  constructor(
    private readonly repo: ShowtimesRepository,
    /** The primary: a buyer who just paid must not see their seat as available. */
    private readonly db: Db,
  ) {}

  async get(showtimeIds: string[]): Promise<Map<string, Set<string>>> {
    const pending = showtimeIds.map((id) => this.cache.get(id));
    const missing = showtimeIds.filter((_, i) => pending[i] === undefined);
    if (missing.length > 0) {
      const batch = this.repo.soldSeatIds(this.db, missing);
      showtimeIds.forEach((id, i) => {
        if (pending[i] !== undefined) return;
        const one = batch.then((m) => new Set(m.get(id) ?? []));
        this.cache.set(id, one);
        void one.then(
          (set) => this.settled.set(one, set),
          () => undefined,
        );
        one.catch(() => this.cache.delete(id));
        pending[i] = one;
      });
    }
    const sets = await Promise.all(pending);
    return new Map(showtimeIds.map((id, i) => [id, sets[i]!]));
  }

  /** The showtime's sold seats if this cache holds a completed read of them (within its second), else undefined. */
  peek(showtimeId: string): Set<string> | undefined {
    const pending = this.cache.get(showtimeId);
    return pending === undefined ? undefined : this.settled.get(pending);
  }
}
