import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestEnv,
  setupTestApp,
  type TestApp,
  type TestEnv,
} from '../../test/context.ts';
import { createShowtimeWithSeats, createUsers } from '../../test/factories.ts';
import { createRedis, type RedisClient } from '../infra/redis.ts';
import { registerErrorHandling } from './error-handler.ts';
import { leasedLimits } from './leased-limit.ts';
import { localFirstRedisStore } from './rate-limit-store.ts';

// The poll allows 120 a minute per user (waiting-room/index.ts) and RATE_LIMIT_PER_MINUTE per address.
const POLL_PER_USER = 120;

describe('the poll: per-address and per-user leased limits in one hook', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const url = (showtimeId: string) => `/api/v1/showtimes/${showtimeId}/queue`;

  it('answers with the x-ratelimit headers, then 429 RATE_LIMITED past the per-user limit', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const [user, other] = await createUsers(t.container, 2);
    const poll = (headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: url(showtimeId), headers, remoteAddress: '198.51.100.90' });
    for (const u of [user!, other!]) {
      const entered = await t.app.inject({ method: 'POST', url: url(showtimeId), headers: u.headers });
      expect(entered.statusCode).toBe(200);
    }

    for (let i = 0; i < POLL_PER_USER; i++) {
      const res = await poll(user!.headers);
      expect(res.statusCode, `poll ${i + 1}`).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBe(String(POLL_PER_USER));
      expect(res.headers['x-ratelimit-remaining']).toBe(String(POLL_PER_USER - i - 1));
      expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    }
    for (let i = 0; i < 3; i++) {
      const limited = await poll(user!.headers);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
      expect(limited.headers['x-ratelimit-limit']).toBe(String(POLL_PER_USER));
      expect(limited.json()).toMatchObject({
        status: 429,
        code: 'RATE_LIMITED',
        detail: `Too many requests; try again in ${retryAfter} s`,
        retryAfterSeconds: retryAfter,
      });
    }
    // The shared counter is the plugin's (same key); the last slice brought it to the limit, and the
    // refusals after it were answered in process.
    const counter = `rl:GET/api/v1/showtimes/:id/queue-wr:poll:user:${user!.id}`;
    expect(Number(await t.container.redis.get(counter))).toBe(POLL_PER_USER);
    // Another user at the same address has a budget of their own.
    expect((await poll(other!.headers)).statusCode).toBe(200);
    // No token: the guard's 401, not counted per user.
    const anonymous = await poll({});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['x-ratelimit-limit']).toBeUndefined();
  });

  it('refuses per address first, without the per-user headers, and counts no user then', async () => {
    const strict = await createTestApp(t.env, { RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
      const users = await createUsers(t.container, 6);
      const poll = (i: number) =>
        strict.app.inject({
          method: 'GET',
          url: url(showtimeId),
          headers: users[i]!.headers,
          remoteAddress: '10.9.8.70',
        });
      // Not in the queue: 404 NOT_IN_QUEUE, after both limits passed.
      for (let i = 0; i < 5; i++) expect((await poll(i)).statusCode).toBe(404);
      const limited = await poll(5);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({
        code: 'RATE_LIMITED',
        detail: 'Too many requests from this address',
        retryAfterSeconds: Number(limited.headers['retry-after']),
      });
      expect(limited.headers['x-ratelimit-limit']).toBeUndefined();
      const userCounter = `rl:GET/api/v1/showtimes/:id/queue-wr:poll:user:${users[5]!.id}`;
      expect(await strict.container.redis.exists(userCounter)).toBe(0);
    } finally {
      await strict.close();
    }
  });
});

describe('a leased-limits hook while Redis is unreachable', () => {
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
    app = Fastify();
    registerErrorHandling(app);
    await app.register(leasedLimits, {
      counters: localFirstRedisStore(redis, 'rl:').leases,
      nameSpace: 'rl:',
    });
    const hook = app.leasedLimits([
      {
        url: '/limited',
        max: 20,
        timeWindow: 60_000,
        key: (request) => request.ip,
        headers: true,
        detail: (s) => `Too many requests; try again in ${s} s`,
      },
    ]);
    app.get('/limited', { onRequest: [hook] }, async () => 'ok');
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    redis?.disconnect();
    await env?.drop();
  });

  const hit = () => app.inject({ method: 'GET', url: '/limited', remoteAddress: '203.0.113.9' });

  it('refuses past max while Redis answers, then lets requests through (fail open), as the plugin did', async () => {
    for (let i = 0; i < 20; i++) expect((await hit()).statusCode).toBe(200);
    expect((await hit()).statusCode).toBe(429);
    const closed = new Promise((resolve) => redis.once('end', resolve));
    redis.disconnect();
    await closed;
    const open = await hit();
    expect(open.statusCode).toBe(200);
    expect(open.headers['x-ratelimit-remaining']).toBe('20');
  });
});
