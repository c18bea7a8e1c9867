import { LRUCache } from 'lru-cache';
import type { Db } from '../../infra/db.ts';
import type { PurchaseShowtime } from '../booking/ports.ts';
import type { Invalidation } from './invalidation.ts';
import type { InventoryRepository } from './inventory.repository.ts';

interface Entry {
  facts: Promise<PurchaseShowtime | undefined>;
  /** The read answered (a refresh ahead of expiry is started only from an answered entry). */
  settled: boolean;
  /** What the read answered, once settled (undefined: no such live showtime). */
  value?: PurchaseShowtime;
  /** Known once the read answered: a performance-wide change forgets the showtimes it names. */
  performanceId?: string;
  /** A read to replace this entry before it expires is under way. */
  refreshing?: boolean;
}

/**
 * The purchase facts of showtimes (sales window, limit, queue flag, on sale), read from the primary
 * and kept in process for `ttlMs` (one second by default). Every hold attempt needs them, refused
 * ones included, and during an onsale thousands of attempts a second ask about the same few
 * showtimes: the cache turns that into about one read per showtime per second per instance,
 * and concurrent misses share one read. It holds facts, never verdicts: the caller still compares the
 * sales window with its clock on every request.
 *
 * An admin write on this instance forgets the entry before its response is sent (the invalidation
 * bus dispatches locally first), so the admin's own next hold sees the change. Other instances hear
 * it through Redis pub/sub, which is at-most-once: there a change may take up to `ttlMs` to apply
 * (a sales window closed or a limit lowered a second late). A showtime's seats, sold or not, are
 * not cached here.
 *
 * The facts object is shared by every request that reads it within the TTL; callers do not mutate it.
 */
export class PurchaseFacts {
  private readonly cache: LRUCache<string, Entry>;
  private readonly refreshAheadMs: number;

  constructor(
    private readonly repo: InventoryRepository,
    /** The primary: a refill right after an admin write must not read a lagging replica. */
    private readonly db: Db,
    ttlMs = 1_000,
  ) {
    this.cache = new LRUCache<string, Entry>({ max: 20_000, ttl: ttlMs });
    this.refreshAheadMs = ttlMs / 4;
  }

  /**
   * A showtime asked about steadily is read again in the last quarter of its entry's life, while the
   * entry still answers: requests do not wait on that read, which during an onsale queues behind the
   * seat reads for a free connection. Each value is still served at most `ttlMs` after its read.
   */
  get(showtimeId: string): Promise<PurchaseShowtime | undefined> {
    const hit = this.cache.get(showtimeId);
    if (!hit) return this.load(showtimeId).facts;
    if (hit.settled && !hit.refreshing && this.cache.getRemainingTTL(showtimeId) < this.refreshAheadMs) {
      this.refresh(showtimeId, hit);
    }
    return hit.facts;
  }

  /**
   * The facts when an answered entry holds them now, without waiting: undefined when the showtime is
   * not cached (or the cached answer is "no such showtime"). Starts the same refresh ahead as get().
   */
  peek(showtimeId: string): PurchaseShowtime | undefined {
    const hit = this.cache.get(showtimeId);
    if (!hit?.settled) return undefined;
    if (!hit.refreshing && this.cache.getRemainingTTL(showtimeId) < this.refreshAheadMs) {
      this.refresh(showtimeId, hit);
    }
    return hit.value;
  }

  private load(showtimeId: string): Entry {
    const entry: Entry = { facts: this.repo.showtime(this.db, showtimeId), settled: false };
    this.cache.set(showtimeId, entry);
    entry.facts.then(
      (facts) => {
        entry.performanceId = facts?.performanceId;
        entry.value = facts;
        entry.settled = true;
      },
      // A failed read is not remembered (unless a newer entry replaced it meanwhile).
      () => {
        if (this.cache.peek(showtimeId) === entry) this.cache.delete(showtimeId);
      },
    );
    return entry;
  }

  private refresh(showtimeId: string, current: Entry): void {
    current.refreshing = true;
    this.repo.showtime(this.db, showtimeId).then(
      (facts) => {
        // Only in place of the entry it refreshes: if an admin write forgot that entry meanwhile, this
        // read may predate the write.
        if (this.cache.peek(showtimeId) !== current) return;
        const next: Entry = {
          facts: Promise.resolve(facts),
          value: facts,
          settled: true,
          performanceId: facts?.performanceId,
        };
        this.cache.set(showtimeId, next);
      },
      // The current entry answers until it expires; the next request after that reads again.
      () => {
        current.refreshing = false;
      },
    );
  }

  /**
   * An admin changed catalogue data. A showtime change names the showtime; a performance change
   * (status, title, venue) touches every showtime of it, and reads still in flight may predate it,
   * so those are dropped too.
   */
  forget(msg: Invalidation): void {
    if (msg.showtimeId) this.cache.delete(msg.showtimeId);
    if (!msg.performanceId) return;
    const stale = [...this.cache.entries()].filter(
      ([, entry]) => entry.performanceId === undefined || entry.performanceId === msg.performanceId,
    );
    for (const [id] of stale) this.cache.delete(id);
  }
}
