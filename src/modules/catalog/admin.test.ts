import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import {
  categoryId,
  createPerformance,
  createShowtime,
  createVenue,
  daysFromNow,
} from '../../../test/catalog-fixtures.ts';

describe('catalogue admin', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;
  let user: TestUser;
  let venueId: string;
  let musical: string;

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await createUser(t.container, { role: 'ADMIN' });
    user = await createUser(t.container);
    venueId = await createVenue(t.app, admin);
    musical = await categoryId(t);
  });
  afterAll(() => t.close());

  it('creates a venue and reports its seat count', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/venues',
      headers: admin.headers,
      payload: {
        name: '예술의전당 오페라극장',
        address: '서울 서초구 남부순환로 2406',
        sections: [
          { name: '1층', grade: 'R', rows: 20, seatsPerRow: 30 },
          { name: '2층', grade: 'S', rows: 10, seatsPerRow: 25 },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '예술의전당 오페라극장', seatCount: 850 });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/venues', headers: admin.headers });
    expect(list.json().map((v: { id: string }) => v.id)).toContain(res.json().id);
    // The grades, in section order, let the admin console price exactly the venue's grades.
    expect(list.json().find((v: { id: string }) => v.id === res.json().id)).toMatchObject({
      grades: ['R', 'S'],
    });
  });

  it('rejects bad venues with 400 and the failing field', async () => {
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/venues',
      headers: admin.headers,
      payload: {
        name: 'x',
        address: 'y',
        sections: [
          { name: 'A', grade: 'R', rows: 1, seatsPerRow: 1 },
          { name: 'A', grade: 'S', rows: 1, seatsPerRow: 1 },
        ],
      },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().code).toBe('VALIDATION_FAILED');
    const zero = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/venues',
      headers: admin.headers,
      payload: { name: 'x', address: 'y', sections: [{ name: 'A', grade: 'r', rows: 0, seatsPerRow: 1 }] },
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.sections.0.grade', 'body.sections.0.rows']),
    );
  });

  it('creates, reads, updates and soft-deletes a performance', async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical });
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      id,
      title: '레미제라블',
      category: { slug: 'musical' },
      venue: { id: venueId, name: '샤롯데씨어터' },
      runningMinutes: 170,
      ageRating: 8,
      cast: ['민우혁', '김우형'],
      posterUrl: `/api/v1/posters/${id}.svg`,
      prices: [
        { grade: 'VIP', price: 170_000 },
        { grade: 'R', price: 140_000 },
      ],
      status: 'ON_SALE',
      viewCount: 0,
      wishCount: 0,
    });

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${id}`,
      headers: admin.headers,
      payload: {
        title: '레미제라블 (2026)',
        status: 'CLOSED',
        prices: [
          { grade: 'VIP', price: 180_000 },
          { grade: 'R', price: 150_000 },
        ],
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ title: '레미제라블 (2026)', status: 'CLOSED' });
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` });
    expect(after.json().prices[0]).toEqual({ grade: 'VIP', price: 180_000 });

    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/performances/${id}`,
      headers: admin.headers,
    });
    expect(del.statusCode).toBe(204);
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('PERFORMANCE_NOT_FOUND');
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/performances/${id}`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(404);
  });

  it('validates dates, prices and references', async () => {
    const base = { venueId, categoryId: musical };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ startDate: daysFromNow(10), endDate: daysFromNow(5) }, 400, 'INVALID_DATE_RANGE'],
      [{ prices: [{ grade: 'VIP', price: 100 }] }, 422, 'GRADE_PRICE_MISSING'],
      [
        {
          prices: [
            { grade: 'VIP', price: 100 },
            { grade: 'R', price: 1 },
            { grade: 'Z', price: 5 },
          ],
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          prices: [
            { grade: 'VIP', price: 0 },
            { grade: 'R', price: 1 },
          ],
        },
        400,
        'VALIDATION_FAILED',
      ],
      [{ categoryId: '00000000-0000-4000-8000-000000000000' }, 404, 'CATEGORY_NOT_FOUND'],
      [{ venueId: '00000000-0000-4000-8000-000000000000' }, 404, 'VENUE_NOT_FOUND'],
      [{ startDate: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ runningMinutes: 0 }, 400, 'VALIDATION_FAILED'],
      [{ ageRating: 20 }, 400, 'VALIDATION_FAILED'],
      [{ title: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ status: 'ENDED' }, 400, 'VALIDATION_FAILED'],
      [{ extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ posterUrl: '//evil.example/x.png' }, 400, 'VALIDATION_FAILED'],
      [{ posterUrl: 'javascript:alert(1)' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [override, status, code] of cases) {
      await expect(createPerformance(t.app, admin, { ...base, ...override })).rejects.toThrow(
        new RegExp(`^performance: ${status} .*"code":"${code}"`),
      );
    }
  });

  it('generates the seat inventory of a showtime from sections and grade prices', async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical });
    const st = await createShowtime(t.app, admin, id);
    expect(st.seatCount).toBe(50);
    const map = await t.app.inject({ method: 'GET', url: `/api/v1/showtimes/${st.id}/seats` });
    expect(map.statusCode).toBe(200);
    const seats = map.json().seats as {
      section: string;
      row: string;
      number: number;
      grade: string;
      price: number;
      status: string;
    }[];
    expect(seats).toHaveLength(50);
    expect(
      seats.filter((s) => s.grade === 'VIP').every((s) => s.price === 170_000 && s.section === 'VIP석'),
    ).toBe(true);
    expect(seats.filter((s) => s.grade === 'R')).toHaveLength(30);
    expect(seats[0]).toMatchObject({ section: 'VIP석', row: '1', number: 1, status: 'AVAILABLE' });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}/showtimes` });
    expect(list.json()).toEqual([
      expect.objectContaining({
        id: st.id,
        status: 'ON_SALE',
        availableSeats: 50,
        totalSeats: 50,
        queueEnabled: false,
      }),
    ]);
  });

  it("sets a showtime's waiting-room opening time: the queue answers QUEUE_NOT_OPEN until then", async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical });
    const startsAt = new Date(Date.now() + 10 * 86400_000);
    const salesOpenAt = new Date(Date.now() + 3600_000);
    const create = (queue: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/performances/${id}/showtimes`,
        headers: admin.headers,
        payload: {
          startsAt: startsAt.toISOString(),
          salesOpenAt: salesOpenAt.toISOString(),
          salesCloseAt: new Date(startsAt.getTime() - 3600_000).toISOString(),
          maxTicketsPerUser: 4,
          queue,
        },
      });
    expect((await create({ enabled: true, opensBeforeMinutes: 1441 })).statusCode).toBe(400);

    const early = await create({ enabled: true, opensBeforeMinutes: 15 });
    expect(early.statusCode).toBe(201);
    const enter = await t.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${early.json().id}/queue`,
      headers: user.headers,
    });
    expect(enter.statusCode).toBe(409);
    expect(enter.json()).toMatchObject({
      code: 'QUEUE_NOT_OPEN',
      opensAt: new Date(salesOpenAt.getTime() - 15 * 60_000).toISOString(),
    });

    // Two hours ahead, inside the room's window: an early entrant waits for the draw.
    const wide = await create({ enabled: true, opensBeforeMinutes: 120 });
    const entered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${wide.json().id}/queue`,
      headers: user.headers,
    });
    expect(entered.statusCode).toBe(200);
    expect(entered.json()).toMatchObject({ status: 'WAITING', position: null });
  });

  it('rejects showtimes outside the run or with sales windows out of order', async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical });
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/performances/${id}/showtimes`,
        headers: admin.headers,
        payload,
      });
    const startsAt = new Date(Date.now() + 10 * 86400_000);
    const ok = {
      startsAt: startsAt.toISOString(),
      salesOpenAt: new Date().toISOString(),
      salesCloseAt: startsAt.toISOString(),
      maxTicketsPerUser: 4,
    };
    expect(
      (await post({ ...ok, salesCloseAt: new Date(startsAt.getTime() + 1000).toISOString() })).json().code,
    ).toBe('INVALID_DATE_RANGE');
    const late = new Date(Date.now() + 90 * 86400_000).toISOString();
    expect((await post({ ...ok, startsAt: late, salesCloseAt: late })).json().code).toBe(
      'INVALID_DATE_RANGE',
    );
    expect((await post({ ...ok, maxTicketsPerUser: 0 })).statusCode).toBe(400);
    expect((await post({ ...ok, startsAt: 'tomorrow' })).statusCode).toBe(400);
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/performances/00000000-0000-4000-8000-000000000000/showtimes`,
      headers: admin.headers,
      payload: ok,
    });
    expect(missing.json().code).toBe('PERFORMANCE_NOT_FOUND');
    expect((await post(ok)).statusCode).toBe(201);
  });

  it('shows DRAFT performances to admins only', async () => {
    const id = await createPerformance(t.app, admin, {
      venueId,
      categoryId: musical,
      status: 'DRAFT',
      title: '비공개 초안',
    });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}`, headers: user.headers }))
        .statusCode,
    ).toBe(404);
    const asAdmin = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${id}`,
      headers: admin.headers,
    });
    expect(asAdmin.json().status).toBe('DRAFT');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances?q=${encodeURIComponent('비공개')}`,
    });
    expect(list.json().total).toBe(0);
  });

  it('computes ENDED from endDate', async () => {
    const id = await createPerformance(t.app, admin, {
      venueId,
      categoryId: musical,
      startDate: daysFromNow(-30),
      endDate: daysFromNow(-1),
    });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` });
    expect(res.json().status).toBe('ENDED');
  });

  it('guards every admin route: 401 anonymous, 403 user, admin passes', async () => {
    const perf = await createPerformance(t.app, admin, { venueId, categoryId: musical });
    const st = await createShowtime(t.app, admin, perf);
    const routes: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: unknown }[] = [
      { method: 'GET', url: '/api/v1/admin/venues' },
      {
        method: 'POST',
        url: '/api/v1/admin/venues',
        payload: { name: 'v', address: 'a', sections: [{ name: 'A', grade: 'R', rows: 1, seatsPerRow: 1 }] },
      },
      { method: 'POST', url: '/api/v1/admin/performances', payload: {} },
      { method: 'PATCH', url: `/api/v1/admin/performances/${perf}`, payload: { title: '새 제목' } },
      { method: 'POST', url: `/api/v1/admin/performances/${perf}/showtimes`, payload: {} },
      { method: 'DELETE', url: `/api/v1/admin/showtimes/${st.id}` },
      { method: 'DELETE', url: `/api/v1/admin/performances/${perf}` },
      { method: 'DELETE', url: `/api/v1/admin/venues/${venueId}` },
    ];
    for (const r of routes) {
      const anon = await t.app.inject({ method: r.method, url: r.url, payload: r.payload as object });
      expect(anon.statusCode, `${r.method} ${r.url} anonymous`).toBe(401);
      const asUser = await t.app.inject({
        method: r.method,
        url: r.url,
        payload: r.payload as object,
        headers: user.headers,
      });
      expect(asUser.statusCode, `${r.method} ${r.url} user`).toBe(403);
    }
    // Nothing changed for the refused calls; the admin gets through each (2xx, or 400 for the empty bodies).
    for (const r of routes) {
      const res = await t.app.inject({
        method: r.method,
        url: r.url,
        payload: r.payload as object,
        headers: admin.headers,
      });
      expect([200, 201, 204, 400], `${r.method} ${r.url} admin`).toContain(res.statusCode);
    }
  });
});
