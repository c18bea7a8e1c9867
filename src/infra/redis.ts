import { createHash } from 'node:crypto';
import { Redis, Cluster, type RedisOptions } from 'ioredis';

/** Either a single Redis or a Redis Cluster; scripts key by hash tag so they run on both. */
export type RedisClient = Redis | Cluster;

export interface RedisSettings {
  url: string;
  clusterNodes?: string[];
  /** Addresses cluster nodes announce → where this process reaches them (NAT, containers). */
  clusterNatMap?: Record<string, { host: string; port: number }>;
  keyPrefix: string;
}

const COMMON: RedisOptions = {
  // Fail a command fast when Redis is unreachable instead of queueing it for ever.
  maxRetriesPerRequest: 2,
  connectTimeout: 2_000,
  commandTimeout: 5_000,
  enableOfflineQueue: true,
  // Commands issued in the same event-loop tick travel in one write: under an onsale's many small
  // concurrent requests this cuts syscalls per command without changing any command's meaning.
  enableAutoPipelining: true,
  retryStrategy: (times) => Math.min(times * 100, 2_000),
};

export function createRedis(settings: RedisSettings, extra: RedisOptions = {}): RedisClient {
  if (settings.clusterNodes && settings.clusterNodes.length > 0) {
    const nodes = settings.clusterNodes.map((hp) => {
      const [host, port] = hp.split(':');
      return { host: host ?? '127.0.0.1', port: Number(port ?? 6379) };
    });
    // Commands keep the cluster's offline queue: turning it off also rejects commands to a node whose
    // connection is still being opened. With every node down, a command fails after COMMON's
    // commandTimeout (the request answers 503).
    return new Cluster(nodes, {
      keyPrefix: settings.keyPrefix,
      redisOptions: { ...COMMON, ...extra },
      scaleReads: 'master',
      ...(settings.clusterNatMap && { natMap: settings.clusterNatMap }),
    });
  }
  return new Redis(settings.url, { ...COMMON, keyPrefix: settings.keyPrefix, ...extra });
}

export async function pingRedis(redis: RedisClient): Promise<void> {
  const answer = await redis.ping();
  if (answer !== 'PONG') throw new Error(`unexpected PING answer ${answer}`);
}

/**
 * Pub/sub channel names are not prefixed by ioredis; prefix them so environments sharing a
 * Redis (and parallel test files) do not hear each other.
 */
export function channelName(prefix: string, name: string): string {
  return `${prefix}${name}`;
}

/**
 * A Lua script run by EVALSHA (its digest, not its text, crosses the wire on every call), sent with
 * EVAL the first time a Redis node has not seen it (NOSCRIPT).
 */
export class RedisScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: RedisClient, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).includes('NOSCRIPT')) throw err;
      return await redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
