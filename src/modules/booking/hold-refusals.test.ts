import pg from 'pg';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createShowtimeWithSeats, createUser, createUsers } from '../../../test/factories.ts';
import { hold, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import type { Container } from '../../container.ts';
import { HoldRepository } from './hold.repository.ts';

/**
 * Hold attempts an onsale refuses by the thousand: which stores they reach. SQL is seen on
 * `pg.Client#query` (every pooled connection of this process); Redis commands on the container's
 * client, leaving out the per-user rate limit every hold route pays (`rl:` keys).
 */
function watchStores(container: Container) {
  const sqlSent: string[] = [];
  const redisSent: string[] = [];
  const realQuery = pg.Client.prototype.query;
  const query = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const first = args[0] as string | { text?: string };
    sqlSent.push(typeof first === 'string' ? first : String(first?.text));
    return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  type Sender = { sendCommand: (cmd: { name: string; args: unknown[] }) => unknown };
  const redis = container.redis as unknown as Sender;
  const send = redis.sendCommand.bind(redis);
  const sent = vi.spyOn(redis, 'sendCommand').mockImplementation((cmd) => {
    const text = `${cmd.name} ${cmd.args.map(String).join(' ')}`;
    if (!text.includes('rl:')) redisSent.push(text);
    return send(cmd);
  });
  return {
    sqlSent,
    redisSent,
    stop: () => {
      query.mockRestore();
      sent.mockRestore();
    },
  };
}

describe('refused holds stop before the stores they need not ask', () => {
  let h: CheckoutHarness;
  let watch: ReturnType<typeof watchStores> | undefined;
  beforeAll(async () => {
    h = await setupCheckout({ HOLD_TTL_SECONDS: '600' });
  });
  afterEach(() => {
    watch?.stop();
    watch = undefined;
  });
  afterAll(() => h.close());

  it('a seat held in Redis is refused with the same 409, without a PostgreSQL read', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const [a, b] = await createUsers(h.container, 2);
    const seat = st.seats[0]!.id;
    const free = st.seats[1]!.id;
    expect((await hold(h.app, a!, st.showtimeId, [seat])).statusCode).toBe(201);
    // The showtime's facts are now in this instance's one-second cache (the hold just read them).
    watch = watchStores(h.container);
    const refused = await hold(h.app, b!, st.showtimeId, [free, seat]);
    watch.stop();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SEATS_UNAVAILABLE', seatIds: [seat] });
    expect(watch.sqlSent).toEqual([]);
    // Redis answered instead.
    expect(watch.redisSent.filter((c) => c.includes(`{st:${st.showtimeId}}:held`))).toHaveLength(1);
    // All or none: the free seat of the refused request was not held.
    expect(await h.container.booking.heldSeatIds(st.showtimeId)).toEqual(new Set([seat]));

    // A seat Redis calls free still goes to PostgreSQL, the authority for sold and reserved.
    watch = watchStores(h.container);
    expect((await hold(h.app, b!, st.showtimeId, [free])).statusCode).toBe(201);
    watch.stop();
    expect(watch.sqlSent.length).toBeGreaterThan(0);
  });

  it('a queued showtime without a valid admission is refused with 403 before PostgreSQL and Redis', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      queue: { enabled: true },
    });
    const user = await createUser(h.container);
    const attempt = (token?: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/showtimes/${st.showtimeId}/holds`,
        headers: { ...user.headers, ...(token ? { 'x-admission-token': token } : {}) },
        payload: { seatIds: [st.seats[0]!.id] },
      });
    // Well-formed claims for this user and showtime, signed with a key that is not the admission key.
    const forged = await new SignJWT({ st: st.showtimeId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setJti('forged')
      .setAudience('culture-ticket:admission')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(h.container.config.JWT_SECRET));
    expect((await attempt()).statusCode).toBe(403); // fills the facts cache
    watch = watchStores(h.container);
    const results = [await attempt(), await attempt('garbage'), await attempt(forged)];
    watch.stop();
    expect(results.map((r) => [r.statusCode, r.json().code])).toEqual([
      [403, 'ADMISSION_REQUIRED'],
      [403, 'ADMISSION_REQUIRED'],
      [403, 'ADMISSION_REQUIRED'],
    ]);
    expect(watch.sqlSent).toEqual([]);
    expect(watch.redisSent).toEqual([]);
  });

  it('once the facts are at hand, an attempt without admission is refused before its body is read', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      queue: { enabled: true },
    });
    const user = await createUser(h.container);
    const attempt = (payload: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/showtimes/${st.showtimeId}/holds`,
        headers: { ...user.headers, 'content-type': 'application/json' },
        payload,
      });
    // Facts not cached yet: the body is parsed and validated first, as on every route.
    const first = await attempt('{"seatIds": "not a list"}');
    expect([first.statusCode, first.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const full = await attempt(JSON.stringify({ seatIds: [st.seats[0]!.id] })); // caches the facts
    expect(full.statusCode).toBe(403);
    // Now the refusal comes from the hook: the same answer, whatever the body (never parsed).
    for (const payload of [
      '{"seatIds": "not a list"}',
      '{not json',
      JSON.stringify({ seatIds: [st.seats[1]!.id] }),
    ]) {
      const early = await attempt(payload);
      expect(early.statusCode, payload).toBe(403);
      expect(early.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(early.body).toBe(full.body);
      // Refused before the hold limit counts it (the lane's test shows the budget is left whole).
      expect(early.headers['x-ratelimit-remaining']).toBeUndefined();
    }
    // Not signed in: still 401 from the guard. With a token: the gate decides, as before.
    const anonymous = await h.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${st.showtimeId}/holds`,
      payload: { seatIds: [st.seats[0]!.id] },
    });
    expect(anonymous.statusCode).toBe(401);
    const withToken = await h.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${st.showtimeId}/holds`,
      headers: { ...user.headers, 'content-type': 'application/json', 'x-admission-token': 'garbage' },
      payload: '{"seatIds": "not a list"}',
    });
    expect([withToken.statusCode, withToken.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('seats Redis called sold are refused again from memory for a second, and at once freed through this instance', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 3 });
    const [a, b] = await createUsers(h.container, 2);
    const [sold, other] = [st.seats[0]!.id, st.seats[1]!.id];
    // Sold as a confirmation marks it (through another instance's repository).
    await new HoldRepository(h.container.redis).markSold(st.showtimeId, [sold]);
    const held = `{st:${st.showtimeId}}:held`;
    expect((await hold(h.app, a!, st.showtimeId, [sold])).json()).toMatchObject({ seatIds: [sold] });
    watch = watchStores(h.container);
    const again = await hold(h.app, b!, st.showtimeId, [sold]);
    watch.stop();
    expect([again.statusCode, again.json().code, again.json().seatIds]).toEqual([
      409,
      'SEATS_UNAVAILABLE',
      [sold],
    ]);
    expect(watch.redisSent.filter((c) => c.includes(held))).toEqual([]);
    expect(watch.sqlSent).toEqual([]);
    // A seat not known sold still asks Redis (and the free one goes on to be held).
    watch = watchStores(h.container);
    const mixed = await hold(h.app, b!, st.showtimeId, [sold, other]);
    watch.stop();
    expect(mixed.json()).toMatchObject({ code: 'SEATS_UNAVAILABLE', seatIds: [sold] });
    expect(watch.redisSent.filter((c) => c.includes(held))).toHaveLength(1);

    // The repository itself: the memory lapses after a second, and a free through it forgets at once.
    const repo = new HoldRepository(h.container.redis);
    expect(await repo.takenSeatIds(st.showtimeId, [sold])).toEqual([sold]);
    await h.container.redis.hdel(held, sold); // freed elsewhere
    expect(await repo.takenSeatIds(st.showtimeId, [sold])).toEqual([sold]);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await repo.takenSeatIds(st.showtimeId, [sold])).toEqual([]);
    await repo.markSold(st.showtimeId, [sold]);
    expect(await repo.takenSeatIds(st.showtimeId, [sold])).toEqual([sold]);
    await repo.free(st.showtimeId, 'some-hold', [sold]);
    expect(await repo.takenSeatIds(st.showtimeId, [sold])).toEqual([]);
  });

  it('seats Redis called held are refused from memory, never past the hold’s expiry, and at once released through this instance', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 3 });
    const [a, b] = await createUsers(h.container, 2);
    const seat = st.seats[0]!.id;
    const held = `{st:${st.showtimeId}}:held`;
    const mine = await hold(h.app, a!, st.showtimeId, [seat]);
    expect(mine.statusCode).toBe(201);
    expect((await hold(h.app, b!, st.showtimeId, [seat])).statusCode).toBe(409);
    watch = watchStores(h.container);
    const again = await hold(h.app, b!, st.showtimeId, [seat]);
    watch.stop();
    expect([again.statusCode, again.json().code, again.json().seatIds]).toEqual([
      409,
      'SEATS_UNAVAILABLE',
      [seat],
    ]);
    expect(watch.redisSent.filter((c) => c.includes(held))).toEqual([]);
    // Released through this instance: the seat is free for the next attempt at once.
    const released = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/holds/${mine.json().id}`,
      headers: a!.headers,
    });
    expect(released.statusCode).toBe(204);
    expect((await hold(h.app, b!, st.showtimeId, [seat])).statusCode).toBe(201);

    // The repository itself: a hold with 300 ms left is remembered for those 300 ms, not a second.
    const repo = new HoldRepository(h.container.redis);
    const short = st.seats[1]!.id;
    await h.container.redis.hset(held, short, `lapsing|${Date.now() + 300}`);
    expect(await repo.takenSeatIds(st.showtimeId, [short])).toEqual([short]);
    await new Promise((r) => setTimeout(r, 400));
    expect(await repo.takenSeatIds(st.showtimeId, [short])).toEqual([]);
    // Freed elsewhere, a seat held for minutes is refused here for a second at most.
    const long = st.seats[2]!.id;
    await h.container.redis.hset(held, long, `long|${Date.now() + 600_000}`);
    expect(await repo.takenSeatIds(st.showtimeId, [long])).toEqual([long]);
    await h.container.redis.hdel(held, long);
    expect(await repo.takenSeatIds(st.showtimeId, [long])).toEqual([long]);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await repo.takenSeatIds(st.showtimeId, [long])).toEqual([]);
  });

  it('an expired hold not yet swept does not refuse the seat', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const seat = st.seats[0]!.id;
    // An entry as the hold script writes it, lapsed a second ago, left for the sweep.
    await h.container.redis.hset(`{st:${st.showtimeId}}:held`, seat, `gone|${Date.now() - 1_000}`);
    const res = await hold(h.app, user, st.showtimeId, [seat]);
    expect(res.statusCode).toBe(201);
  });

  it('an admin’s change of the sales window applies to the next hold on the admin’s instance, and on others within a second', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 6 });
    const admin = await createUser(h.container, { role: 'ADMIN' });
    const [u1, u2, u3] = await createUsers(h.container, 3);
    const second = await h.another();
    // Both instances have the facts cached.
    expect((await hold(h.app, u1!, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(201);
    expect((await hold(second.app, u2!, st.showtimeId, [st.seats[1]!.id])).statusCode).toBe(201);

    const close = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/showtimes/${st.showtimeId}`,
      headers: admin.headers,
      payload: { salesCloseAt: new Date(Date.now() - 1_000).toISOString() },
    });
    expect(close.statusCode).toBe(200);
    const next = await hold(h.app, admin, st.showtimeId, [st.seats[2]!.id]);
    expect(next.statusCode).toBe(409);
    expect(next.json().code).toBe('SALES_NOT_OPEN');
    // Another instance hears the change over Redis pub/sub; its cache entry lives a second at most.
    await vi.waitFor(
      async () => {
        const res = await hold(second.app, u3!, st.showtimeId, [st.seats[3]!.id]);
        expect(res.json().code).toBe('SALES_NOT_OPEN');
      },
      { timeout: 3_000, interval: 100 },
    );

    const reopen = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/showtimes/${st.showtimeId}`,
      headers: admin.headers,
      payload: { salesCloseAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(reopen.statusCode).toBe(200);
    expect((await hold(h.app, admin, st.showtimeId, [st.seats[2]!.id])).statusCode).toBe(201);
  });
});
