import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';

// Without verification, so these tests exercise the signup rules alone.
describe('signup rules and bad input', () => {
  let t: TestApp & { env: TestEnv };
  let ip = 0;
  beforeAll(async () => {
    t = await setupTestApp({ REQUIRE_EMAIL_VERIFICATION: 'false' });
  });
  afterAll(() => t.close());

  // A fresh client address per call keeps the per-IP signup limit out of these tests.
  const signup = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      remoteAddress: `10.0.${Math.floor(++ip / 250)}.${ip % 250}`,
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const problemOf = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) => {
    expect(res.headers['content-type']).toContain('application/problem+json');
    return res.json() as { code: string; status: number; errors?: { field: string; message: string }[] };
  };

  it('needs no verification token when REQUIRE_EMAIL_VERIFICATION is false', async () => {
    const res = await signup({ email: 'free@example.com', password: 'open-sesame-42', nickname: 'free' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'free@example.com', role: 'USER' });
  });

  it('records when the terms and the personal-data notice were agreed to, with the server time', async () => {
    const before = Date.now();
    const res = await signup({
      email: 'agreed@example.com',
      password: 'open-sesame-42',
      nickname: 'agreed',
      agreements: { terms: true, privacy: true },
    });
    expect(res.statusCode).toBe(201);
    const { termsAgreedAt, privacyAgreedAt } = res.json();
    for (const at of [termsAgreedAt, privacyAgreedAt]) {
      expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(at)).toBeLessThanOrEqual(Date.now() + 1000);
    }
    // Without them (an API client that does not ask), nothing is recorded.
    const plain = await signup({ email: 'plain@example.com', password: 'open-sesame-42', nickname: 'plain' });
    expect(plain.json().termsAgreedAt).toBeUndefined();
    expect(plain.json().privacyAgreedAt).toBeUndefined();
    const partial = await signup({
      email: 'partial@example.com',
      password: 'open-sesame-42',
      nickname: 'partial',
      agreements: { terms: true, privacy: false },
    });
    expect(partial.json().termsAgreedAt).toBeDefined();
    expect(partial.json().privacyAgreedAt).toBeUndefined();
  });

  it.each([
    ['short1!', 'at least 10 characters'],
    ['12345678901234', 'a letter'],
    ['onlylettersherepls', 'a digit or a symbol'],
    ['policy-tester-2024', 'must not contain the email'],
    ['aaaaaaaaaaaa', 'one repeated character'],
  ])('refuses the weak password %s', async (password, rule) => {
    const res = await signup({ email: 'policy-tester@example.com', password, nickname: 'p' });
    expect(res.statusCode).toBe(400);
    const problem = problemOf(res);
    expect(problem.code).toBe('WEAK_PASSWORD');
    expect(problem.errors?.map((e) => e.message).join(' ')).toContain(rule);
    expect(problem.errors?.[0]?.field).toBe('body.password');
  });

  it('gives exactly one 201 to 20 concurrent signups with one email', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signup({ email: 'race@example.com', password: 'concurrent-7-signups', nickname: `racer${i}` }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(problemOf(r).code).toBe('EMAIL_TAKEN');
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM users WHERE email = 'race@example.com'`.execute(t.container.db);
    expect(rows[0]!.n).toBe(1);
  });

  it('treats emails case-insensitively', async () => {
    expect(
      (await signup({ email: 'Case@Example.com', password: 'upper-lower-99', nickname: 'c' })).statusCode,
    ).toBe(201);
    const again = await signup({ email: 'case@EXAMPLE.com', password: 'upper-lower-99', nickname: 'c' });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).code).toBe('EMAIL_TAKEN');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await signup('{"email": "a@example.com", "password": ');
    expect(res.statusCode).toBe(400);
    expect(problemOf(res).code).toBe('MALFORMED_JSON');
  });

  it('lists every missing field', async () => {
    const res = await signup({});
    expect(res.statusCode).toBe(400);
    const problem = problemOf(res);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field).sort()).toEqual([
      'body.email',
      'body.nickname',
      'body.password',
    ]);
  });

  it('lists every field of the wrong type or format', async () => {
    const res = await signup({
      email: 'not-an-email',
      password: { x: 1 },
      nickname: ['a', 'b'],
      birthDate: 'soon',
    });
    expect(res.statusCode).toBe(400);
    const problem = problemOf(res);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(new Set(problem.errors?.map((e) => e.field))).toEqual(
      new Set(['body.email', 'body.password', 'body.nickname', 'body.birthDate']),
    );
  });

  it('refuses a role in the body: roles come from the database only', async () => {
    const res = await signup({
      email: 'climber@example.com',
      password: 'i-want-admin-1',
      nickname: 'c',
      role: 'ADMIN',
    });
    expect(res.statusCode).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.field)).toEqual(['body.role']);
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = JSON.stringify({
      email: 'big@example.com',
      password: 'x'.repeat(2 * 1024 * 1024),
      nickname: 'b',
    });
    const res = await signup(huge);
    expect(res.statusCode).toBe(413);
    expect(problemOf(res).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await signup('email=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(problemOf(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('rate-limits signups per client IP', async () => {
    const from = (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        remoteAddress: '192.0.2.77',
        payload: { email: `flood${n}@example.com`, password: 'flood-the-gates-1', nickname: 'f' },
      });
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await from(i));
    expect(results.slice(0, 20).every((r) => r.statusCode === 201)).toBe(true);
    expect(results[20]!.statusCode).toBe(429);
    expect(problemOf(results[20]!).code).toBe('RATE_LIMITED');
  });
});
