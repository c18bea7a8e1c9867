import { createRedis, type RedisClient, type RedisSettings } from '../src/infra/redis.ts';

/**
 * Unlinks every key under `prefix`, on every master of a cluster. Keys go one at a time (a cluster
 * refuses a multi-key command across slots) and by UNLINK, so a large one (a bench's million-deep
 * line) is freed off Redis's main thread.
 */
export async function deleteKeysByPrefix(redis: RedisClient, prefix: string): Promise<void> {
  // A Cluster client lists its masters only once connected; before that nodes() is empty.
  if ('nodes' in redis && redis.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      redis.once('ready', resolve);
      redis.once('error', reject);
    });
  }
  const nodes = 'nodes' in redis ? redis.nodes('master') : [redis];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) await node.unlink(key);
    } while (cursor !== '0');
  }
}

/** The same with a client of its own (without a key prefix), disconnected after. */
export async function forgetKeys(settings: Omit<RedisSettings, 'keyPrefix'>, prefix: string): Promise<void> {
  const redis = createRedis({ ...settings, keyPrefix: '' });
  try {
    await deleteKeysByPrefix(redis, prefix);
  } finally {
    redis.disconnect();
  }
}
