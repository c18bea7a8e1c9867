import type pg from 'pg';
import type { Metrics } from './metrics.ts';

/** Connections of each PostgreSQL pool by state, read at scrape time (no timers). */
export function observePools(metrics: Metrics, pools: Record<string, pg.Pool | undefined>): void {
  metrics.gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections by pool (primary, replica) and state (total, idle, waiting)',
    labelNames: ['pool', 'state'] as const,
    collect() {
      for (const [name, pool] of Object.entries(pools)) {
        if (!pool) continue;
        this.set({ pool: name, state: 'total' }, pool.totalCount);
        this.set({ pool: name, state: 'idle' }, pool.idleCount);
        // Requests waiting for a connection: the first sign that the pool is the bottleneck.
        this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
      }
    },
  });
}
