import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from './context.ts';
import { isStoreOutage } from '../src/http/outage.ts';
import { TcpProxy } from './tcp-proxy.ts';

/** A store that cannot be reached is a 503 the client may retry, never a 500 or a hang. */
describe('requests while a data store is unreachable', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const expectOutage = (res: {
    statusCode: number;
    headers: Record<string, unknown>;
    json: () => unknown;
  }) => {
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('2');
    expect(res.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  };

  it('answers 503 with Retry-After when Redis is down', async () => {
    const broken = await createTestApp(t.env, { REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const started = Date.now();
      expectOutage(await broken.app.inject({ method: 'GET', url: '/api/v1/rankings/performances' }));
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await broken.close();
    }
  });

  it('answers 503 with Retry-After when PostgreSQL goes down, and serves again when it is back', async () => {
    const proxy = new TcpProxy(5432);
    await proxy.up();
    const url = new URL(t.env.config().DATABASE_URL);
    url.port = String(proxy.port);
    const app = await createTestApp(t.env, { DATABASE_URL: url.toString() });
    try {
      expect((await app.app.inject({ method: 'GET', url: '/api/v1/categories' })).statusCode).toBe(200);
      await proxy.down();
      expectOutage(await app.app.inject({ method: 'GET', url: '/api/v1/categories' }));
      await proxy.up();
      const back = await app.app.inject({ method: 'GET', url: '/api/v1/categories' });
      expect(back.statusCode).toBe(200);
    } finally {
      await app.close();
      await proxy.down();
    }
  });

  it('tells outages from bugs', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const uniqueViolation = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(isStoreOutage(refused)).toBe(true);
    expect(isStoreOutage(shutdown)).toBe(true);
    expect(isStoreOutage(new Error('Connection is closed.'))).toBe(true);
    expect(isStoreOutage(uniqueViolation)).toBe(false);
    expect(isStoreOutage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
