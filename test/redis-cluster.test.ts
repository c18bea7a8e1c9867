import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createRedis, channelName, type RedisClient } from '../src/infra/redis.ts';
import { createTestEnv, type TestEnv } from './context.ts';
import { TcpProxy } from './tcp-proxy.ts';
import { isStoreOutage } from '../src/http/outage.ts';

/**
 * Runs only against a real Redis Cluster (`bash scripts/redis-cluster.sh start`, then
 * REDIS_CLUSTER_NODES=127.0.0.1:7001,…). Shows that what the modules rely on works on a cluster:
 * keyPrefix + hash-tagged multi-key Lua, pub/sub, and the per-file cleanup of test/context.ts.
 */
const NODES = process.env.REDIS_CLUSTER_NODES;

// Holds every requested seat or none: the shape of the modules' multi-key scripts.
const HOLD_ALL = `
for i = 2, #KEYS do
  if redis.call('SISMEMBER', KEYS[1], KEYS[i]) == 1 then return 0 end
end
for i = 2, #KEYS do
  redis.call('SADD', KEYS[1], KEYS[i])
  redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2])
end
return #KEYS - 1`;

function rawNode(hostPort: string): Redis {
  const [host, port] = hostPort.split(':');
  return new Redis({ host, port: Number(port), lazyConnect: false });
}

describe.skipIf(!NODES)('Redis Cluster through createRedis', () => {
  let env: TestEnv;
  let redis: RedisClient;
  const masters = (NODES ?? '').split(',');

  beforeAll(async () => {
    env = await createTestEnv();
    const config = env.config();
    expect(config.REDIS_CLUSTER_NODES).toEqual(masters);
    redis = createRedis({
      url: config.REDIS_URL,
      clusterNodes: config.REDIS_CLUSTER_NODES,
      keyPrefix: env.redisPrefix,
    });
  });
  afterAll(async () => {
    redis?.disconnect();
    await env?.drop();
  });

  it('is a cluster client', () => {
    expect('nodes' in redis).toBe(true);
  });

  it('runs a multi-key Lua script on one hash tag, with the key prefix applied', async () => {
    const tag = '{st:42}';
    const keys = [`${tag}:held`, `${tag}:seat:A1`, `${tag}:seat:A2`];
    expect(await redis.eval(HOLD_ALL, keys.length, ...keys, 'user-1', '60000')).toBe(2);
    // All or nothing: A2 is already held, so A3 is not taken either.
    const again = [`${tag}:held`, `${tag}:seat:A3`, `${tag}:seat:A2`];
    expect(await redis.eval(HOLD_ALL, again.length, ...again, 'user-2', '60000')).toBe(0);
    expect(await redis.get(`${tag}:seat:A1`)).toBe('user-1');
    expect(await redis.exists(`${tag}:seat:A3`)).toBe(0);
    // The stored name carries the prefix; the slot still comes from the hash tag.
    const members = await redis.smembers(`${tag}:held`);
    expect(members.sort()).toEqual([`${env.redisPrefix}${tag}:seat:A1`, `${env.redisPrefix}${tag}:seat:A2`]);
  });

  it('rejects a script whose keys span hash tags (why every key of a showtime carries one)', async () => {
    const keys = ['{st:1}:held', '{st:2}:seat:A1'];
    await expect(redis.eval(HOLD_ALL, keys.length, ...keys, 'u', '1000')).rejects.toThrow(/CROSSSLOT/);
  });

  it('delivers pub/sub messages published through another node of the cluster', async () => {
    const config = env.config();
    const subscriber = createRedis({ url: config.REDIS_URL, clusterNodes: masters, keyPrefix: '' });
    const publisher = createRedis({ url: config.REDIS_URL, clusterNodes: masters, keyPrefix: '' });
    try {
      const channel = channelName(env.redisPrefix, 'catalogue:invalidate');
      const received = new Promise<string>((resolve) => {
        subscriber.on('message', (ch: string, message: string) => {
          if (ch === channel) resolve(message);
        });
      });
      await subscriber.subscribe(channel);
      // Cluster PUBLISH is broadcast over the bus, so the subscriber's node hears it wherever it lands.
      await publisher.publish(channel, 'performance:7');
      expect(await received).toBe('performance:7');
    } finally {
      subscriber.disconnect();
      publisher.disconnect();
    }
  });

  it('drop() removes this file’s keys from every master', async () => {
    const scratch = await createTestEnv();
    const client = createRedis({
      url: 'redis://unused',
      clusterNodes: masters,
      keyPrefix: scratch.redisPrefix,
    });
    try {
      // Enough distinct tags that every master holds some of them.
      for (let i = 0; i < 30; i++) await client.set(`{cp:${i}}:stock`, '1');
    } finally {
      client.disconnect();
    }
    const countOnMasters = async (): Promise<number[]> =>
      Promise.all(
        masters.map(async (hp) => {
          const node = rawNode(hp);
          try {
            const [, keys] = await node.scan('0', 'MATCH', `${scratch.redisPrefix}*`, 'COUNT', 10_000);
            return keys.length;
          } finally {
            node.disconnect();
          }
        }),
      );
    const before = await countOnMasters();
    expect(before.every((n) => n > 0)).toBe(true);
    await scratch.drop();
    expect(await countOnMasters()).toEqual(masters.map(() => 0));
  });

  it('fails commands within the command timeout while every node is unreachable, and recovers', async () => {
    // Each node reached through a proxy the test can cut: natMap maps the addresses the nodes
    // announce to the proxies.
    const proxies = masters.map((hostPort) => new TcpProxy(Number(hostPort.split(':')[1])));
    for (const proxy of proxies) await proxy.up();
    const natMap = Object.fromEntries(
      masters.map((hostPort, i) => [hostPort, { host: '127.0.0.1', port: proxies[i]!.port }]),
    );
    const viaProxies = createRedis({
      url: env.config().REDIS_URL,
      clusterNodes: proxies.map((p) => `127.0.0.1:${p.port}`),
      clusterNatMap: natMap,
      keyPrefix: env.redisPrefix,
    });
    viaProxies.on('error', () => undefined);
    try {
      await viaProxies.set('{outage}:k', 'v');
      for (const proxy of proxies) await proxy.down();
      const started = Date.now();
      const failure = await viaProxies.get('{outage}:k').then(
        () => undefined,
        (err: unknown) => err,
      );
      // COMMON.commandTimeout is 5 s: bounded, never held until the cluster returns.
      expect(Date.now() - started).toBeLessThan(6_000);
      // Recognised as an outage, so an HTTP request answers 503 rather than 500.
      expect(isStoreOutage(failure)).toBe(true);
      for (const proxy of proxies) await proxy.up();
      const deadline = Date.now() + 15_000;
      let value: string | null = null;
      while (Date.now() < deadline) {
        value = await viaProxies.get('{outage}:k').catch(() => null);
        if (value !== null) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(value).toBe('v');
    } finally {
      viaProxies.disconnect();
      for (const proxy of proxies) await proxy.down();
    }
  }, 30_000);
});
