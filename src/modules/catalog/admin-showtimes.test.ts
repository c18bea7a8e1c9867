import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';
import { categoryId, createPerformance, createVenue } from '../../../test/catalog-fixtures.ts';
import { kstDay } from './calendar.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** PATCH /admin/showtimes/:id, and the field errors every validation problem carries. */
describe('editing a showtime', () => {
  const clock = new ManualClock();
  let env: TestEnv;
  let t: TestApp;
  let admin: TestUser;
  let user: TestUser;
  let performanceId: string;

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { clock });
    admin = await createUser(t.container, { role: 'ADMIN' });
    user = await createUser(t.container);
    const venueId = await createVenue(t.app, admin);
    performanceId = await createPerformance(t.app, admin, {
      venueId,
      categoryId: await categoryId(t),
      startDate: kstDay(clock.nowMs() + DAY),
      endDate: kstDay(clock.nowMs() + 60 * DAY),
    });
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const iso = (ms: number) => new Date(ms).toISOString();
  const newShowtime = async (opensInMs: number): Promise<string> => {
    const startsAt = clock.nowMs() + 10 * DAY;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/performances/${performanceId}/showtimes`,
      headers: admin.headers,
      payload: {
        startsAt: iso(startsAt),
        salesOpenAt: iso(clock.nowMs() + opensInMs),
        salesCloseAt: iso(startsAt - HOUR),
        maxTicketsPerUser: 4,
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const patch = (id: string, payload: object, headers: Record<string, string> = admin.headers) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/admin/showtimes/${id}`, headers, payload });

  it('changes times, the limit and the waiting room, and the public list shows them', async () => {
    const id = await newShowtime(DAY);
    const startsAt = clock.nowMs() + 12 * DAY;
    const res = await patch(id, {
      startsAt: iso(startsAt),
      salesCloseAt: iso(startsAt - 2 * HOUR),
      maxTicketsPerUser: 2,
      cast: [' 홍광호 ', '김소향'],
      queue: { enabled: true, admitPerSecond: 20 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      performanceId,
      startsAt: iso(startsAt),
      salesCloseAt: iso(startsAt - 2 * HOUR),
      maxTicketsPerUser: 2,
      cast: ['홍광호', '김소향'],
      queue: { enabled: true, admitPerSecond: 20, maxActive: 1000, sessionSeconds: 600 },
      soldSeats: 0,
    });
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/showtimes/${id}`,
      headers: admin.headers,
    });
    expect(read.json()).toEqual(res.json());
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${performanceId}/showtimes`,
    });
    expect(list.json().find((s: { id: string }) => s.id === id)).toMatchObject({
      startsAt: iso(startsAt),
      maxTicketsPerUser: 2,
      queueEnabled: true,
      cast: ['홍광호', '김소향'],
    });
  });

  it('answers 400 with the failing field and rule for dates out of order or outside the run', async () => {
    const id = await newShowtime(DAY);
    const current = (
      await t.app.inject({ method: 'GET', url: `/api/v1/admin/showtimes/${id}`, headers: admin.headers })
    ).json();
    const closeAfterStart = await patch(id, { salesCloseAt: iso(Date.parse(current.startsAt) + HOUR) });
    expect(closeAfterStart.statusCode).toBe(400);
    expect(closeAfterStart.json()).toMatchObject({
      code: 'INVALID_DATE_RANGE',
      errors: [{ field: 'body.salesCloseAt', rule: 'notAfter', other: 'startsAt' }],
    });
    const outsideRun = await patch(id, { startsAt: iso(clock.nowMs() + 90 * DAY) });
    expect(outsideRun.statusCode).toBe(400);
    expect(outsideRun.json().errors).toEqual([
      expect.objectContaining({ field: 'body.startsAt', rule: 'withinRun' }),
    ]);
    // Schema errors: ajv's keyword as the rule, with its bound.
    const schema = await patch(id, { maxTicketsPerUser: 50, startsAt: 'tomorrow' });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().code).toBe('VALIDATION_FAILED');
    expect(schema.json().detail).toContain('body.maxTicketsPerUser');
    expect(schema.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.maxTicketsPerUser', rule: 'maximum', limit: 20 }),
        expect.objectContaining({ field: 'body.startsAt', rule: 'format', format: 'date-time' }),
      ]),
    );
    expect((await patch(id, {})).statusCode).toBe(400);
    // Nothing changed.
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/showtimes/${id}`,
      headers: admin.headers,
    });
    expect(after.json()).toEqual(current);
  });

  it('names the field of a bad path id too', async () => {
    const res = await patch('not-a-uuid', { maxTicketsPerUser: 2 });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { field: string; rule: string }[];
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors)
      expect(e).toMatchObject({ field: 'params.id', rule: expect.stringMatching(/format|pattern/) });
  });

  it('keeps the start once a seat is sold, but the close and the limit may still change', async () => {
    const id = await newShowtime(-HOUR);
    await sql`UPDATE seats SET status = 'SOLD' WHERE id = (SELECT id FROM seats WHERE showtime_id = ${id} LIMIT 1)`.execute(
      t.container.db,
    );
    const current = (
      await t.app.inject({ method: 'GET', url: `/api/v1/admin/showtimes/${id}`, headers: admin.headers })
    ).json();
    expect(current.soldSeats).toBe(1);
    const move = await patch(id, { startsAt: iso(Date.parse(current.startsAt) + DAY) });
    expect(move.statusCode).toBe(409);
    expect(move.json()).toMatchObject({
      code: 'SHOWTIME_HAS_SALES',
      errors: [{ field: 'body.startsAt', rule: 'fixedAfterSales', soldSeats: 1 }],
    });
    // The same start, sent back by a form, is not a move.
    const same = await patch(id, { startsAt: current.startsAt, maxTicketsPerUser: 6 });
    expect(same.statusCode).toBe(200);
    const close = await patch(id, { salesCloseAt: iso(Date.parse(current.startsAt) - 3 * HOUR) });
    expect(close.statusCode).toBe(200);
    expect(close.json()).toMatchObject({ maxTicketsPerUser: 6 });
  });

  it('moves the opening until sales open, then keeps it (the clock moves, nobody sleeps)', async () => {
    const id = await newShowtime(2 * HOUR);
    const earlier = await patch(id, { salesOpenAt: iso(clock.nowMs() + HOUR) });
    expect(earlier.statusCode).toBe(200);
    clock.advance(HOUR + 1000);
    const later = await patch(id, { salesOpenAt: iso(clock.nowMs() + HOUR) });
    expect(later.statusCode).toBe(409);
    expect(later.json()).toMatchObject({
      code: 'SALES_ALREADY_OPEN',
      errors: [{ field: 'body.salesOpenAt', rule: 'fixedAfterOpen' }],
    });
  });

  it('is for admins only and 404s an unknown or deleted showtime', async () => {
    const id = await newShowtime(DAY);
    expect((await patch(id, { maxTicketsPerUser: 2 }, user.headers)).statusCode).toBe(403);
    expect((await patch(id, { maxTicketsPerUser: 2 }, {})).statusCode).toBe(401);
    const unknown = await patch('00000000-0000-4000-8000-000000000000', { maxTicketsPerUser: 2 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SHOWTIME_NOT_FOUND');
    await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/showtimes/${id}`, headers: admin.headers });
    expect((await patch(id, { maxTicketsPerUser: 2 })).statusCode).toBe(404);
  });

  it('names the field of a performance whose end comes before its start', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${performanceId}`,
      headers: admin.headers,
      payload: { startDate: kstDay(clock.nowMs() + 30 * DAY), endDate: kstDay(clock.nowMs() + 20 * DAY) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'INVALID_DATE_RANGE',
      errors: [{ field: 'body.endDate', rule: 'notBefore', other: 'startDate' }],
    });
  });

  it('keeps every showtime inside the run when the run is shortened', async () => {
    const id = await newShowtime(DAY); // starts in ten days
    const startDay = kstDay(clock.nowMs() + 10 * DAY);
    const shorter = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${performanceId}`,
      headers: admin.headers,
      payload: { endDate: kstDay(clock.nowMs() + 5 * DAY) },
    });
    expect(shorter.statusCode).toBe(400);
    expect(shorter.json()).toMatchObject({
      code: 'INVALID_DATE_RANGE',
      errors: [{ field: 'body.endDate', rule: 'coversShowtimes' }],
    });
    expect(shorter.json().errors[0].last >= startDay).toBe(true);
    const later = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${performanceId}`,
      headers: admin.headers,
      payload: { startDate: kstDay(clock.nowMs() + 11 * DAY) },
    });
    expect(later.statusCode).toBe(400);
    expect(later.json().errors[0]).toMatchObject({ field: 'body.startDate', rule: 'coversShowtimes' });
    // Longer is fine.
    const longer = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${performanceId}`,
      headers: admin.headers,
      payload: { endDate: kstDay(clock.nowMs() + 90 * DAY) },
    });
    expect(longer.statusCode).toBe(200);
    expect(id).toBeTruthy();
  });
});
