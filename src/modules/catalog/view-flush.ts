import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db.ts';
import type { RedisClient } from '../../infra/redis.ts';
import type { Logger } from '../../infra/logger.ts';
import { LeasedJob } from '../../infra/lease.ts';
import { FLUSHING_KEY, PENDING_KEY } from './rankings.service.ts';
import { CatalogRepository } from './catalog.repository.ts';

// Moves the pending counts aside as one batch with an id, or hands back the unfinished batch of a
// flusher that died: a batch is claimed again until it is written.
const CLAIM = `
if redis.call('EXISTS', KEYS[2]) == 0 then
  if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('HSET', KEYS[2], '_batch', ARGV[1])
end
return redis.call('HGETALL', KEYS[2])`;
const FINISH = `
if redis.call('HGET', KEYS[1], '_batch') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Adds counted views (and sales) to performances.view_count / sales_count. Exactly once: the batch id
 * is inserted in the same transaction as the increments, so a batch replayed after a crash, or by a
 * second flusher that lost its lease mid-run, is recognised and skipped.
 */
export async function flushCounts(
  redis: RedisClient,
  db: Db,
  repo: CatalogRepository = new CatalogRepository(),
): Promise<number> {
  const flat = (await redis.eval(CLAIM, 2, PENDING_KEY, FLUSHING_KEY, randomUUID())) as string[];
  if (flat.length === 0) return 0;
  let batchId = '';
  const views = new Map<string, number>();
  const sales = new Map<string, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const field = flat[i]!;
    const value = Number(flat[i + 1]);
    if (field === '_batch') batchId = flat[i + 1]!;
    else if (field.startsWith('v:')) views.set(field.slice(2), value);
    else if (field.startsWith('s:')) sales.set(field.slice(2), value);
  }
  if (!batchId) return 0;
  const ids = [...new Set([...views.keys(), ...sales.keys()])];
  const deltas = ids.map((id) => ({ id, views: views.get(id) ?? 0, sales: sales.get(id) ?? 0 }));
  const applied = await db.transaction().execute(async (tx) => {
    if (!(await repo.recordFlushBatch(tx, batchId))) return 0;
    await repo.addCounts(tx, deltas);
    return ids.length;
  });
  await redis.eval(FINISH, 1, FLUSHING_KEY, batchId);
  return applied;
}

export function createViewFlushJob(opts: {
  redis: RedisClient;
  db: Db;
  log: Logger;
  intervalMs: number;
}): LeasedJob {
  return new LeasedJob({
    name: 'catalog-view-flush',
    intervalMs: opts.intervalMs,
    redis: opts.redis,
    log: opts.log,
    run: async () => {
      const n = await flushCounts(opts.redis, opts.db);
      if (n > 0) opts.log.debug({ performances: n }, 'view counts flushed');
    },
  });
}
