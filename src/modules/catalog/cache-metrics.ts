import type { Metrics } from '../../infra/metrics.ts';

export type CacheName = 'performance' | 'search' | 'seatmap';
export type CacheLayer = 'lru' | 'redis';
/** Records one cache lookup; all three labels are bounded enums, so the hit ratio can be graphed. */
export type CacheLookups = (cache: CacheName, layer: CacheLayer, hit: boolean) => void;

export const noCacheLookups: CacheLookups = () => undefined;

export function cacheLookupCounter(metrics: Metrics): CacheLookups {
  const counter = metrics.counter({
    name: 'cache_requests_total',
    help: 'Catalogue cache lookups by cache (performance, search, seatmap), layer (lru, redis) and result',
    labelNames: ['cache', 'layer', 'result'] as const,
  });
  return (cache, layer, hit) => counter.inc({ cache, layer, result: hit ? 'hit' : 'miss' });
}
