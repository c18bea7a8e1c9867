import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { LRUCache } from 'lru-cache';
import type { RedisClient } from '../infra/redis.ts';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

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
  routeInfo?: { method?: string; url?: string };
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

/** Keys remembered at once, over every route; the least recently seen fall back to asking Redis. */
const DEFAULT_MAX_KEYS = 10_000;

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
): FastifyRateLimitStoreCtor {
  // One map for every route's store: keyed by the full Redis key, so routes cannot collide.
  const known = new LRUCache<string, KnownOver>({ max: maxKeys });
  // Set by a failed rate-limit command, cleared by the next answer: a connection that still looks
  // ready (a partition not yet noticed) must not keep refusing while every other request is let through.
  let failing = false;

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
    }

    incr(key: string, callback: IncrCallback, timeWindow: number, max: number): void {
      const local = this.known;
      if (local === null) {
        this.remote.incr(key, callback, timeWindow, max);
        return;
      }
      const id = this.remote.key + key;
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
  return LocalFirstStore as unknown as FastifyRateLimitStoreCtor;
}
