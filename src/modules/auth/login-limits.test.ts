import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { AUTH_POLICY } from './auth.service.ts';
import { IP_LIMITS } from './auth.routes.ts';

describe('login rate limits', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      payload: { email, password },
    });

  it('locks an email after repeated failures, from any IP, even with the right password', async () => {
    const user = await createUser(t.container);
    for (let i = 0; i < AUTH_POLICY.loginFailuresPerEmail; i++) {
      const res = await login(user.email, 'wrong-password-1', `198.51.100.${i + 1}`);
      expect(res.statusCode).toBe(401);
    }
    const locked = await login(user.email.toUpperCase(), TEST_PASSWORD, '198.51.100.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    // Another account is not affected.
    const other = await createUser(t.container);
    expect((await login(other.email, TEST_PASSWORD, '198.51.100.201')).statusCode).toBe(200);
  });

  it('holds the per-email limit against parallel guesses', async () => {
    const user = await createUser(t.container);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(user.email, `parallel-guess-${i}`, `198.51.100.${100 + i}`)),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(AUTH_POLICY.loginFailuresPerEmail);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - AUTH_POLICY.loginFailuresPerEmail);
  });

  it('resets the failure count on a successful login', async () => {
    const user = await createUser(t.container);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < AUTH_POLICY.loginFailuresPerEmail - 1; i++) {
        expect((await login(user.email, 'wrong-password-1', '203.0.113.50')).statusCode).toBe(401);
      }
      expect((await login(user.email, TEST_PASSWORD, '203.0.113.51')).statusCode).toBe(200);
    }
  });

  it('limits login attempts per IP across many emails', async () => {
    const ip = '192.0.2.9';
    const results = [];
    for (let i = 0; i <= IP_LIMITS.login; i++)
      results.push(await login(`spray${i}@example.com`, 'guess-123456', ip));
    expect(results.slice(0, IP_LIMITS.login).every((r) => r.statusCode === 401)).toBe(true);
    const limited = results[IP_LIMITS.login]!;
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('RATE_LIMITED');
    // A different client is still served.
    expect((await login('spray0@example.com', 'guess-123456', '192.0.2.10')).statusCode).toBe(401);
  });
});
