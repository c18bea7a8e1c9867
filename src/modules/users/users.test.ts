import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { REFRESH_COOKIE } from '../auth/auth.routes.ts';
import { PASSWORD_CHECK_POLICY } from './password-checks.ts';

describe('/users/me', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const me = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers });
  const patch = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers, payload });
  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('is 401 problem+json without a valid token', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer nonsense' },
      { authorization: 'Basic abc' },
    ]) {
      const res = await me(headers);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(['UNAUTHENTICATED', 'INVALID_TOKEN']).toContain(res.json().code);
    }
    expect((await patch({}, { nickname: 'x' })).statusCode).toBe(401);
  });

  it('documents the account routes in OpenAPI', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/docs/json' })).json().paths);
    for (const path of [
      '/api/v1/auth/email-verifications',
      '/api/v1/auth/email-verifications/confirm',
      '/api/v1/auth/signup',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/users/me',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it("returns the caller's own profile", async () => {
    const user = await createUser(t.container, { nickname: 'me-myself' });
    await createUser(t.container, { nickname: 'someone-else' });
    const res = await me(user.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: user.id,
      email: user.email,
      nickname: 'me-myself',
      role: 'USER',
      language: 'ko',
      consents: { marketing: { granted: false } },
    });
  });

  it('changes nickname, phone and birth date, and clears the phone with null', async () => {
    const user = await createUser(t.container);
    const res = await patch(user.headers, {
      nickname: '뮤지컬러버',
      phone: '+82 10 1234 5678',
      birthDate: '1990-05-17',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nickname: '뮤지컬러버',
      phone: '+82 10 1234 5678',
      birthDate: '1990-05-17',
    });
    expect((await me(user.headers)).json()).toMatchObject({
      nickname: '뮤지컬러버',
      birthDate: '1990-05-17',
    });
    const cleared = await patch(user.headers, { phone: null });
    expect(cleared.json().phone).toBeUndefined();
    expect(cleared.json().nickname).toBe('뮤지컬러버');
  });

  it('refuses bad profile input with the failing fields', async () => {
    const user = await createUser(t.container);
    const res = await patch(user.headers, {
      nickname: '',
      phone: 'call me',
      birthDate: '1990-13-45',
      role: 'ADMIN',
    });
    expect(res.statusCode).toBe(400);
    const fields = new Set(res.json().errors.map((e: { field: string }) => e.field));
    expect(fields).toEqual(new Set(['body.nickname', 'body.phone', 'body.birthDate', 'body.role']));
    expect((await patch(user.headers, {})).statusCode).toBe(400);
  });

  it('changes the password only with the current one, then signs out every device', async () => {
    const user = await createUser(t.container);
    const first = await login(user.email, TEST_PASSWORD);
    const cookie = first.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;

    const missing = await patch(user.headers, { newPassword: 'brand-new-pass-1' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'body.currentPassword' }],
    });
    const wrong = await patch(user.headers, {
      newPassword: 'brand-new-pass-1',
      currentPassword: 'not-it-123',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('WRONG_PASSWORD');
    const weak = await patch(user.headers, { newPassword: 'short-1', currentPassword: TEST_PASSWORD });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', errors: [{ field: 'body.newPassword' }] });

    const ok = await patch(user.headers, { newPassword: 'brand-new-pass-1', currentPassword: TEST_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.email, 'brand-new-pass-1')).statusCode).toBe(200);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { [REFRESH_COOKIE]: cookie },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('limits current-password guesses per account, whatever token or address they come with', async () => {
    const user = await createUser(t.container);
    // A second token of the same user: a stolen one, say.
    const stolen = {
      authorization: `Bearer ${await t.container.tokens.sign({ userId: user.id, role: 'USER' })}`,
    };
    const guess = (headers: Record<string, string>, currentPassword: string, remoteAddress: string) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/users/me',
        headers,
        remoteAddress,
        payload: { newPassword: 'taken-over-pass-1', currentPassword },
      });
    for (let i = 0; i < PASSWORD_CHECK_POLICY.maxFailures; i++) {
      const res = await guess(i % 2 ? stolen : user.headers, `guess-number-${i}`, `198.51.100.${i + 1}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('WRONG_PASSWORD');
    }
    // Spent: even the right password is refused now, from any token and address.
    const limited = await guess(stolen, TEST_PASSWORD, '198.51.100.99');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await guess(user.headers, TEST_PASSWORD, '203.0.113.5')).statusCode).toBe(429);
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);

    // Other changes and other accounts are not affected.
    expect((await patch(user.headers, { nickname: 'still-me' })).statusCode).toBe(200);
    const other = await createUser(t.container);
    expect((await guess(other.headers, TEST_PASSWORD, '198.51.100.99')).statusCode).toBe(200);
  });
});
