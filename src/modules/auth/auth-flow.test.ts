import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { sql } from 'kysely';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { codeIn, startSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { REFRESH_COOKIE } from './auth.routes.ts';

const PASSWORD = 'correct-horse-7';
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/** POST to the API of `t`, with the refresh cookie when given. */
const poster = (t: TestApp) => (url: string, payload?: object, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    ...(payload && { payload }),
    ...(cookie && { cookies: { [REFRESH_COOKIE]: cookie } }),
  });

describe('accounts: signup → verify → login → refresh → reuse → logout', () => {
  let smtp: TestSmtpServer;
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await setupTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const post = (url: string, payload?: object, cookie?: string) => poster(t)(url, payload, cookie);
  const refreshCookie = (res: { cookies: { name: string; value: string; path?: string }[] }) =>
    res.cookies.find((c) => c.name === REFRESH_COOKIE);
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  async function requestCode(email: string): Promise<string> {
    const res = await post('/auth/email-verifications', { email });
    expect(res.statusCode).toBe(202);
    return codeIn(await smtp.nextMailTo(email));
  }

  it('walks the whole account lifecycle', async () => {
    const email = 'Walker@Example.com';
    const code = await requestCode(email);
    expect(code).toMatch(/^\d{6}$/);
    const ttl = await t.container.redis.pttl('{em:walker@example.com}:code');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);

    const resend = await post('/auth/email-verifications', { email });
    expect(resend.statusCode).toBe(429);
    expect(resend.headers['content-type']).toContain('application/problem+json');
    expect(resend.json().code).toBe('RATE_LIMITED');
    expect(Number(resend.headers['retry-after'])).toBeGreaterThan(0);

    const unverified = await post('/auth/signup', { email, password: PASSWORD, nickname: 'walker' });
    expect(unverified.statusCode).toBe(400);
    expect(unverified.json().code).toBe('EMAIL_NOT_VERIFIED');

    const bad = await post('/auth/email-verifications/confirm', { email, code: wrong(code) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_CODE', attemptsLeft: 4 });

    const confirmed = await post('/auth/email-verifications/confirm', { email, code });
    expect(confirmed.statusCode).toBe(200);
    const { verificationToken } = confirmed.json();
    // A code works once.
    const again = await post('/auth/email-verifications/confirm', { email, code });
    expect(again.json().code).toBe('INVALID_CODE');

    const otherEmail = await post('/auth/signup', {
      email: 'someone-else@example.com',
      password: PASSWORD,
      nickname: 'x',
      verificationToken,
    });
    expect(otherEmail.json().code).toBe('EMAIL_NOT_VERIFIED');

    const signup = await post('/auth/signup', {
      email,
      password: PASSWORD,
      nickname: 'walker',
      phone: '010-1234-5678',
      verificationToken,
    });
    expect(signup.statusCode).toBe(201);
    const user = signup.json();
    expect(user).toMatchObject({ email: 'walker@example.com', nickname: 'walker', role: 'USER' });
    const { rows } = await sql<{ verified: boolean; hash: string }>`
      SELECT email_verified_at IS NOT NULL AS verified, password_hash AS hash FROM users WHERE id = ${user.id}`.execute(
      t.container.db,
    );
    expect(rows[0]).toMatchObject({ verified: true, hash: expect.stringMatching(/^\$argon2id\$/) });

    const wrongPassword = await post('/auth/login', { email, password: 'not-the-password-1' });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().code).toBe('INVALID_CREDENTIALS');
    const unknown = await post('/auth/login', { email: 'nobody@example.com', password: PASSWORD });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');

    const login = await post('/auth/login', { email, password: PASSWORD });
    expect(login.statusCode).toBe(200);
    const session = login.json();
    expect(session).toMatchObject({ tokenType: 'Bearer', user: { id: user.id, role: 'USER' } });
    expect(session.expiresIn).toBeLessThanOrEqual(900);
    const claims = decodeJwt(session.accessToken);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(900);
    expect(JSON.stringify(session)).not.toContain('refresh');
    const c1 = refreshCookie(login)!;
    expect(c1).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(c1.value.length).toBeGreaterThanOrEqual(40);
    const stored = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = ${c1.value}`.execute(t.container.db);
    expect(stored.rows[0]!.n).toBe(0); // only its hash is stored

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: user.id,
      email: 'walker@example.com',
      nickname: 'walker',
      role: 'USER',
      phone: '010-1234-5678',
      language: 'ko',
      consents: { marketing: { granted: false } },
    });

    const r1 = await post('/auth/refresh', undefined, c1.value);
    expect(r1.statusCode).toBe(200);
    expect(r1.json().user.id).toBe(user.id);
    const c2 = refreshCookie(r1)!;
    expect(c2.value).not.toBe(c1.value);
    const r2 = await post('/auth/refresh', undefined, c2.value);
    expect(r2.statusCode).toBe(200);
    const c3 = refreshCookie(r2)!;

    // c1 was rotated away a minute ago (past the grace for racing tabs): presenting it again is
    // theft or replay, and kills the family.
    await sql`UPDATE refresh_tokens SET used_at = used_at - interval '1 minute'
              WHERE token_hash = ${digest(c1.value)}`.execute(t.container.db);
    const reuse = await post('/auth/refresh', undefined, c1.value);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.headers['content-type']).toContain('application/problem+json');
    expect(reuse.json().code).toBe('REFRESH_TOKEN_REUSED');
    const afterReuse = await post('/auth/refresh', undefined, c3.value);
    expect(afterReuse.statusCode).toBe(401);
    expect(afterReuse.json().code).toBe('INVALID_TOKEN');

    const login2 = await post('/auth/login', { email, password: PASSWORD });
    const c4 = refreshCookie(login2)!;
    const logout = await post('/auth/logout', undefined, c4.value);
    expect(logout.statusCode).toBe(204);
    const cleared = refreshCookie(logout)!;
    expect(cleared.value).toBe('');
    expect(cleared.path).toBe('/api/v1/auth');
    const afterLogout = await post('/auth/refresh', undefined, c4.value);
    expect(afterLogout.statusCode).toBe(401);
    expect(afterLogout.json().code).toBe('INVALID_TOKEN');

    const noCookie = await post('/auth/refresh');
    expect(noCookie.statusCode).toBe(401);
  });

  it('locks a code after 5 wrong tries, even against parallel guesses', async () => {
    const email = 'guesser@example.com';
    const code = await requestCode(email);
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () =>
        post('/auth/email-verifications/confirm', { email, code: wrong(code) }),
      ),
    );
    const codes = guesses.map((g) => g.json().code).sort();
    expect(codes.filter((c) => c === 'INVALID_CODE')).toHaveLength(4);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(4);
    const right = await post('/auth/email-verifications/confirm', { email, code });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('gives two tabs refreshing with one cookie a session each, and still catches a later replay', async () => {
    const email = 'racer@example.com';
    const code = await requestCode(email);
    const token = (await post('/auth/email-verifications/confirm', { email, code })).json().verificationToken;
    await post('/auth/signup', { email, password: PASSWORD, nickname: 'racer', verificationToken: token });
    const cookie = refreshCookie(await post('/auth/login', { email, password: PASSWORD }))!.value;
    const racing = await Promise.all([1, 2, 3].map(() => post('/auth/refresh', undefined, cookie)));
    expect(racing.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const successors = racing.map((r) => refreshCookie(r)!.value);
    expect(new Set(successors).size).toBe(3);
    const live = await Promise.all(successors.map((c) => post('/auth/refresh', undefined, c)));
    expect(live.map((r) => r.statusCode)).toEqual([200, 200, 200]);

    await sql`UPDATE refresh_tokens SET used_at = used_at - interval '1 minute'
              WHERE token_hash = ${digest(cookie)}`.execute(t.container.db);
    const replay = await post('/auth/refresh', undefined, cookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('REFRESH_TOKEN_REUSED');
    const newest = refreshCookie(live[0]!)!.value;
    expect((await post('/auth/refresh', undefined, newest)).json().code).toBe('INVALID_TOKEN');
  });
});

describe('refresh without a grace period', () => {
  it('lets a refresh rotate only once when two race with the same token', async () => {
    const t = await setupTestApp({ REFRESH_REUSE_GRACE_SECONDS: '0', REQUIRE_EMAIL_VERIFICATION: 'false' });
    try {
      const post = poster(t);
      const email = 'strict@example.com';
      await post('/auth/signup', { email, password: PASSWORD, nickname: 'strict' });
      const login = await post('/auth/login', { email, password: PASSWORD });
      const cookie = login.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
      const [a, b] = await Promise.all([
        post('/auth/refresh', undefined, cookie),
        post('/auth/refresh', undefined, cookie),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 401]);
    } finally {
      await t.close();
    }
  });
});

describe('verification mail when the SMTP server is down', () => {
  it('answers 503 and lets the user ask again at once', async () => {
    const t = await setupTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const ask = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/email-verifications',
          payload: { email: 'x@example.com' },
        });
      const first = await ask();
      expect(first.statusCode).toBe(503);
      expect(first.json().code).toBe('SERVICE_UNAVAILABLE');
      expect((await ask()).statusCode).toBe(503); // not 429: the failed send did not count
    } finally {
      await t.close();
    }
  });
});
