import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createShowtimeWithSeats, createUser, type TestUser } from './factories.ts';
import { setupTestApp, type TestApp } from './context.ts';

/**
 * API.md "Conventions": an id is a canonical lowercase UUID; any other spelling, in a path, a query or
 * a body, is 400 VALIDATION_FAILED and never a second identity of the same row.
 */
const upper = (id: string) => id.toUpperCase();
const spellings = (id: string) => ({
  upper: upper(id),
  urn: `urn:uuid:${id}`,
  braces: `{${id}}`,
});

function expectValidationProblem(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
}

describe('one identity per row', () => {
  let t: TestApp;
  let buyer: TestUser;
  let rival: TestUser;
  let admin: TestUser;
  const hold = (user: TestUser, showtimeId: string, seatIds: string[]) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${showtimeId}/holds`,
      headers: user.headers,
      payload: { seatIds },
    });

  beforeAll(async () => {
    t = await setupTestApp();
    [buyer, rival, admin] = await Promise.all([
      createUser(t.container),
      createUser(t.container),
      createUser(t.container, { role: 'ADMIN' }),
    ]);
  });
  afterAll(() => t.close());

  it('an upper-case showtime id cannot take a seat someone else holds', async () => {
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 4 });
    const seat = st.seats[0]!.id;
    expect((await hold(buyer, st.showtimeId, [seat])).statusCode).toBe(201);

    expectValidationProblem(await hold(rival, upper(st.showtimeId), [seat]));
    // Nor by spelling the seat id differently in the body.
    expectValidationProblem(await hold(rival, st.showtimeId, [upper(seat)]));

    // One inventory: the seat stays the buyer's, and the canonical id says so.
    expect(await t.container.booking.heldSeatIds(st.showtimeId)).toEqual(new Set([seat]));
    const again = await hold(rival, st.showtimeId, [seat]);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'SEATS_UNAVAILABLE', seatIds: [seat] });
  });

  it('an upper-case showtime id cannot open a second per-user limit', async () => {
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 6, maxTicketsPerUser: 2 });
    const user = await createUser(t.container);
    const [a, b, c, d] = st.seats.map((s) => s.id);
    expect((await hold(user, st.showtimeId, [a!, b!])).statusCode).toBe(201);
    expectValidationProblem(await hold(user, upper(st.showtimeId), [c!, d!]));
    expect((await t.container.booking.heldSeatIds(st.showtimeId)).size).toBe(2);
    const over = await hold(user, st.showtimeId, [c!]);
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('TICKET_LIMIT_EXCEEDED');
  });

  it('urn:uuid:, braces and upper case are 400 VALIDATION_FAILED on every id-taking route', async () => {
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 2 });
    const seat = st.seats[0]!.id;
    const anyId = '0b6e2f1c-5d3a-4e8f-9a1b-2c3d4e5f6a7b';
    const cases: { name: string; request: (bad: string) => InjectOptions }[] = [
      {
        name: 'hold: showtime in path',
        request: (bad) => ({
          method: 'POST',
          url: `/api/v1/showtimes/${bad}/holds`,
          headers: buyer.headers,
          payload: { seatIds: [seat] },
        }),
      },
      {
        name: 'hold: seat in body',
        request: (bad) => ({
          method: 'POST',
          url: `/api/v1/showtimes/${st.showtimeId}/holds`,
          headers: buyer.headers,
          payload: { seatIds: [bad] },
        }),
      },
      {
        name: 'release a hold',
        request: (bad) => ({ method: 'DELETE', url: `/api/v1/holds/${bad}`, headers: buyer.headers }),
      },
      { name: 'seat map', request: (bad) => ({ method: 'GET', url: `/api/v1/showtimes/${bad}/seats` }) },
      {
        name: 'reservation: holdId in body',
        request: (bad) => ({
          method: 'POST',
          url: '/api/v1/reservations',
          headers: { ...buyer.headers, 'idempotency-key': `ids-${Math.random().toString(36).slice(2)}` },
          payload: { holdId: bad },
        }),
      },
      {
        name: 'reservation: userCouponId in body',
        request: (bad) => ({
          method: 'POST',
          url: '/api/v1/reservations',
          headers: { ...buyer.headers, 'idempotency-key': `ids-${Math.random().toString(36).slice(2)}` },
          payload: { holdId: anyId, userCouponId: bad },
        }),
      },
      {
        name: 'one reservation',
        request: (bad) => ({ method: 'GET', url: `/api/v1/reservations/${bad}`, headers: buyer.headers }),
      },
      {
        name: 'cancel a reservation',
        request: (bad) => ({
          method: 'POST',
          url: `/api/v1/reservations/${bad}/cancel`,
          headers: buyer.headers,
        }),
      },
      {
        name: 'ticket QR',
        request: (bad) => ({ method: 'GET', url: `/api/v1/tickets/${bad}/qr.svg`, headers: buyer.headers }),
      },
      {
        name: 'coupon issue',
        request: (bad) => ({ method: 'POST', url: `/api/v1/coupons/${bad}/issue`, headers: buyer.headers }),
      },
      {
        name: 'performance detail',
        request: (bad) => ({ method: 'GET', url: `/api/v1/performances/${bad}` }),
      },
      {
        name: 'performance showtimes',
        request: (bad) => ({ method: 'GET', url: `/api/v1/performances/${bad}/showtimes` }),
      },
      {
        name: 'queue entry',
        request: (bad) => ({ method: 'POST', url: `/api/v1/showtimes/${bad}/queue`, headers: buyer.headers }),
      },
      {
        name: 'payment completion',
        request: (bad) => ({
          method: 'POST',
          url: `/api/v1/payments/${bad}/complete`,
          headers: buyer.headers,
        }),
      },
      {
        name: 'check-in: showtimeId in body',
        request: (bad) => ({
          method: 'POST',
          url: '/api/v1/admin/check-ins',
          headers: admin.headers,
          payload: { code: 'x', showtimeId: bad },
        }),
      },
      {
        name: 'admin: performance categoryId in body',
        request: (bad) => ({
          method: 'PATCH',
          url: `/api/v1/admin/performances/${st.performanceId}`,
          headers: admin.headers,
          payload: { categoryId: bad },
        }),
      },
      {
        name: 'admin: live figures',
        request: (bad) => ({
          method: 'GET',
          url: `/api/v1/admin/showtimes/${bad}/live`,
          headers: admin.headers,
        }),
      },
    ];
    const ids = { showtime: st.showtimeId, seat, any: anyId };
    for (const c of cases) {
      const id = c.name.startsWith('hold: showtime') || c.name === 'seat map' ? ids.showtime : ids.any;
      const base = c.name === 'hold: seat in body' ? ids.seat : id;
      for (const [kind, bad] of Object.entries(spellings(base))) {
        const res = await t.app.inject(c.request(bad));
        expect.soft(res.statusCode, `${c.name} with ${kind}: ${res.body}`).toBe(400);
        if (res.statusCode === 400) expectValidationProblem(res);
      }
    }
  });

  it("an over-long or malformed path parameter is a 4xx problem, not the router's own JSON", async () => {
    expectValidationProblem(await t.app.inject({ method: 'GET', url: '/api/v1/performances/%E0%A4%A' }));
    // Past the router's parameter limit no API route matches: a 400 from the router, or, when the
    // built web app is served, its fallback's 404 for an unknown /api path. Both are problems.
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${'x'.repeat(300)}` });
    expect([400, 404]).toContain(long.statusCode);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(long.json().code).toBe(long.statusCode === 400 ? 'VALIDATION_FAILED' : 'NOT_FOUND');
  });

  it('a deleted performance is gone under every spelling of its id', async () => {
    const st = await createShowtimeWithSeats(t.container);
    const id = st.performanceId;
    const canonical = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` });
    expect(canonical.statusCode).toBe(200);
    const before = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${upper(id)}` });
    expect(before.statusCode).not.toBe(200);

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/performances/${id}`,
      headers: admin.headers,
    });
    expect(deleted.statusCode).toBe(204);
    for (const spelling of [id, ...Object.values(spellings(id))]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${spelling}` });
      expect(res.statusCode, spelling).not.toBe(200);
    }
  });

  it('the OpenAPI document gives every id parameter the canonical pattern', async () => {
    const doc = t.app.swagger() as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; schema?: { pattern?: string } }[] }>
      >;
    };
    // Chat messages are the one row with a sequence id (ordered, for history paging and resume).
    const sequenceIds = new Set([
      '/api/v1/chat/messages/{id}/reports',
      '/api/v1/admin/chat/messages/{id}/delete',
    ]);
    const idParams = Object.entries(doc.paths)
      .filter(([path]) => !sequenceIds.has(path))
      .flatMap(([, ops]) => Object.values(ops))
      .flatMap((op) => op.parameters ?? [])
      .filter((p) => p.name === 'id' || p.name.endsWith('Id'));
    expect(idParams.length).toBeGreaterThan(10);
    for (const p of idParams) expect(p.schema?.pattern, p.name).toMatch(/^\^\[0-9a-f\]\{8\}/);
    for (const path of sequenceIds) {
      const id = Object.values(doc.paths[path] ?? {})
        .flatMap((op) => op.parameters ?? [])
        .find((p) => p.name === 'id') as { schema?: { type?: string; minimum?: number } } | undefined;
      expect(id?.schema, path).toMatchObject({ type: 'integer', minimum: 1 });
    }
  });
});

describe('paging bounds', () => {
  let t: TestApp;
  let user: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await setupTestApp();
    [user, admin] = await Promise.all([createUser(t.container), createUser(t.container, { role: 'ADMIN' })]);
  });
  afterAll(() => t.close());

  it('page=1e20, page=0, size=100000 and their kin are 400 on every list route, never a 500', async () => {
    const lists = [
      { url: '/api/v1/performances', headers: {} },
      { url: '/api/v1/reservations', headers: user.headers },
      { url: '/api/v1/admin/coupons', headers: admin.headers },
    ];
    const bad = [
      'page=1e20',
      'page=0',
      'page=-1',
      'page=1.5',
      'page=NaN',
      'page=10001',
      'size=100000',
      'size=0',
      'size=1e20',
      // ajv coerces these to Infinity, which its own minimum/maximum checks let through.
      'page=Infinity',
      `page=${'9'.repeat(400)}`,
      'size=1e400',
    ];
    for (const list of lists) {
      for (const query of bad) {
        const res = await t.app.inject({ method: 'GET', url: `${list.url}?${query}`, headers: list.headers });
        expect.soft(res.statusCode, `${list.url}?${query}: ${res.body}`).toBe(400);
        if (res.statusCode === 400) expectValidationProblem(res);
      }
      const ok = await t.app.inject({
        method: 'GET',
        url: `${list.url}?page=1&size=100`,
        headers: list.headers,
      });
      expect(ok.statusCode, `${list.url}: ${ok.body}`).toBe(200);
    }
    for (const { url, headers } of [
      { url: '/api/v1/rankings/performances', headers: {} },
      { url: '/api/v1/admin/issuance-failures', headers: admin.headers },
    ]) {
      for (const query of ['limit=1e20', 'limit=0', 'limit=-1', 'limit=1.5', 'limit=Infinity']) {
        const res = await t.app.inject({ method: 'GET', url: `${url}?${query}`, headers });
        expectValidationProblem(res);
      }
    }
  });
});
