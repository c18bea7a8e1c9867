import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../test/context.ts';
import { StreamLimiter } from './stream-limiter.ts';
import { addressKey } from '../http/client-address.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('StreamLimiter', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const caps = { perUser: 2, perAddress: 100, perInstance: 100 };

  it('shares the per-user cap across instances; a dead instance’s slots lapse', async () => {
    const a = new StreamLimiter(t.container.redis, caps, { staleMs: 1_000, refreshMs: 300 });
    const b = new StreamLimiter(t.container.redis, caps, { staleMs: 1_000, refreshMs: 300 });
    const userId = randomUUID();
    await a.acquire({ userId, ip: '10.0.0.1' });
    const live = await b.acquire({ userId, ip: '10.0.0.2' });
    await expect(b.acquire({ userId, ip: '10.0.0.2' })).rejects.toMatchObject({
      code: 'STREAM_LIMIT',
      status: 429,
    });
    // Instance a dies without releasing: after staleMs its slot is free again, while b's refreshed
    // slot still counts.
    a.stop();
    await sleep(1_400);
    const next = await b.acquire({ userId, ip: '10.0.0.2' });
    await expect(b.acquire({ userId, ip: '10.0.0.2' })).rejects.toMatchObject({ code: 'STREAM_LIMIT' });
    await live();
    await next();
    expect(b.open).toBe(0);
  });

  it('counts an IPv6 client by its /64 and mapped IPv4 as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  });
});
