import { LRUCache } from 'lru-cache';
import type { RedisClient } from '../../infra/redis.ts';
import type { SalesRanking } from '../booking/ports.ts';
import type { CatalogRepository } from './catalog.repository.ts';
import type { RankingEntry, RankingQuery } from './catalog.schemas.ts';
import { posterUrlOf } from './catalog.reads.ts';
import { kstDay } from './calendar.ts';

/*
 * Redis layout. Every ranking key carries the hash tag {rank} so the multi-key scripts below run on
 * Redis Cluster; windows are buckets that expire by themselves, so nothing is ever erased by a scan.
 *   {rank}:<by>:m:<minute>   per-minute scores, kept 2 hours   → realtime = the last 60 buckets
 *   {rank}:<by>:d:<day>      per-day scores (KST), kept 9 days → daily = today, weekly = the last 7 days
 *   {rank}:pending           counts not yet written to PostgreSQL (fields v:<id>, s:<id>)
 *   views:seen:{pf:<id>}:<day>  viewers already counted today
 */
const BUMP = `
redis.call('ZINCRBY', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], 7200)
redis.call('ZINCRBY', KEYS[2], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], 777600)
redis.call('HINCRBY', KEYS[3], ARGV[3], ARGV[1])
return 1`;
const SEEN = `
local added = redis.call('SADD', KEYS[1], ARGV[1])
if added == 1 then redis.call('EXPIRE', KEYS[1], 172800) end
return added`;
const TOP = `
redis.call('ZUNIONSTORE', KEYS[1], #KEYS - 1, unpack(KEYS, 2))
local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
redis.call('DEL', KEYS[1])
return top`;

const MINUTE = 60_000;

/** Views (de-duplicated per viewer per day) and sales, ranked over rolling windows. */
export class Rankings implements SalesRanking {
  // Repeat views of one viewer are the common case (refreshes): skip Redis once we know.
  private readonly seenLocally = new LRUCache<string, true>({ max: 200_000, ttl: 10 * MINUTE });
  private readonly tops = new LRUCache<string, Promise<RankingEntry[]>>({ max: 100, ttl: 2_000 });

  constructor(
    private readonly redis: RedisClient,
    private readonly repo: CatalogRepository,
  ) {}

  /** Counts a detail view once per viewer per Korean day; returns whether it counted. */
  async recordView(performanceId: string, viewerId: string, now = Date.now()): Promise<boolean> {
    const day = kstDay(now);
    const localKey = `${day}|${performanceId}|${viewerId}`;
    if (this.seenLocally.has(localKey)) return false;
    const added = (await this.redis.eval(
      SEEN,
      1,
      `views:seen:{pf:${performanceId}}:${day}`,
      viewerId,
    )) as number;
    this.seenLocally.set(localKey, true);
    if (added !== 1) return false;
    await this.bump('views', performanceId, 1, now);
    return true;
  }

  /** The SalesRanking port for checkout: confirmed seats (negative after a cancellation). */
  async recordSales(performanceId: string, seatCount: number): Promise<void> {
    if (!Number.isInteger(seatCount) || seatCount === 0) return;
    await this.bump('sales', performanceId, seatCount, Date.now());
  }

  /** The home page asks for the same few rankings all the time: computed at most every 2 s per instance. */
  async top(query: RankingQuery): Promise<RankingEntry[]> {
    const key = `${query.by}|${query.period}|${query.limit}`;
    let result = this.tops.get(key);
    if (!result) {
      result = this.compute(query, Date.now());
      this.tops.set(key, result);
      result.catch(() => this.tops.delete(key));
    }
    return result;
  }

  /** Any catalogue change (a deletion, a title) drops the computed rankings at once. */
  forget(): void {
    this.tops.clear();
  }

  private async compute(query: RankingQuery, now: number): Promise<RankingEntry[]> {
    const keys = windowKeys(query.by, query.period, now);
    // Ask for more than the limit: deleted and draft performances are dropped below.
    const raw = (await this.redis.eval(
      TOP,
      keys.length + 1,
      `{rank}:tmp`,
      ...keys,
      String(query.limit * 2 + 10),
    )) as string[];
    const scored: { id: string; score: number }[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const score = Number(raw[i + 1]);
      if (score > 0) scored.push({ id: raw[i]!, score });
    }
    const visible = new Map((await this.repo.publicTitles(scored.map((s) => s.id))).map((p) => [p.id, p]));
    return scored
      .filter((s) => visible.has(s.id))
      .slice(0, query.limit)
      .map((s, i) => {
        const p = visible.get(s.id)!;
        return {
          rank: i + 1,
          score: s.score,
          performance: { id: p.id, title: p.title, posterUrl: posterUrlOf(p.id, p.posterUrl) },
        };
      });
  }

  private async bump(
    by: 'views' | 'sales',
    performanceId: string,
    amount: number,
    now: number,
  ): Promise<void> {
    const minute = Math.floor(now / MINUTE);
    await this.redis.eval(
      BUMP,
      3,
      `{rank}:${by}:m:${minute}`,
      `{rank}:${by}:d:${kstDay(now)}`,
      PENDING_KEY,
      String(amount),
      performanceId,
      `${by === 'views' ? 'v' : 's'}:${performanceId}`,
    );
  }
}

export const PENDING_KEY = '{rank}:pending';
export const FLUSHING_KEY = '{rank}:flushing';

function windowKeys(by: 'views' | 'sales', period: RankingQuery['period'], now: number): string[] {
  if (period === 'realtime') {
    const minute = Math.floor(now / MINUTE);
    return Array.from({ length: 60 }, (_, i) => `{rank}:${by}:m:${minute - i}`);
  }
  const days = period === 'daily' ? 1 : 7;
  return Array.from({ length: days }, (_, i) => `{rank}:${by}:d:${kstDay(now - i * 86400_000)}`);
}
