import { LRUCache } from 'lru-cache';
import type { RedisClient } from '../../infra/redis.ts';
import type { SalesRanking } from '../booking/ports.ts';
import type { CatalogRepository } from './catalog.repository.ts';
import type { RankingEntry, RankingQuery } from './catalog.schemas.ts';
import { posterUrlOf } from './catalog.reads.ts';
import { kstDay } from './calendar.ts';
import type { Clock } from '../../infra/clock.ts';
import { RecentChanges, type CatalogDbs } from './read-dbs.ts';

/*
 * Redis layout. Every ranking key carries the hash tag {rank} so the multi-key scripts below run on
 * Redis Cluster; windows are buckets that expire by themselves, so nothing is ever erased by a scan.
 *   {rank}:<by>:m:<minute>   per-minute scores, kept 2 hours   → realtime = the last 60 buckets
 *   {rank}:<by>:d:<day>      per-day scores (KST), kept 9 days → daily = today, weekly = the last 7 days
 *   {rank}:pending           counts not yet written to PostgreSQL (fields v:<id>, s:<id>)
 *   {rank}:seen:<day>:<id>   viewers of a performance already counted that day (same tag as the
 *                            scores, so checking the viewer and counting the view is one script)
 *   {rank}:va:<minute>:<addr> performances an anonymous client address had counted in that minute
 */
const BUMP = `
redis.call('ZINCRBY', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], 7200)
redis.call('ZINCRBY', KEYS[2], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], 777600)
redis.call('HINCRBY', KEYS[3], ARGV[3], ARGV[1])
return 1`;
// KEYS: seen, minute bucket, day bucket, pending[, one rate key per viewer]. ARGV: performanceId,
// pending field, per-address limit, viewers... Adds the viewers not yet counted today and bumps the
// windows by how many were new. With rate keys (anonymous viewers, one per client address and minute),
// a viewer counts only while its address has counted fewer than the limit this minute.
const VIEWS = `
local limit = tonumber(ARGV[3])
local added = 0
for i = 4, #ARGV do
  local rate = KEYS[i + 1]
  if rate then
    if redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 0 and tonumber(redis.call('GET', rate) or '0') < limit then
      redis.call('SADD', KEYS[1], ARGV[i])
      redis.call('INCR', rate)
      redis.call('EXPIRE', rate, 120)
      added = added + 1
    end
  else
    added = added + redis.call('SADD', KEYS[1], ARGV[i])
  end
end
if added == 0 then return 0 end
redis.call('EXPIRE', KEYS[1], 172800)
redis.call('ZINCRBY', KEYS[2], added, ARGV[1])
redis.call('EXPIRE', KEYS[2], 7200)
redis.call('ZINCRBY', KEYS[3], added, ARGV[1])
redis.call('EXPIRE', KEYS[3], 777600)
redis.call('HINCRBY', KEYS[4], ARGV[2], added)
return added`;
const TOP = `
redis.call('ZUNIONSTORE', KEYS[1], #KEYS - 1, unpack(KEYS, 2))
local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
redis.call('DEL', KEYS[1])
return top`;

const MINUTE = 60_000;
const VIEW_BATCH_MS = 100;

/**
 * Who viewed: a signed-in user, or an anonymous client counted by its address (IPv6: its /64) — a
 * cookie would be a new viewer on every request of a client that drops it.
 */
export type Viewer = { user: string } | { address: string };

/** Views (de-duplicated per viewer per day) and sales, ranked over rolling windows. */
export class Rankings implements SalesRanking {
  // Repeat views of one viewer are the common case (refreshes): skip Redis once we know.
  private readonly seenLocally = new LRUCache<string, true>({ max: 200_000, ttl: 10 * MINUTE });
  // Performances each anonymous address had counted this minute in this process: past the limit its
  // views are not even sent (Redis enforces the limit across instances).
  private readonly addressBudget = new LRUCache<string, number>({ max: 100_000, ttl: 2 * MINUTE });
  private readonly tops = new LRUCache<string, Promise<RankingEntry[]>>({ max: 100, ttl: 2_000 });
  private pendingViews = new Map<string, Set<string>>();
  private flushTimer: NodeJS.Timeout | undefined;

  private readonly redis: RedisClient;
  private readonly repo: CatalogRepository;
  private readonly dbs: CatalogDbs;
  private readonly clock: Clock;
  /** Distinct performances one anonymous address can raise per minute. */
  private readonly perAddressPerMinute: number;
  private readonly recent: RecentChanges;

  constructor(deps: {
    redis: RedisClient;
    catalog: CatalogRepository;
    dbs: CatalogDbs;
    clock: Clock;
    perAddressPerMinute?: number;
    /** How long after a catalogue change the titles are read from the primary (> replica lag). */
    primaryAfterWriteMs: number;
  }) {
    this.redis = deps.redis;
    this.repo = deps.catalog;
    this.dbs = deps.dbs;
    this.clock = deps.clock;
    this.perAddressPerMinute = deps.perAddressPerMinute ?? 30;
    this.recent = new RecentChanges(deps.primaryAfterWriteMs);
  }

  /**
   * Counts a detail view once per viewer per Korean day, and at most `perAddressPerMinute` distinct
   * performances per anonymous address per minute. Views are gathered for a moment and sent to Redis
   * per performance in one script, so a rush of page views costs a few Redis calls, not one each, and
   * the detail read itself never waits on a store.
   */
  recordView(performanceId: string, viewer: Viewer, now = this.clock.nowMs()): void {
    const day = kstDay(now);
    const viewerId = 'user' in viewer ? `u:${viewer.user}` : `a:${viewer.address}`;
    const localKey = `${day}|${performanceId}|${viewerId}`;
    if (this.seenLocally.has(localKey)) return;
    if ('address' in viewer) {
      const budgetKey = `${Math.floor(now / MINUTE)}|${viewer.address}`;
      const spent = this.addressBudget.get(budgetKey) ?? 0;
      if (spent >= this.perAddressPerMinute) return;
      this.addressBudget.set(budgetKey, spent + 1);
    }
    this.seenLocally.set(localKey, true);
    const key = `${day}|${performanceId}`;
    let viewers = this.pendingViews.get(key);
    if (!viewers) this.pendingViews.set(key, (viewers = new Set()));
    viewers.add(viewerId);
    // Counting is best effort: a Redis hiccup loses at most one batch of views, never a page.
    this.flushTimer ??= setTimeout(() => void this.flushViews().catch(() => undefined), VIEW_BATCH_MS);
  }

  /** Sends the gathered views now (also before rankings are computed, so they include them). */
  async flushViews(now = this.clock.nowMs()): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.pendingViews;
    if (batch.size === 0) return;
    this.pendingViews = new Map();
    const minute = Math.floor(now / MINUTE);
    await Promise.all(
      [...batch].flatMap(([key, viewers]) => {
        const [day, performanceId] = key.split('|') as [string, string];
        const ids = [...viewers];
        // Users in chunks without rate keys; anonymous viewers each with their address's rate key.
        const users = ids.filter((id) => id.startsWith('u:'));
        const anonymous = ids.filter((id) => id.startsWith('a:'));
        const chunks = (list: string[]) =>
          Array.from({ length: Math.ceil(list.length / 1000) }, (_, i) =>
            list.slice(i * 1000, (i + 1) * 1000),
          );
        const send = (chunk: string[], rated: boolean) => {
          const rateKeys = rated ? chunk.map((id) => `{rank}:va:${minute}:${id.slice(2)}`) : [];
          return this.redis.eval(
            VIEWS,
            4 + rateKeys.length,
            `{rank}:seen:${day}:${performanceId}`,
            `{rank}:views:m:${minute}`,
            `{rank}:views:d:${day}`,
            PENDING_KEY,
            ...rateKeys,
            performanceId,
            `v:${performanceId}`,
            this.perAddressPerMinute,
            ...chunk,
          );
        };
        return [...chunks(users).map((c) => send(c, false)), ...chunks(anonymous).map((c) => send(c, true))];
      }),
    );
  }

  /** The SalesRanking port for checkout: confirmed seats (negative after a cancellation). */
  async recordSales(performanceId: string, seatCount: number): Promise<void> {
    if (!Number.isInteger(seatCount) || seatCount === 0) return;
    await this.bump('sales', performanceId, seatCount, this.clock.nowMs());
  }

  /** The home page asks for the same few rankings all the time: computed at most every 2 s per instance. */
  async top(query: RankingQuery): Promise<RankingEntry[]> {
    // This instance's gathered views count too (free when there are none).
    await this.flushViews();
    const key = `${query.by}|${query.period}|${query.limit}|${query.category ?? ''}`;
    let result = this.tops.get(key);
    if (!result) {
      result = this.compute(query, this.clock.nowMs());
      this.tops.set(key, result);
      result.catch(() => this.tops.delete(key));
    }
    return result;
  }

  /**
   * Any catalogue change (a deletion, a title) drops the computed rankings at once; for a moment the
   * titles are then read from the primary, so the recomputation does not bring back what the lagging
   * replica still has.
   */
  forget(): void {
    if (this.dbs.lags) this.recent.mark('any');
    this.tops.clear();
  }

  private async compute(query: RankingQuery, now: number): Promise<RankingEntry[]> {
    const keys = windowKeys(query.by, query.period, now);
    // Ask for more than the limit: deleted, draft, ended and (with a category) other genres' performances
    // are dropped below.
    const wanted = query.category ? query.limit * 10 + 200 : query.limit * 2 + 10;
    const raw = (await this.redis.eval(
      TOP,
      keys.length + 1,
      `{rank}:tmp`,
      ...keys,
      String(wanted),
    )) as string[];
    const scored: { id: string; score: number }[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const score = Number(raw[i + 1]);
      if (score > 0) scored.push({ id: raw[i]!, score });
    }
    // Shared by every reader: anonymous routing (the replica), or the primary right after a change.
    const db = this.recent.has('any') ? this.dbs.primary : await this.dbs.readFor(undefined);
    const titles = await this.repo.publicTitles(
      db,
      scored.map((s) => s.id),
      kstDay(now),
    );
    const visible = new Map(
      titles.filter((p) => !query.category || p.categorySlug === query.category).map((p) => [p.id, p]),
    );
    return scored
      .filter((s) => visible.has(s.id))
      .slice(0, query.limit)
      .map((s, i) => {
        const p = visible.get(s.id)!;
        return {
          rank: i + 1,
          score: s.score,
          performance: {
            id: p.id,
            title: p.title,
            posterUrl: posterUrlOf(p.id, p.posterUrl),
            category: { id: p.categoryId, name: p.categoryName, slug: p.categorySlug },
          },
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
