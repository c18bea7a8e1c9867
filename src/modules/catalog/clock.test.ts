import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';
import { categoryId, createPerformance, createVenue } from '../../../test/catalog-fixtures.ts';
import { endOfKstDay, kstDay } from './calendar.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The catalogue reads "now" from the injected clock: a test moves it instead of sleeping. */
describe('catalogue time from the injected clock', () => {
  const clock = new ManualClock();
  let env: TestEnv;
  let t: TestApp;
  let admin: TestUser;
  let venueId: string;
  let musical: string;

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { clock });
    admin = await createUser(t.container, { role: 'ADMIN' });
    venueId = await createVenue(t.app, admin);
    musical = await categoryId(t);
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}` });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('opens and closes sales and ends the run as the clock moves, without sleeping', async () => {
    const start = clock.nowMs();
    const endDate = kstDay(start + 20 * DAY);
    const id = await createPerformance(t.app, admin, {
      venueId,
      categoryId: musical,
      title: '시카고',
      startDate: kstDay(start),
      endDate,
    });
    const startsAt = start + 10 * DAY;
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/performances/${id}/showtimes`,
      headers: admin.headers,
      payload: {
        startsAt: new Date(startsAt).toISOString(),
        salesOpenAt: new Date(start + HOUR).toISOString(),
        salesCloseAt: new Date(startsAt - HOUR).toISOString(),
        maxTicketsPerUser: 4,
      },
    });
    expect(created.statusCode).toBe(201);
    const showtimeStatus = async (): Promise<string> =>
      (await get(`/performances/${id}/showtimes`))[0].status;
    const ids = async (query: string): Promise<string[]> =>
      (await get(`/performances?${query}`)).items.map((p: { id: string }) => p.id);

    expect(await showtimeStatus()).toBe('BEFORE_SALES');
    clock.advance(2 * HOUR);
    expect(await showtimeStatus()).toBe('ON_SALE');
    clock.set(startsAt - HOUR / 2);
    expect(await showtimeStatus()).toBe('SALES_CLOSED');
    expect((await get(`/performances/${id}`)).status).toBe('ON_SALE');
    expect(await ids('status=ENDED')).not.toContain(id);

    // Past the last day (KST) of the run: ENDED everywhere, though the cached entries were filled before.
    clock.set(endOfKstDay(endDate) + HOUR);
    expect((await get(`/performances/${id}`)).status).toBe('ENDED');
    expect(await ids('status=ENDED')).toContain(id);
    expect(await ids('status=ON_SALE')).not.toContain(id);
    expect(await showtimeStatus()).toBe('SALES_CLOSED');
  });
});
