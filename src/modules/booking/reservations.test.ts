import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { hold, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { isPgError, PG } from '../../infra/db.ts';

describe('reservations', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout();
  });
  afterAll(() => h.close());

  it('computes the amount on the server and returns a checkout URL', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 3, price: 77_000 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id, st.seats[2]!.id]);
    const res = await reserve(h.app, user, held.json().id, undefined, {});
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'PENDING_PAYMENT',
      amount: 154_000,
      discount: 0,
      total: 154_000,
    });
    // An amount in the body is not part of the contract: rejected, never trusted.
    const held2 = await hold(h.app, user, st.showtimeId, [st.seats[1]!.id]);
    const tampered = await reserve(h.app, user, held2.json().id, undefined, { amount: 1 });
    expect(tampered.statusCode).toBe(400);
  });

  it('Idempotency-Key: same key and body → the same response; other body → 422', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const user = await createUser(h.container);
    const a = (await hold(h.app, user, st.showtimeId, [st.seats[0]!.id])).json().id;
    const b = (await hold(h.app, user, st.showtimeId, [st.seats[1]!.id])).json().id;
    const [first, second] = await Promise.all([
      reserve(h.app, user, a, 'same-key-1'),
      reserve(h.app, user, a, 'same-key-1'),
    ]);
    const codes = [first.statusCode, second.statusCode].sort();
    // Concurrent duplicates: one creates, the other replays or is told the first is still running.
    expect(codes[0]).toBe(201);
    expect([201, 409]).toContain(codes[1]);
    const replay = await reserve(h.app, user, a, 'same-key-1');
    expect(replay.statusCode).toBe(201);
    const created = first.statusCode === 201 ? first.json() : second.json();
    expect(replay.json()).toEqual(created);
    const reused = await reserve(h.app, user, b, 'same-key-1');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const count = await h.container.db
      .selectFrom('reservations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const missing = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reservations',
      headers: user.headers,
      payload: { holdId: b },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('a key whose first request died after its commit answers from the reservation after a grace period', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const holdId = (await hold(h.app, user, st.showtimeId, [st.seats[0]!.id])).json().id;
    const first = await reserve(h.app, user, holdId, 'crash-key-1');
    // Simulate the crash: the response was never stored.
    await sql`UPDATE reservation_idempotency SET response_status = NULL, response_body = NULL
              WHERE idempotency_key = 'crash-key-1'`.execute(h.container.db);
    const fresh = await reserve(h.app, user, holdId, 'crash-key-1');
    expect(fresh.statusCode).toBe(409);
    expect(fresh.json().code).toBe('IDEMPOTENCY_IN_PROGRESS');
    await sql`UPDATE reservation_idempotency SET created_at = now() - interval '1 minute'
              WHERE idempotency_key = 'crash-key-1'`.execute(h.container.db);
    const later = await reserve(h.app, user, holdId, 'crash-key-1');
    expect(later.statusCode).toBe(201);
    expect(later.json()).toEqual(first.json());
  });

  it("another user's hold, a used hold and an unknown coupon are refused", async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const [owner, other] = [await createUser(h.container), await createUser(h.container)];
    const holdId = (await hold(h.app, owner, st.showtimeId, [st.seats[0]!.id])).json().id;
    expect((await reserve(h.app, other, holdId)).statusCode).toBe(409);
    const coupon = await reserve(h.app, owner, holdId, undefined, { userCouponId: crypto.randomUUID() });
    expect(coupon.statusCode).toBe(422);
    expect(coupon.json().code).toBe('COUPON_NOT_APPLICABLE');
    expect((await reserve(h.app, owner, holdId)).statusCode).toBe(201);
    const used = await reserve(h.app, owner, holdId);
    expect(used.statusCode).toBe(409);
    expect(used.json().code).toBe('HOLD_EXPIRED');
  });

  it("my reservations: list and detail; another user's → 404", async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const [owner, other] = [await createUser(h.container), await createUser(h.container)];
    const holdId = (await hold(h.app, owner, st.showtimeId, [st.seats[0]!.id])).json().id;
    const id = (await reserve(h.app, owner, holdId)).json().id;
    const mine = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reservations/${id}`,
      headers: owner.headers,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      id,
      status: 'PENDING_PAYMENT',
      showtime: {
        id: st.showtimeId,
        performanceId: st.performanceId,
        venue: { name: '테스트홀', address: '서울' },
      },
      seats: [{ id: st.seats[0]!.id, section: 'A', row: 'A', number: 1, price: 100_000 }],
      tickets: [],
    });
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/reservations', headers: owner.headers });
    expect(list.json()).toMatchObject({ page: 1, size: 20, total: 1, items: [{ id }] });
    const theirs = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reservations/${id}`,
      headers: other.headers,
    });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('RESERVATION_NOT_FOUND');
    const theirList = await h.app.inject({
      method: 'GET',
      url: '/api/v1/reservations',
      headers: other.headers,
    });
    expect(theirList.json().total).toBe(0);
    const cancel = await h.app.inject({
      method: 'POST',
      url: `/api/v1/reservations/${id}/cancel`,
      headers: other.headers,
    });
    expect(cancel.statusCode).toBe(404);
  });

  it('the database guard refuses a second live reservation of a seat even when Redis is bypassed', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const [a, b] = [await createUser(h.container), await createUser(h.container)];
    const seat = st.seats[0]!.id;
    const first = (await hold(h.app, a, st.showtimeId, [seat])).json().id;
    expect((await reserve(h.app, a, first)).statusCode).toBe(201);
    // Redis loses everything about this showtime: a second hold on the same seat succeeds there…
    await h.container.redis.del(`{st:${st.showtimeId}}:held`);
    const second = await hold(h.app, b, st.showtimeId, [seat]);
    // …but the database still answers (the hold path checks live reservations)…
    expect(second.statusCode).toBe(409);
    // …and the unique index itself refuses a second live row for the seat.
    const other = await sql<{ id: string }>`SELECT id FROM reservations WHERE hold_id = ${first}`.execute(
      h.container.db,
    );
    // A second reservation written straight to the database, past every service check:
    const clone = await sql<{ id: string }>`
      INSERT INTO reservations (user_id, showtime_id, performance_id, hold_id, status, amount, total, payment_id, expires_at, booking_number)
      SELECT ${b.id}, showtime_id, performance_id, gen_random_uuid(), 'PENDING_PAYMENT', amount, total, gen_random_uuid(), expires_at, booking_number || 'X'
      FROM reservations WHERE id = ${other.rows[0]!.id} RETURNING id`.execute(h.container.db);
    let error: unknown;
    try {
      await sql`INSERT INTO reservation_seats (reservation_id, seat_id, showtime_id, price)
                VALUES (${clone.rows[0]!.id}, ${seat}, ${st.showtimeId}, 100000)`.execute(h.container.db);
    } catch (err) {
      error = err;
    }
    expect(isPgError(error, PG.UNIQUE_VIOLATION, 'reservation_seats_live')).toBe(true);
  });

  it('two holds on one seat after a Redis loss: the second reservation gets 409, never a double sale', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const [a, b] = [await createUser(h.container), await createUser(h.container)];
    const seat = st.seats[1]!.id;
    const ha = (await hold(h.app, a, st.showtimeId, [seat])).json().id;
    await h.container.redis.del(`{st:${st.showtimeId}}:held`);
    const hb = (await hold(h.app, b, st.showtimeId, [seat])).json().id;
    const results = await Promise.all([reserve(h.app, a, ha), reserve(h.app, b, hb)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('SEATS_UNAVAILABLE');
    const live = await sql<{ n: number }>`
      SELECT count(*) AS n FROM reservation_seats WHERE seat_id = ${seat} AND released_at IS NULL`.execute(
      h.container.db,
    );
    expect(live.rows[0]!.n).toBe(1);
  });
  it('one user reserving two holds at once cannot pass the per-user limit; the refusal keeps no key', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 6, maxTicketsPerUser: 4 });
    const user = await createUser(h.container);
    const a = (await hold(h.app, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id])).json().id;
    const b = (await hold(h.app, user, st.showtimeId, [st.seats[2]!.id, st.seats[3]!.id])).json().id;
    // The limit is lowered after both holds: only the database's count (under the per-user lock) stands.
    await sql`UPDATE showtimes SET max_tickets_per_user = 2 WHERE id = ${st.showtimeId}`.execute(
      h.container.db,
    );
    const results = await Promise.all([
      reserve(h.app, user, a, 'limit-key-a'),
      reserve(h.app, user, b, 'limit-key-b'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    const refused = results.find((r) => r.statusCode === 422)!;
    expect(refused.json()).toMatchObject({ code: 'TICKET_LIMIT_EXCEEDED', limit: 2 });
    // The refused request's key was rolled back with it: the same request is refused again, not "in progress".
    const key = results[0]!.statusCode === 422 ? 'limit-key-a' : 'limit-key-b';
    const again = await reserve(h.app, user, results[0]!.statusCode === 422 ? a : b, key);
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('TICKET_LIMIT_EXCEEDED');
    const live = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM reservation_seats rs JOIN reservations r ON r.id = rs.reservation_id
       WHERE r.user_id = ${user.id} AND rs.released_at IS NULL`.execute(h.container.db);
    expect(live.rows[0]!.n).toBe(2);
  });
});
