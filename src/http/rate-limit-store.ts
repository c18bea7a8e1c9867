import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { LRUCache } from 'lru-cache';
import type { RedisClient } from '../infra/redis.ts';

export type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The plugin's own Redis store: its Lua script and its key names (`<nameSpace><METHOD><url>-<key>`). */
interface PluginRedisStore {
  /** Prefix of every Redis key of this store (the namespace, plus method and url for a route's child). */
  key: string;
  incr(key: string, callback: IncrCallback, timeWindow: number, max: number): void;
  read(key: string, callback: IncrCallback, timeWindow: number, max: number): void;
  child(routeOptions: RouteLimitOptions): PluginRedisStore;
}

/** What the plugin hands a store: its global settings, or a route's merged with them. */
interface RouteLimitOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  ban?: number;
  /** Ours (see leasedLimit): requests an instance may take from the shared count at once. */
  leaseSize?: number;
  routeInfo?: { method?: string; url?: string };
}

/**
 * Takes up to `want` requests of a key's budget at once, never past `max`; at or over the limit it
 * counts one request, as the plugin's script would. Returns the count after, the window's ttl and
 * how many were taken. KEYS: counter. ARGV: window ms, max, want.
 */
const LEASE = `
local window, max, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local grant = math.min(want, max - tonumber(redis.call('GET', KEYS[1]) or '0'))
if grant < 1 then grant = 1 end
local after = redis.call('INCRBY', KEYS[1], grant)
local ttl = window
if after == grant then redis.call('PEXPIRE', KEYS[1], window) else ttl = redis.call('PTTL', KEYS[1]) end
return {after, ttl, grant}`;

type LeaseCommand = (
  key: string,
  window: number,
  max: number,
  want: number,
  callback: (error: Error | null, result?: [number, number, number]) => void,
) => void;

/**
 * Route options for a limit that a busy route may take from Redis a slice at a time (the poll, the
 * hold attempt): one Redis call per `max / 20` requests of a key on an instance instead of one each.
 * Never lets more than `max` through in a window over all instances; a client whose requests move
 * between instances may be refused up to the unused slices of the others early (a slice is at most
 * a twentieth of the budget).
 */
export function leasedLimit<T extends { max: number }>(options: T): T & { leaseSize: number } {
  return { ...options, leaseSize: Math.max(1, Math.floor(options.max / 20)) };
}

/** What this instance holds of a key's budget: unused requests of its last slice, until its window ends. */
interface Lease {
  left: number;
  /** The shared count after the last slice was taken. */
  count: number;
  /** `performance.now()` time (ms) by which Redis has expired the key. */
  until: number;
}

// The entry point does not export RedisStore, and the package has no `exports` map, so it is loaded
// by path: the shared counter stays exactly the plugin's (same script, same keys as before this tier).
const RedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore.js') as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: RedisClient,
  nameSpace: string,
) => PluginRedisStore;

/** A key Redis last reported at or over a limit: its count then, and when its window ends at the latest. */
interface KnownOver {
  count: number;
  /** `performance.now()` time (ms) by which Redis has expired the key. */
  until: number;
}

/**
 * The leased counters of a store, for a limit checked outside the plugin (src/http/leased-limit.ts):
 * the same slices, by the same full Redis key, as the plugin's leased routes.
 */
export interface LeasedCounters {
  /** The request answered from this instance's slice, synchronously, or undefined (ask Redis: `take`). */
  fromSlice(id: string, max: number): { current: number; ttl: number } | undefined;
  /** The request counted: from the slice, else with the next slice from Redis (`LEASE`). */
  take(id: string, callback: IncrCallback, timeWindow: number, max: number, leaseSize: number): void;
}

export type LocalFirstStoreCtor = FastifyRateLimitStoreCtor & { leases: LeasedCounters };

/** Keys known over a limit at once, over every route; the least recently seen fall back to asking Redis. */
const DEFAULT_MAX_KEYS = 10_000;
/**
 * Slices held at once, over every leased route. Each user polling or trying holds through an instance
 * holds a slice there: an onsale line of 600,000 spread over a dozen instances is tens of thousands of
 * live keys per instance. With room for fewer, a key is forgotten before its next request and every
 * request asks Redis again (at 30,000 pollers and 10,000 slices, nearly one call per poll). An entry
 * is about 200 bytes.
 */
const DEFAULT_MAX_LEASES = 200_000;

/**
 * A @fastify/rate-limit store that answers "still over the limit" in process and everything else
 * from Redis. A client far over a limit (a bot hammering login or queue entry) used to cost a Redis
 * round trip per 429; now its repeats cost a map lookup.
 *
 * Why the local answer is never wrong: the shared Redis counter stays the truth, and every Redis
 * answer for a key is remembered (count, window end). Within one window the counter only grows
 * (every instance only INCRs it) and the window end is fixed at the window's first request: none of
 * our limits use `continueExceeding`, `exponentialBackoff` or `ban`, the options that move the
 * window or read the count past the limit, and a route that sets one skips this tier. So a key Redis
 * counted at `count >= max` is answered over the limit by Redis for every further request until its
 * window ends: that answer is given here, with the remaining ttl, and nothing is sent to Redis.
 * Anything else (unknown key, under the limit, window ended, a larger `max`) goes to Redis as before.
 *
 * The window end is measured from when the command was sent, on the monotonic clock: Redis set the
 * key's expiry at or after that moment, so the local window never outlives Redis's (it may end a
 * round trip early, which only means asking Redis once more). Wall time is not used: it is Redis's
 * expiry that decides, and only durations are carried over.
 *
 * skipOnError is kept: while the client is not connected, or since a rate-limit command last failed,
 * every request goes to Redis as before, fails there, and the plugin lets it through; no local 429 is
 * given during an outage.
 */
export function localFirstRedisStore(
  redis: RedisClient,
  nameSpace: string,
  maxKeys = DEFAULT_MAX_KEYS,
  maxLeases = DEFAULT_MAX_LEASES,
): LocalFirstStoreCtor {
  // One map for every route's store: keyed by the full Redis key, so routes cannot collide.
  const known = new LRUCache<string, KnownOver>({ max: maxKeys });
  // Leased routes' slices, by the same full key (a forgotten slice's unused requests are lost: that
  // can only refuse a client early, never let more through).
  const leases = new LRUCache<string, Lease>({ max: maxLeases });
  const inFlight = new Map<string, IncrCallback[]>();
  if (!(redis as unknown as Partial<{ rateLimitLease: LeaseCommand }>).rateLimitLease)
    redis.defineCommand('rateLimitLease', { numberOfKeys: 1, lua: LEASE });
  // Set by a failed rate-limit command, cleared by the next answer: a connection that still looks
  // ready (a partition not yet noticed) must not keep refusing while every other request is let through.
  let failing = false;

  /**
   * A leased key's request answered from this instance's slice, or undefined when Redis must be asked
   * (no slice, its window ended, the slice used up under the limit, or Redis failing or not connected).
   * Synchronous and allocation-light: the hot routes' own hook (leased-limit.ts) calls it first.
   */
  const fromSlice = (id: string, max: number): { current: number; ttl: number } | undefined => {
    const lease = leases.get(id);
    if (lease === undefined || failing || redis.status !== 'ready') return undefined;
    const now = performance.now();
    if (lease.until <= now) return undefined;
    const ttl = Math.ceil(lease.until - now);
    if (lease.left > 0) {
      lease.left -= 1;
      return { current: lease.count - lease.left, ttl };
    }
    if (lease.count >= max) return { current: lease.count + 1, ttl };
    return undefined;
  };

  /** A leased key's request: from this instance's slice, else one LEASE call for the next slice. */
  const leased = (
    id: string,
    callback: IncrCallback,
    timeWindow: number,
    max: number,
    leaseSize: number,
  ): void => {
    const local = fromSlice(id, max);
    if (local !== undefined) {
      callback(null, local);
      return;
    }
    // One slice at a time per key: requests arriving while it is asked for wait and share it
    // (each taking its own slice would spend the budget in slices mostly unused).
    const waiting = inFlight.get(id);
    if (waiting !== undefined) {
      waiting.push(callback);
      return;
    }
    inFlight.set(id, [callback]);
    const now = performance.now();
    (redis as unknown as { rateLimitLease: LeaseCommand }).rateLimitLease(
      id,
      timeWindow,
      max,
      leaseSize,
      (error, result) => {
        const queue = inFlight.get(id) ?? [];
        inFlight.delete(id);
        if (error !== null || result === undefined) {
          failing = true;
          leases.delete(id);
          for (const waiter of queue) waiter(error ?? new Error('rate-limit lease: no answer'));
          return;
        }
        failing = false;
        const [after, ttl, grant] = result.map(Number) as [number, number, number];
        // Over the limit, the script counted one request (the first waiter's) and gave nothing.
        const left = after <= max ? grant : 0;
        // 1 ms off for Redis's millisecond rounding of PTTL.
        const until = now + (ttl > 0 ? ttl : timeWindow) - 1;
        leases.set(id, { left, count: after, until });
        if (left === 0) {
          const first = queue.shift();
          first?.(null, { current: after, ttl: Math.max(1, Math.ceil(until - now)) });
        }
        // The rest are served from the new slice; those beyond it ask for the next one.
        for (const waiter of queue) leased(id, waiter, timeWindow, max, leaseSize);
      },
    );
  };

  class LocalFirstStore {
    private readonly remote: PluginRedisStore;
    /** Null where the route's options move windows or count past the limit: Redis answers every request. */
    private readonly known: LRUCache<string, KnownOver> | null;

    constructor(options: RouteLimitOptions, remote?: PluginRedisStore) {
      this.remote =
        remote ??
        new RedisStore(
          options.continueExceeding ?? false,
          options.exponentialBackoff ?? false,
          redis,
          nameSpace,
        );
      const exact = !options.continueExceeding && !options.exponentialBackoff && (options.ban ?? -1) === -1;
      this.known = exact ? known : null;
      this.leaseSize = exact ? Math.max(1, Math.floor(options.leaseSize ?? 1)) : 1;
    }

    private readonly leaseSize: number;

    incr(key: string, callback: IncrCallback, timeWindow: number, max: number): void {
      const local = this.known;
      if (local === null) {
        this.remote.incr(key, callback, timeWindow, max);
        return;
      }
      const id = this.remote.key + key;
      if (this.leaseSize > 1) {
        leased(id, callback, timeWindow, max, this.leaseSize);
        return;
      }
      const entry = local.get(id);
      if (entry !== undefined) {
        const ttl = entry.until - performance.now();
        if (ttl <= 0) {
          local.delete(id);
        } else if (entry.count >= max && !failing && redis.status === 'ready') {
          // What Redis would answer: the next INCR is above max, and the key expires in ttl.
          callback(null, { current: entry.count + 1, ttl: Math.ceil(ttl) });
          return;
        }
      }
      const sentAt = performance.now();
      this.remote.incr(
        key,
        (error, result) => {
          if (error !== null || result === undefined || result === null) {
            failing = true;
          } else {
            failing = false;
            if (result.current >= max && result.ttl > 0) {
              // 1 ms off for Redis's millisecond rounding of PTTL.
              local.set(id, { count: result.current, until: sentAt + result.ttl - 1 });
            } else {
              local.delete(id); // a new window, or a larger max: Redis answers this key again
            }
          }
          callback(error, result);
        },
        timeWindow,
        max,
      );
    }

    /** `{ increment: false }` peeks (createRateLimit): not on a hot path, so always Redis. */
    read(key: string, callback: IncrCallback, timeWindow: number, max: number): void {
      this.remote.read(key, callback, timeWindow, max);
    }

    child(routeOptions: RouteLimitOptions): LocalFirstStore {
      return new LocalFirstStore(routeOptions, this.remote.child(routeOptions));
    }
  }

  // The typings say child() receives the route's RouteOptions; index.js passes the route's limit
  // settings merged with the global ones (plus routeInfo), which is what RouteLimitOptions reads.
  const Store = LocalFirstStore as unknown as LocalFirstStoreCtor;
  Store.leases = { fromSlice, take: leased };
  return Store;
}
