import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { ManualClock } from '../../../test/clock.ts';
import { createUser, TEST_PASSWORD, type TestUser } from '../../../test/factories.ts';
import { REFRESH_COOKIE } from './auth.routes.ts';

/** Refresh tokens expire on the injected clock: the test steps past the lifetime instead of waiting it out. */
describe('refresh token expiry', () => {
  const TTL_SECONDS = 3_600;
  const clock = new ManualClock();
  let env: TestEnv;
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, { REFRESH_TOKEN_TTL_SECONDS: String(TTL_SECONDS) }, 'api', { clock });
    user = await createUser(t.container);
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const login = async (): Promise<string> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    return res.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
  };
  const refresh = (cookie: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { [REFRESH_COOKIE]: cookie } });

  it('rotates a token until its lifetime has passed on the clock, then refuses it', async () => {
    const first = await login();
    clock.advance((TTL_SECONDS - 60) * 1000);
    const rotated = await refresh(first);
    expect(rotated.statusCode).toBe(200);
    const second = rotated.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;

    // The successor's lifetime starts at its rotation: still good just before its own end, then not.
    clock.advance((TTL_SECONDS - 1) * 1000);
    const third = await refresh(second);
    expect(third.statusCode).toBe(200);
    const stale = third.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;

    clock.advance((TTL_SECONDS + 1) * 1000);
    const expired = await refresh(stale);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('does not count an expired token presented again as reuse (the family is not revoked)', async () => {
    const cookie = await login();
    clock.advance((TTL_SECONDS + 1) * 1000);
    expect((await refresh(cookie)).json()).toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await refresh(cookie)).json()).toMatchObject({ code: 'INVALID_TOKEN' });
  });
});
