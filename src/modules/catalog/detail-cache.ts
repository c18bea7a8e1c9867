import { LRUCache } from 'lru-cache';
import type { RedisClient } from '../../infra/redis.ts';
import type { Logger } from '../../infra/logger.ts';
import type { Db } from '../../infra/db.ts';
import type { Clock } from '../../infra/clock.ts';
import type { CatalogDbs } from './read-dbs.ts';
import type { PerformanceStatus } from './catalog.schemas.ts';
import { noCacheLookups, type CacheLookups } from './cache-metrics.ts';

/** A performance detail ready to send: the JSON text, the status (for the DRAFT check) and until when the status holds. */
export interface DetailEntry {
  json: string;
  status: PerformanceStatus;
  /** When the computed status may change (end of the last day), the entry must not outlive it. */
  validUntil: number;
}

export interface DetailCacheOptions {
  redis: RedisClient;
  log: Logger;
  /** Reads the entry from `db` (the primary or the routed read database). */
  load: (db: Db, id: string) => Promise<DetailEntry | null>;
  dbs: CatalogDbs;
  clock: Clock;
  /**
   * How long after an invalidation a refill reads the primary rather than the routed (replica) read
   * database: longer than the replica's lag, or the refill would cache the old row for the Redis TTL.
   */
  primaryAfterWriteSeconds: number;
  localTtlMs: number;
  redisTtlSeconds: number;
  missingTtlSeconds: number;
  /** Counts lookups per layer (cache_requests_total{cache="performance"}). */
  lookups?: CacheLookups;
}

const MISSING = { missing: true } as const;
type Local = DetailEntry | typeof MISSING;

interface Flight {
  promise: Promise<DetailEntry | null>;
  /** Set when an invalidation arrives during the fill: the result must not be kept in the LRU. */
  stale: boolean;
}

// Writes the filled value only if no invalidation bumped the version since the filler read it, so a
// slow reader cannot put back a value that an admin write has just replaced.
const SET_IF_VERSION = `
local current = redis.call('GET', KEYS[2]) or ''
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;
// Also sets the "just written" key (KEYS[3]): while it lives, a refill reads the primary.
const INVALIDATE = `
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], 604800)
redis.call('SET', KEYS[3], '1', 'EX', ARGV[1])
return redis.call('DEL', KEYS[1])`;

/**
 * Performance detail: in-process LRU (short TTL) → Redis (TTL) → PostgreSQL. Concurrent misses of one
 * key share one fill (single-flight), so a cold key reaches Redis and the database once per instance.
 * Absent performances are cached as tombstones too; every admin write clears both layers everywhere.
 *
 * Which database a fill reads: the primary for `primaryAfterWriteSeconds` after an invalidation (the
 * key `perf:{pf:<id>}:primary`, read in the same MGET as the value, so this costs no extra call), or
 * when Redis cannot say; otherwise the reader's routed database (`CatalogDbs.readFor`: the replica for
 * anonymous readers). A lagging replica therefore never refills the cache with the row an admin just
 * replaced. The fast path (`peek`) touches no store.
 */
export class DetailCache {
  private readonly lru: LRUCache<string, Local>;
  private readonly inflight = new Map<string, Flight>();

  constructor(private readonly opts: DetailCacheOptions) {
    this.lru = new LRUCache<string, Local>({ max: 10_000, ttl: opts.localTtlMs, ttlAutopurge: false });
  }

  /** Synchronous fast path: a fresh LRU entry, or undefined when the caller must await `get`. */
  peek(id: string): DetailEntry | null | undefined {
    const found = this.lookLocal(id);
    this.lookups('performance', 'lru', found !== undefined);
    return found;
  }

  private get lookups(): CacheLookups {
    return this.opts.lookups ?? noCacheLookups;
  }

  private lookLocal(id: string): DetailEntry | null | undefined {
    const hit = this.lru.get(id);
    if (hit === undefined) return undefined;
    if ('missing' in hit) return null;
    return hit.validUntil > this.opts.clock.nowMs() ? hit : undefined;
  }

  /**
   * Callers peek first (counted there); this looks at the LRU again without counting. `userId` (the
   * reader, if signed in) picks the read database when the fill reaches PostgreSQL.
   */
  async get(id: string, userId?: string): Promise<DetailEntry | null> {
    const hit = this.lookLocal(id);
    if (hit !== undefined) return hit;
    let flight = this.inflight.get(id);
    if (!flight) {
      const f: Flight = { stale: false, promise: Promise.resolve(null) };
      f.promise = this.fill(id, f, userId).finally(() => {
        if (this.inflight.get(id) === f) this.inflight.delete(id);
      });
      this.inflight.set(id, f);
      flight = f;
    }
    return flight.promise;
  }

  /** Drops the key from this instance (called for every invalidation message, ours included). */
  forgetLocal(id: string): void {
    this.lru.delete(id);
    const flight = this.inflight.get(id);
    if (flight) {
      flight.stale = true;
      this.inflight.delete(id);
    }
  }

  /**
   * Drops the key from Redis (bumping its version, and marking it "just written" so refills read the
   * primary for a while) and from this instance.
   */
  async invalidate(id: string): Promise<void> {
    this.forgetLocal(id);
    await this.opts.redis.eval(
      INVALIDATE,
      3,
      valueKey(id),
      versionKey(id),
      writtenKey(id),
      this.opts.primaryAfterWriteSeconds,
    );
  }

  private async fill(id: string, flight: Flight, userId: string | undefined): Promise<DetailEntry | null> {
    const { redis, log, clock } = this.opts;
    let version: string | null | undefined;
    let entry: DetailEntry | null | undefined;
    // Without Redis we cannot know whether an admin just wrote: the primary is always right.
    let fromPrimary = true;
    try {
      const [raw, ver, written] = await redis.mget(valueKey(id), versionKey(id), writtenKey(id));
      version = ver ?? null;
      fromPrimary = written != null;
      if (raw != null) entry = decode(raw, clock.nowMs());
      this.lookups('performance', 'redis', entry !== undefined);
    } catch (err) {
      // Redis down: serve from the database rather than fail the read.
      log.warn({ err: (err as Error).message }, 'detail cache read failed');
    }
    if (entry === undefined) {
      const db = fromPrimary ? this.opts.dbs.primary : await this.opts.dbs.readFor(userId);
      entry = await this.opts.load(db, id);
      if (version !== undefined) await this.store(id, entry, version);
    }
    if (!flight.stale) {
      const ttl = entry
        ? Math.min(this.opts.localTtlMs, entry.validUntil - clock.nowMs())
        : this.opts.localTtlMs;
      if (ttl > 0) this.lru.set(id, entry ?? MISSING, { ttl });
    }
    return entry;
  }

  private async store(id: string, entry: DetailEntry | null, version: string | null): Promise<void> {
    const ttl = entry
      ? Math.min(this.opts.redisTtlSeconds, Math.floor((entry.validUntil - this.opts.clock.nowMs()) / 1000))
      : this.opts.missingTtlSeconds;
    if (ttl <= 0) return;
    try {
      await this.opts.redis.eval(
        SET_IF_VERSION,
        2,
        valueKey(id),
        versionKey(id),
        version ?? '',
        encode(entry),
        ttl,
      );
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).message }, 'detail cache write failed');
    }
  }
}

// Every key of one performance shares a hash tag, so the scripts run on Redis Cluster.
// v2: the venue carries its location and contact (migration 0022); entries of the first shape,
// cached before the upgrade, are never read (they expire by their TTL).
const valueKey = (id: string): string => `perf:{pf:${id}}:detail:v2`;
const versionKey = (id: string): string => `perf:{pf:${id}}:ver`;
const writtenKey = (id: string): string => `perf:{pf:${id}}:primary`;

// Stored as "status|validUntil|json" (or "-" for absent) so a hit needs no JSON parse.
function encode(entry: DetailEntry | null): string {
  return entry ? `${entry.status}|${entry.validUntil}|${entry.json}` : '-';
}

function decode(raw: string, now: number): DetailEntry | null | undefined {
  if (raw === '-') return null;
  const a = raw.indexOf('|');
  const b = raw.indexOf('|', a + 1);
  if (a < 0 || b < 0) return undefined;
  const validUntil = Number(raw.slice(a + 1, b));
  if (!(validUntil > now)) return undefined;
  return { status: raw.slice(0, a) as PerformanceStatus, validUntil, json: raw.slice(b + 1) };
}
