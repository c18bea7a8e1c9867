import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../test/context.ts';
import { createUser } from '../../test/factories.ts';

/** Spellings of one bearer token that the auth guard accepts alike. */
const spellings = (token: string) => [
  `Bearer ${token}`,
  `Bearer   ${token}`,
  `Bearer ${token}   `,
  `Bearer \t${token}`,
];

describe('per-user rate limits key on the authenticated user', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  // Both routes allow 60 per minute per user, on showtimes and payments that do not exist, so nothing
  // but the limit is exercised. The hold limit counts attempts that pass the schema (it guards the
  // stores the service asks next), so a hold gets a valid body; payment completion counts before it.
  const routes = [
    {
      name: 'seat holds',
      url: () => `/api/v1/showtimes/${randomUUID()}/holds`,
      payload: { seatIds: [randomUUID()] },
      max: 60,
    },
    {
      name: 'payment completion',
      url: () => `/api/v1/payments/${randomUUID()}/complete`,
      payload: {},
      max: 60,
    },
  ];

  for (const route of routes) {
    it(`${route.name}: one token with extra spaces shares one budget and gets 429`, async () => {
      const [user, other] = [await createUser(t.container), await createUser(t.container)];
      const forms = spellings(user.token);
      const post = (authorization: string) =>
        t.app.inject({
          method: 'POST',
          url: route.url(),
          headers: { authorization },
          payload: route.payload,
        });

      for (let i = 0; i < route.max; i++) {
        const res = await post(forms[i % forms.length]!);
        expect(res.statusCode, `request ${i + 1}`).not.toBe(429);
      }
      for (const form of forms) {
        const limited = await post(form);
        expect(limited.statusCode).toBe(429);
        expect(limited.headers['content-type']).toContain('application/problem+json');
        expect(limited.json().code).toBe('RATE_LIMITED');
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Another user at the same address has a budget of their own.
      expect((await post(other.headers.authorization)).statusCode).not.toBe(429);
    });
  }

  it('counts an invalid token by address, not by the token text', async () => {
    // Payment completion counts before the guard (the hold limit counts after it: the guard's 401 asks
    // no store).
    const post = (authorization: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/payments/${randomUUID()}/complete`,
        remoteAddress: '198.51.100.77',
        headers: { authorization },
        payload: {},
      });
    for (let i = 0; i < 60; i++) expect((await post(`Bearer forged-${i}`)).statusCode).not.toBe(429);
    expect((await post('Bearer forged-again')).statusCode).toBe(429);
  });
});
