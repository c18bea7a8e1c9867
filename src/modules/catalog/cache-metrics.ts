import type { Counter } from 'prom-client';
import type { Metrics } from '../../infra/metrics.ts';

export type CacheName = 'performance' | 'search' | 'seatmap' | 'suggestions' | 'opening-soon';
export type CacheLayer = 'lru' | 'redis';
/** Records one cache lookup; all three labels are bounded enums, so the hit ratio can be graphed. */
export type CacheLookups = (cache: CacheName, layer: CacheLayer, hit: boolean) => void;

export const noCacheLookups: CacheLookups = () => undefined;

const CACHES: readonly CacheName[] = ['performance', 'search', 'seatmap', 'suggestions', 'opening-soon'];
const LAYERS: readonly CacheLayer[] = ['lru', 'redis'];
const RESULTS = ['hit', 'miss'] as const;
const slotOf = (cache: CacheName, layer: CacheLayer, hit: boolean): number =>
  (CACHES.indexOf(cache) * LAYERS.length + LAYERS.indexOf(layer)) * 2 + (hit ? 0 : 1);

// Counts since the last scrape, per counter (a counter may be shared by several catalogue instances
// built on one registry, as in tests).
const pendingOf = new WeakMap<object, Float64Array>();

/**
 * A lookup happens on every detail read, so it only bumps a number; the counter takes the sums when
 * Prometheus scrapes (prom-client hashes the label set on every inc, which showed in profiles).
 */
export function cacheLookupCounter(metrics: Metrics): CacheLookups {
  const counter = metrics.counter({
    name: 'cache_requests_total',
    help: 'Catalogue cache lookups by cache (performance, search, seatmap, suggestions, opening-soon), layer (lru, redis) and result',
    labelNames: ['cache', 'layer', 'result'] as const,
    collect(this: Counter<'cache' | 'layer' | 'result'>) {
      const pending = pendingOf.get(this);
      if (!pending) return;
      for (const cache of CACHES)
        for (const layer of LAYERS)
          for (const result of RESULTS) {
            const slot = slotOf(cache, layer, result === 'hit');
            if (pending[slot]! > 0) this.inc({ cache, layer, result }, pending[slot]);
            pending[slot] = 0;
          }
    },
  });
  let pending = pendingOf.get(counter);
  if (!pending) pendingOf.set(counter, (pending = new Float64Array(CACHES.length * LAYERS.length * 2)));
  const counts = pending;
  return (cache, layer, hit) => {
    counts[slotOf(cache, layer, hit)]! += 1;
  };
}
