import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';
import { categoryId, createPerformance, createVenue } from '../../../test/catalog-fixtures.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** What the detail page asks before a seat is picked: where, how to get there, who plays, what is left. */
describe('venue details, showtime cast and seats left per grade', () => {
  const clock = new ManualClock();
  let env: TestEnv;
  let t: TestApp;
  let admin: TestUser;
  let buyer: TestUser;
  let musical: string;

  beforeAll(async () => {
    env = await createTestEnv({ REFUND_POLICY: '7:100,3:50,1:20' });
    t = await createTestApp(env, {}, 'api', { clock });
    admin = await createUser(t.container, { role: 'ADMIN' });
    buyer = await createUser(t.container);
    musical = await categoryId(t);
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, who = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });

  const sections = [
    { name: 'VIP석', grade: 'VIP', rows: 1, seatsPerRow: 4 },
    { name: '1층', grade: 'R', rows: 2, seatsPerRow: 5 },
  ];

  it('stores a venue location and contact, shows them in the detail, and edits them', async () => {
    const created = await api('POST', '/admin/venues', {
      name: '블루스퀘어 신한카드홀',
      address: '서울 용산구 이태원로 294',
      sections,
      latitude: 37.5407,
      longitude: 127.0026,
      phone: '1544-1591',
      parking: '건물 지하 주차장, 관람객 4시간 3,000원',
      directions: '6호선 한강진역 2번 출구 바로 앞',
    });
    expect(created.statusCode).toBe(201);
    const venueId = created.json().id as string;
    const perf = await createPerformance(t.app, admin, { venueId, categoryId: musical, title: '시카고' });

    const detail = await api('GET', `/performances/${perf}`);
    expect(detail.json().venue).toEqual({
      id: venueId,
      name: '블루스퀘어 신한카드홀',
      address: '서울 용산구 이태원로 294',
      latitude: 37.5407,
      longitude: 127.0026,
      phone: '1544-1591',
      parking: '건물 지하 주차장, 관람객 4시간 3,000원',
      directions: '6호선 한강진역 2번 출구 바로 앞',
    });

    const patched = await api('PATCH', `/admin/venues/${venueId}`, {
      name: '블루스퀘어 마스터카드홀',
      latitude: 37.54,
      longitude: 127.003,
      parking: null,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      id: venueId,
      name: '블루스퀘어 마스터카드홀',
      latitude: 37.54,
      longitude: 127.003,
      phone: '1544-1591',
      parking: null,
      grades: ['VIP', 'R'],
      seatCount: 14,
    });
    // The detail cache of every performance at the venue was cleared, and a rename reaches search.
    expect((await api('GET', `/performances/${perf}`)).json().venue).toMatchObject({
      name: '블루스퀘어 마스터카드홀',
      latitude: 37.54,
      parking: null,
    });
    const found = await api('GET', `/performances?q=${encodeURIComponent('마스터카드홀')}`);
    expect(found.json().items.map((p: { id: string }) => p.id)).toContain(perf);
  });

  it('rejects coordinates out of range or without their pair with a 400 problem naming the field', async () => {
    const venueId = await createVenue(t.app, admin);
    const bad = await api('PATCH', `/admin/venues/${venueId}`, { latitude: 91, longitude: 127 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('body.latitude');

    const half = await api('PATCH', `/admin/venues/${venueId}`, { longitude: 127 });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors).toEqual([expect.objectContaining({ field: 'body.latitude' })]);

    const onCreate = await api('POST', '/admin/venues', {
      name: 'x',
      address: 'y',
      sections,
      latitude: 37.5,
      longitude: 181,
    });
    expect(onCreate.statusCode).toBe(400);
    expect(onCreate.json().code).toBe('VALIDATION_FAILED');

    // The database holds the same rule, whatever writes to it.
    await expect(
      sql`UPDATE venues SET latitude = 95, longitude = 0 WHERE id = ${venueId}`.execute(t.container.db),
    ).rejects.toThrow(/venues_latitude_range/);

    expect((await api('PATCH', `/admin/venues/${venueId}`, {})).statusCode).toBe(400);
    const missing = await api('PATCH', '/admin/venues/00000000-0000-4000-8000-000000000000', {
      phone: '02-1234-5678',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('VENUE_NOT_FOUND');
    expect(
      (await api('PATCH', `/admin/venues/${venueId}`, { phone: '02-1234-5678' }, buyer)).statusCode,
    ).toBe(403);
  });

  it('lists each showtime with its cast and seats left per grade, following holds and sales', async () => {
    const venueId = await createVenue(t.app, admin, sections);
    const perf = await createPerformance(t.app, admin, {
      venueId,
      categoryId: musical,
      prices: [
        { grade: 'VIP', price: 150_000 },
        { grade: 'R', price: 120_000 },
      ],
    });
    const startsAt = new Date(clock.nowMs() + 10 * DAY);
    const created = await api('POST', `/admin/performances/${perf}/showtimes`, {
      startsAt: startsAt.toISOString(),
      salesOpenAt: new Date(clock.nowMs() - HOUR).toISOString(),
      salesCloseAt: new Date(startsAt.getTime() - HOUR).toISOString(),
      maxTicketsPerUser: 4,
      cast: ['최재림', ' 아이비 '],
    });
    expect(created.statusCode).toBe(201);
    const showtimeId = created.json().id as string;

    const list = async () => (await api('GET', `/performances/${perf}/showtimes`)).json()[0];
    expect(await list()).toMatchObject({
      cast: ['최재림', '아이비'],
      availableSeats: 14,
      availableByGrade: [
        { grade: 'VIP', price: 150_000, available: 4, total: 4 },
        { grade: 'R', price: 120_000, available: 10, total: 10 },
      ],
    });

    const seats = (await api('GET', `/showtimes/${showtimeId}/seats`)).json().seats as {
      id: string;
      grade: string;
    }[];
    const vip = seats.filter((s) => s.grade === 'VIP').map((s) => s.id);
    const held = await api('POST', `/showtimes/${showtimeId}/holds`, { seatIds: vip.slice(0, 2) }, buyer);
    expect(held.statusCode).toBe(201);
    expect((await list()).availableByGrade).toEqual([
      { grade: 'VIP', price: 150_000, available: 2, total: 4 },
      { grade: 'R', price: 120_000, available: 10, total: 10 },
    ]);

    // A sale (written by checkout) shows once the one-second sold-seat micro-cache has turned over.
    const r = seats.find((s) => s.grade === 'R')!.id;
    await sql`UPDATE seats SET status = 'SOLD' WHERE id = ${r}`.execute(t.container.db);
    await vi.waitFor(
      async () =>
        expect((await list()).availableByGrade).toEqual([
          { grade: 'VIP', price: 150_000, available: 2, total: 4 },
          { grade: 'R', price: 120_000, available: 9, total: 10 },
        ]),
      { timeout: 3000, interval: 200 },
    );
    expect((await list()).availableSeats).toBe(11);
  });

  it('shows a showtime before its sales open until the clock passes the open time', async () => {
    const venueId = await createVenue(t.app, admin, sections);
    const perf = await createPerformance(t.app, admin, {
      venueId,
      categoryId: musical,
      prices: [
        { grade: 'VIP', price: 150_000 },
        { grade: 'R', price: 120_000 },
      ],
    });
    const opens = clock.nowMs() + 2 * HOUR;
    const startsAt = new Date(clock.nowMs() + 5 * DAY);
    await api('POST', `/admin/performances/${perf}/showtimes`, {
      startsAt: startsAt.toISOString(),
      salesOpenAt: new Date(opens).toISOString(),
      salesCloseAt: new Date(startsAt.getTime() - HOUR).toISOString(),
      maxTicketsPerUser: 4,
    });
    const first = (await api('GET', `/performances/${perf}/showtimes`)).json()[0];
    expect(first).toMatchObject({
      status: 'BEFORE_SALES',
      cast: [],
      salesOpenAt: new Date(opens).toISOString(),
    });
    clock.advance(2 * HOUR + 1000);
    expect((await api('GET', `/performances/${perf}/showtimes`)).json()[0].status).toBe('ON_SALE');
  });

  it('publishes the refund policy and the cancel deadline from REFUND_POLICY', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/refund-policy' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      rules: [
        { daysBefore: 7, percent: 100 },
        { daysBefore: 3, percent: 50 },
        { daysBefore: 1, percent: 20 },
      ],
      cancelDeadlineHoursBefore: 24,
    });
  });
});
