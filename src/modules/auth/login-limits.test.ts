import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { AUTH_POLICY } from './auth.service.ts';
import { IP_LIMITS } from './auth.routes.ts';
import { addressKey } from '../../http/client-address.ts';

const P = AUTH_POLICY.login;

describe('login throttle', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      headers,
      payload: { email, password },
    });
  const expectLimited = (res: Awaited<ReturnType<typeof login>>) => {
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    // The body carries the same wait, for the sign-in page to say it.
    expect(res.json().retryAfterSeconds).toBe(retryAfter);
    return retryAfter;
  };

  it('an attacker failing many times for an email cannot keep its owner out at their known address', async () => {
    const victim = await createUser(t.container);
    const home = '203.0.113.10';
    expect((await login(victim.email, TEST_PASSWORD, home)).statusCode).toBe(200);

    const attacker = '198.51.100.1';
    for (let i = 0; i < P.attemptsPerAddress; i++) {
      expect((await login(victim.email, `wrong-guess-${i}`, attacker)).statusCode).toBe(401);
    }
    // The attacker's address is done, right password or not, whatever X-Forwarded-For it claims.
    expectLimited(await login(victim.email, 'wrong-guess-again', attacker));
    expectLimited(await login(victim.email, TEST_PASSWORD, attacker));
    expectLimited(await login(victim.email, 'spoofed', attacker, { 'x-forwarded-for': '192.0.2.99' }));
    // A fresh address is delayed for this account now…
    expectLimited(await login(victim.email, 'wrong-guess-elsewhere', '198.51.100.2'));

    // …but the owner at home keeps getting in (and a typo there is an ordinary 401).
    expect((await login(victim.email, 'a-typo-at-home-1', home)).statusCode).toBe(401);
    const res = await login(victim.email.toUpperCase(), TEST_PASSWORD, home);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(victim.id);

    // Another account is not affected by any of it.
    const other = await createUser(t.container);
    expect((await login(other.email, TEST_PASSWORD, '198.51.100.3')).statusCode).toBe(200);
  });

  it('past the threshold each attempt from a new address waits longer, up to the cap', async () => {
    const victim = await createUser(t.container);
    const home = '203.0.113.20';
    expect((await login(victim.email, TEST_PASSWORD, home)).statusCode).toBe(200);
    for (let i = 0; i < P.accountThreshold; i++) {
      expect((await login(victim.email, `wrong-guess-${i}`, `198.51.100.${20 + i}`)).statusCode).toBe(401);
    }
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      waits.push(expectLimited(await login(victim.email, TEST_PASSWORD, `192.0.2.${20 + i}`)));
    }
    const max = P.accountMaxDelayMs / 1000;
    for (let i = 1; i < waits.length; i++) {
      expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
      if (waits[i - 1]! < max) expect(waits[i]).toBeGreaterThan(waits[i - 1]!);
    }
    expect(waits[0]).toBeGreaterThanOrEqual((P.accountBaseDelayMs * 2) / 1000);
    expect(waits.at(-1)).toBe(max);

    expect((await login(victim.email, TEST_PASSWORD, home)).statusCode).toBe(200);
  });

  it('holds the account threshold against parallel guesses from many addresses', async () => {
    const user = await createUser(t.container);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(user.email, `parallel-guess-${i}`, `198.51.100.${100 + i}`)),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(P.accountThreshold);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - P.accountThreshold);
  });

  it("a successful login resets the address's budget", async () => {
    const user = await createUser(t.container);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < P.attemptsPerAddress - 1; i++) {
        expect((await login(user.email, 'wrong-password-1', '203.0.113.50')).statusCode).toBe(401);
      }
      expect((await login(user.email, TEST_PASSWORD, '203.0.113.50')).statusCode).toBe(200);
    }
  });

  it('limits login attempts per address across many accounts', async () => {
    const ip = '192.0.2.9';
    const results = [];
    for (let i = 0; i <= IP_LIMITS.login; i++)
      results.push(await login(`spray${i}@example.com`, 'guess-123456', ip));
    expect(results.slice(0, IP_LIMITS.login).every((r) => r.statusCode === 401)).toBe(true);
    expectLimited(results[IP_LIMITS.login]!);
    // A different client is still served.
    expect((await login('spray0@example.com', 'guess-123456', '192.0.2.10')).statusCode).toBe(401);
  });

  it('counts an IPv6 client by its /64 network', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
