import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../test/context.ts';
import { createRedis, type RedisClient } from '../infra/redis.ts';
import { leasedLimit, localFirstRedisStore } from './rate-limit-store.ts';

/** The plugin's script command, defined on the client by its RedisStore: one call is one Redis round trip. */
type WithScript = { rateLimit: (key: string, ...rest: unknown[]) => unknown };

/** Counts the rate-limit script calls that `client` sends for keys ending in `suffix`. */
function countScriptCalls(client: RedisClient, suffix: string): () => number {
  const spy = vi.spyOn(client as unknown as WithScript, 'rateLimit');
  // Auto-pipelining hands each call on to a pipeline that borrowed the same function: count the
  // client's own calls only.
  return () =>
    spy.mock.calls.filter(([key], i) => spy.mock.contexts[i] === client && key.endsWith(suffix)).length;
}

// /search/suggestions is limited per address to RATE_LIMIT_PER_MINUTE a minute (catalog.routes.ts).
const MAX = 3;
const SUGGESTIONS = '/api/v1/search/suggestions';
/** The route's counter in Redis, as the plugin names it (`rl:<METHOD><url>-<key>`; the prefix is the client's). */
const counterKey = (ip: string) => `rl:GET${SUGGESTIONS}-${ip}`;

describe('per-route rate limits: a local first tier over the shared Redis counter', () => {
  let env: TestEnv;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    env = await createTestEnv({ RATE_LIMIT_PER_MINUTE: String(MAX) });
    // Two API instances over one Redis (and one database), as behind a load balancer.
    [a, b] = await Promise.all([createTestApp(env), createTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await env?.drop();
  });

  const suggest = (instance: TestApp, ip: string) =>
    instance.app.inject({ method: 'GET', url: `${SUGGESTIONS}?q=x`, remoteAddress: ip });

  it('answers a client already over the limit without asking Redis, with the same 429 and Retry-After', async () => {
    const ip = '198.51.100.10';
    const scriptCalls = countScriptCalls(a.container.redis, `-${ip}`);

    for (let i = 0; i < MAX; i++) expect((await suggest(a, ip)).statusCode, `request ${i + 1}`).toBe(200);
    expect(scriptCalls()).toBe(MAX);

    for (let i = 0; i < 5; i++) {
      const limited = await suggest(a, ip);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    }
    // Redis counted the requests up to the limit; the five refusals after it never reached it.
    expect(scriptCalls()).toBe(MAX);
    expect(Number(await a.container.redis.get(counterKey(ip)))).toBe(MAX);
  });

  it('enforces one limit across instances: B refuses on the count A made', async () => {
    const ip = '198.51.100.20';
    expect((await suggest(a, ip)).statusCode).toBe(200);
    expect((await suggest(a, ip)).statusCode).toBe(200);
    expect((await suggest(b, ip)).statusCode).toBe(200);
    // B has never seen this client refused; Redis has its count of 3 (two from A, one from B).
    expect((await suggest(b, ip)).statusCode).toBe(429);
    expect((await suggest(a, ip)).statusCode).toBe(429);
    expect((await suggest(b, ip)).statusCode).toBe(429);
  });

  it('lets exactly max requests through when both instances are hit at once', async () => {
    const ip = '198.51.100.30';
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => suggest(i % 2 === 0 ? a : b, ip)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAX);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - MAX);
  });
});

describe('the local tier ends with the Redis window and never refuses during an outage', () => {
  const WINDOW_MS = 300;
  let env: TestEnv;
  let redis: RedisClient;
  let app: FastifyInstance;
  beforeAll(async () => {
    env = await createTestEnv();
    const config = env.config();
    redis = createRedis({
      url: config.REDIS_URL,
      clusterNodes: config.REDIS_CLUSTER_NODES,
      keyPrefix: env.redisPrefix,
    });
    // The plugin as app.ts registers it, on a route whose window is short enough to wait out.
    app = Fastify();
    await app.register(rateLimit, {
      global: false,
      store: localFirstRedisStore(redis, 'rl:'),
      skipOnError: true,
    });
    app.get('/limited', { config: { rateLimit: { max: 2, timeWindow: WINDOW_MS } } }, async () => 'ok');
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    redis?.disconnect();
    await env?.drop();
  });

  const hit = (ip: string) => app.inject({ method: 'GET', url: '/limited', remoteAddress: ip });

  it('allows the key again once its window has ended in Redis', async () => {
    const ip = '203.0.113.1';
    const scriptCalls = countScriptCalls(redis, `-${ip}`);
    expect([(await hit(ip)).statusCode, (await hit(ip)).statusCode]).toEqual([200, 200]);
    const refused = await hit(ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect((await hit(ip)).statusCode).toBe(429);
    expect(scriptCalls()).toBe(2);

    // Wait for Redis to expire the counter (no fixed sleep): the local window ends no later.
    await vi.waitFor(async () => expect(await redis.exists('rl:GET/limited-' + ip)).toBe(0), {
      timeout: 5_000,
      interval: 25,
    });
    expect((await hit(ip)).statusCode).toBe(200);
    expect(scriptCalls()).toBe(3);
    expect((await hit(ip)).statusCode).toBe(200);
    expect((await hit(ip)).statusCode).toBe(429);
  });

  it('lets a known-over key through while Redis is unreachable (skipOnError), like before', async () => {
    const ip = '203.0.113.2';
    expect((await hit(ip)).statusCode).toBe(200);
    expect((await hit(ip)).statusCode).toBe(200);
    expect((await hit(ip)).statusCode).toBe(429);
    const closed = new Promise((resolve) => redis.once('end', resolve));
    redis.disconnect();
    await closed;
    expect((await hit(ip)).statusCode).toBe(200);
  });
});

describe('a leased limit: slices of the shared budget, never more than max over all instances', () => {
  const MAX = 100; // leasedLimit takes max / 20 = 5 requests a slice
  let env: TestEnv;
  const clients: RedisClient[] = [];
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    env = await createTestEnv();
    const config = env.config();
    // Two instances, each with its own client and store, over one Redis.
    for (let i = 0; i < 2; i++) {
      const redis = createRedis({
        url: config.REDIS_URL,
        clusterNodes: config.REDIS_CLUSTER_NODES,
        keyPrefix: env.redisPrefix,
      });
      const app = Fastify();
      await app.register(rateLimit, {
        global: false,
        store: localFirstRedisStore(redis, 'rl:'),
        skipOnError: true,
      });
      app.get(
        '/polled',
        { config: { rateLimit: leasedLimit({ max: MAX, timeWindow: 60_000 }) } },
        async () => 'ok',
      );
      await app.ready();
      clients.push(redis);
      apps.push(app);
    }
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    for (const redis of clients) redis.disconnect();
    await env?.drop();
  });

  const hit = (instance: number, ip: string) =>
    apps[instance]!.inject({ method: 'GET', url: '/polled', remoteAddress: ip });
  const leaseCalls = (client: RedisClient, ip: string) => {
    const spy = vi.spyOn(client as unknown as { rateLimitLease: (key: string) => unknown }, 'rateLimitLease');
    return () =>
      spy.mock.calls.filter(([key], i) => spy.mock.contexts[i] === client && key.endsWith(ip)).length;
  };

  it('asks Redis once per slice, lets exactly max through, then refuses in process', async () => {
    const ip = '192.0.2.1';
    const calls = leaseCalls(clients[0]!, ip);
    for (let i = 0; i < MAX; i++) expect((await hit(0, ip)).statusCode, `request ${i + 1}`).toBe(200);
    expect(calls()).toBe(MAX / 5);
    const refused = await hit(0, ip);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) expect((await hit(0, ip)).statusCode).toBe(429);
    // The last slice brought the count to max: the refusals after it were answered here.
    expect(calls()).toBe(MAX / 5);
    expect(Number(await clients[0]!.get(`rl:GET/polled-${ip}`))).toBe(MAX);
  });

  it("keeps a slice for each of an onsale's users: more keys than 10,000 are still answered in process", async () => {
    // 15,000 pollers each take a slice; none is forgotten before its next request (the slices once
    // fitted 10,000 keys, and beyond that every request asked Redis again).
    const counters = localFirstRedisStore(clients[0]!, 'rl:many:').leases;
    const ids = Array.from({ length: 15_000 }, (_, i) => `user-${i}`);
    await Promise.all(
      ids.map(
        (id) =>
          new Promise<void>((resolve, reject) =>
            counters.take(id, (error) => (error ? reject(error) : resolve()), 60_000, MAX, 5),
          ),
      ),
    );
    const fromSlice = ids.filter((id) => counters.fromSlice(id, MAX) !== undefined).length;
    expect(fromSlice).toBe(ids.length);
    expect(counters.fromSlice('user-0', MAX)).toMatchObject({ current: 3 });
  });

  it('never lets more than max through over two instances hit at once', async () => {
    const ip = '192.0.2.2';
    const results = await Promise.all(Array.from({ length: 3 * MAX }, (_, i) => hit(i % 2, ip)));
    const allowed = results.filter((r) => r.statusCode === 200).length;
    expect(allowed).toBeLessThanOrEqual(MAX);
    // Concurrent requests share one slice per instance; what stays unused is at most a slice each.
    expect(allowed).toBeGreaterThanOrEqual(MAX - 10);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 429)).toBe(true);
  });
});
