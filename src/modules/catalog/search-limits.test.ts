import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';

/**
 * The search routes' per-address budget (RATE_LIMIT_PER_MINUTE): the search's is leased from Redis a
 * slice at a time, the suggestions' counted by the plugin; both refuse past the budget alike, with the
 * same headers and 429 problem.
 */
describe('search rate limits', () => {
  let t: TestApp & { env: TestEnv };
  const LIMIT = 40;

  beforeAll(async () => {
    t = await setupTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => t.close());

  it.each(['/api/v1/performances?q=%EB%A0%88%EB%AF%B8', '/api/v1/search/suggestions?q=%EB%A0%88'])(
    '%s: the budget per address, then 429 with Retry-After',
    async (url) => {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i <= LIMIT; i++) {
        last = await t.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.7' });
        statuses.push(last.statusCode);
      }
      expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
      expect(statuses[LIMIT]).toBe(429);
      expect(last!.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      // Another address has its own budget.
      const other = await t.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.8' });
      expect(other.statusCode).toBe(200);
      expect(other.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));
    },
  );
});
