import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createShowtimeWithSeats, createUser, createUsers } from '../../../test/factories.ts';
import { hold, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { createTestApp } from '../../../test/context.ts';

describe('seat holds', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout({ HOLD_TTL_SECONDS: '600' });
  });
  afterAll(() => h.close());

  it('200 users racing for one seat: exactly one 201, the rest 409 SEATS_UNAVAILABLE', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 5 });
    const users = await createUsers(h.container, 200);
    const seat = st.seats[0]!.id;
    const results = await Promise.all(users.map((u) => hold(h.app, u, st.showtimeId, [seat])));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(199);
    expect(results.find((r) => r.statusCode === 409)!.json()).toMatchObject({
      code: 'SEATS_UNAVAILABLE',
      seatIds: [seat],
    });
    expect(await h.container.booking.heldSeatIds(st.showtimeId)).toEqual(new Set([seat]));
  });

  it('two API instances, 1,000 users holding 2 random seats of 100: no seat held twice, seat map agrees', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 10, seatsPerRow: 10 });
    const second = await h.another();
    const users = await createUsers(h.container, 1000);
    const pick = (): string[] => {
      const a = Math.floor(Math.random() * 100);
      let b = Math.floor(Math.random() * 99);
      if (b >= a) b++;
      return [st.seats[a]!.id, st.seats[b]!.id];
    };
    const results = await Promise.all(
      users.map((u, i) => hold(i % 2 === 0 ? h.app : second.app, u, st.showtimeId, pick())),
    );
    const won = results.filter((r) => r.statusCode === 201).map((r) => r.json().seatIds as string[]);
    expect(results.filter((r) => r.statusCode !== 201 && r.statusCode !== 409).map((r) => r.body)).toEqual(
      [],
    );
    const heldSeats = won.flat();
    expect(new Set(heldSeats).size).toBe(heldSeats.length);
    expect(won.length).toBeGreaterThan(0);
    expect(await h.container.booking.heldSeatIds(st.showtimeId)).toEqual(new Set(heldSeats));
  });

  it('one user sending 10 concurrent holds cannot exceed the per-user limit', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 2, seatsPerRow: 10, maxTicketsPerUser: 4 });
    const user = await createUser(h.container);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        hold(h.app, user, st.showtimeId, [st.seats[2 * i]!.id, st.seats[2 * i + 1]!.id]),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(
      results.filter((r) => r.statusCode === 422).every((r) => r.json().code === 'TICKET_LIMIT_EXCEEDED'),
    ).toBe(true);
    expect((await h.container.booking.heldSeatIds(st.showtimeId)).size).toBe(4);
  });

  it('counts bought seats against the limit', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 10, maxTicketsPerUser: 2 });
    const user = await createUser(h.container);
    const first = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    expect(first.statusCode).toBe(201);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reservations',
      headers: { ...user.headers, 'idempotency-key': `limit-${st.showtimeId}` },
      payload: { holdId: first.json().id },
    });
    expect(res.statusCode).toBe(201);
    const again = await hold(h.app, user, st.showtimeId, [st.seats[2]!.id]);
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('TICKET_LIMIT_EXCEEDED');
  });

  it('DELETE releases the seats; only the owner can release', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const [a, b] = await createUsers(h.container, 2);
    const held = await hold(h.app, a!, st.showtimeId, [st.seats[0]!.id]);
    const id = held.json().id;
    const notMine = await h.app.inject({ method: 'DELETE', url: `/api/v1/holds/${id}`, headers: b!.headers });
    expect(notMine.statusCode).toBe(404);
    expect((await hold(h.app, b!, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(409);
    const del = await h.app.inject({ method: 'DELETE', url: `/api/v1/holds/${id}`, headers: a!.headers });
    expect(del.statusCode).toBe(204);
    expect((await hold(h.app, b!, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(201);
  });

  it('refuses sold seats, seats of another showtime, closed sales and queued showtimes without admission', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const other = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    await sql`UPDATE seats SET status = 'SOLD' WHERE id = ${st.seats[0]!.id}`.execute(h.container.db);
    const sold = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    expect(sold.statusCode).toBe(409);
    expect(sold.json().seatIds).toEqual([st.seats[0]!.id]);
    expect((await hold(h.app, user, st.showtimeId, [other.seats[0]!.id])).statusCode).toBe(409);
    // All or none: the free seat of the refused request was not held.
    expect(await h.container.booking.heldSeatIds(st.showtimeId)).toEqual(new Set());

    const closed = await createShowtimeWithSeats(h.container, {
      salesOpenAt: new Date(Date.now() + 86400_000),
    });
    const res = await hold(h.app, user, closed.showtimeId, [closed.seats[0]!.id]);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SALES_NOT_OPEN');

    const queued = await createShowtimeWithSeats(h.container, { queue: { enabled: true } });
    const q = await hold(h.app, user, queued.showtimeId, [queued.seats[0]!.id]);
    expect(q.statusCode).toBe(403);
    expect(q.json().code).toBe('ADMISSION_REQUIRED');
  });

  it('rejects bad input with 400 and anonymous callers with 401', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const bad = await h.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${st.showtimeId}/holds`,
      headers: user.headers,
      payload: { seatIds: ['not-a-uuid'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    const twice = await h.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${st.showtimeId}/holds`,
      headers: user.headers,
      payload: { seatIds: [st.seats[0]!.id, st.seats[1]!.id, st.seats[0]!.id] },
    });
    expect([twice.statusCode, twice.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(twice.json().errors).toEqual([
      expect.objectContaining({ field: 'body.seatIds', message: expect.stringMatching(/duplicate items/) }),
    ]);
    const anon = await h.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${st.showtimeId}/holds`,
      payload: { seatIds: [st.seats[0]!.id] },
    });
    expect(anon.statusCode).toBe(401);
  });
});

describe('holds without Redis', () => {
  // Points REDIS_URL at a closed port, which a Cluster client (REDIS_CLUSTER_NODES) does not use.
  it.skipIf(Boolean(process.env.REDIS_CLUSTER_NODES))('answer 503 SERVICE_UNAVAILABLE, not 500', async () => {
    const h = await setupCheckout();
    const broken = await createTestApp(h.env, { ...h.overrides, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
      const user = await createUser(h.container);
      const res = await hold(broken.app, user, st.showtimeId, [st.seats[0]!.id]);
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await broken.close();
      await h.close();
    }
  });
});

describe('hold expiry', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout({ HOLD_TTL_SECONDS: '1' });
  });
  afterAll(() => h.close());

  it('an expired hold frees its seats for others and can no longer be reserved', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const [a, b] = await createUsers(h.container, 2);
    const held = await hold(h.app, a!, st.showtimeId, [st.seats[0]!.id]);
    expect(held.statusCode).toBe(201);
    expect((await hold(h.app, b!, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(409);
    await new Promise((r) => setTimeout(r, 1_300));
    expect(await h.container.booking.heldSeatIds(st.showtimeId)).toEqual(new Set());
    const late = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reservations',
      headers: { ...a!.headers, 'idempotency-key': 'expired-hold-1' },
      payload: { holdId: held.json().id },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('HOLD_EXPIRED');
    expect((await hold(h.app, b!, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(201);
  });
});

describe('hold sweep', () => {
  // Its own environment: the sweep covers every showtime, so no other test's holds may be in it.
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout({ HOLD_TTL_SECONDS: '1' });
  });
  afterAll(() => h.close());

  it('sweeps lapsed holds: counted as expired, their seat entries removed; released and reserved ones are not', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const [a, b, c] = await createUsers(h.container, 3);
    const lapsing = await hold(h.app, a!, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    const released = await hold(h.app, b!, st.showtimeId, [st.seats[2]!.id]);
    const reserved = await hold(h.app, c!, st.showtimeId, [st.seats[3]!.id]);
    expect([lapsing.statusCode, released.statusCode, reserved.statusCode]).toEqual([201, 201, 201]);
    await h.app.inject({ method: 'DELETE', url: `/api/v1/holds/${released.json().id}`, headers: b!.headers });
    const reservation = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reservations',
      headers: { ...c!.headers, 'idempotency-key': 'sweep-reserved-1' },
      payload: { holdId: reserved.json().id },
    });
    expect(reservation.statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 1_300));

    const before = await expiredCount();
    const { holdsExpired } = await h.container.booking.recovery.runOnce();
    expect(holdsExpired).toBe(1);
    expect((await expiredCount()) - before).toBe(1);
    const entries = await h.container.redis.hkeys(`{st:${st.showtimeId}}:held`);
    expect(entries).toEqual([st.seats[3]!.id]);
    expect((await h.container.booking.recovery.runOnce()).holdsExpired).toBe(0);
  });

  async function expiredCount(): Promise<number> {
    const metric = await h.container.metrics.registry.getSingleMetric('checkout_holds_expired_total')?.get();
    return metric?.values[0]?.value ?? 0;
  }
});
