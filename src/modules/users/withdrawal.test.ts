import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { ManualClock } from '../../../test/clock.ts';
import {
  createShowtimeWithSeats,
  createUser,
  TEST_PASSWORD,
  type TestUser,
} from '../../../test/factories.ts';
import { waitFor } from '../../../test/processes.ts';
import { REFRESH_COOKIE } from '../auth/auth.routes.ts';

const DAY_MS = 86400_000;

/**
 * Withdrawal on the real stores, over two API instances: refused while a ticket for a show still to
 * come is held; afterwards the account's personal data and its bookers' are gone, the reservation
 * and ticket stay, and nothing signs in as the account any more.
 */
describe('withdrawal', () => {
  let env: TestEnv;
  let a: TestApp;
  let b: TestApp;
  const clock = new ManualClock();

  beforeAll(async () => {
    env = await createTestEnv();
    [a, b] = await Promise.all([
      createTestApp(env, {}, 'api', { clock }),
      createTestApp(env, {}, 'api', { clock }),
    ]);
  });
  afterAll(async () => {
    for (const t of [a, b]) await t?.close();
    await env?.drop();
  });

  async function signIn(user: { email: string }, password = TEST_PASSWORD) {
    return a.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password },
    });
  }
  const withdraw = (token: string, payload: unknown) =>
    a.app.inject({
      method: 'DELETE',
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${token}` },
      payload: payload as Record<string, unknown>,
    });

  /** A paid reservation with a booker and its issued ticket, as checkout and issuance leave them. */
  async function bookedTicket(user: TestUser, startsAt: Date) {
    const show = await createShowtimeWithSeats(a.container, {
      rows: 1,
      seatsPerRow: 2,
      startsAt,
      salesOpenAt: new Date(startsAt.getTime() - 10 * DAY_MS),
    });
    const seat = show.seats[0]!;
    const { rows } = await sql<{ id: string }>`
      INSERT INTO reservations (user_id, showtime_id, performance_id, hold_id, status, amount, total, payment_id,
                                expires_at, booking_number, booker_name, booker_phone, confirmed_at)
      VALUES (${user.id}, ${show.showtimeId}, ${show.performanceId}, gen_random_uuid(), 'CONFIRMED', ${seat.price},
              ${seat.price}, gen_random_uuid(), now(), ${`CT${randomUUID().slice(0, 12)}`}, '김예매', '01012345678', now())
      RETURNING id`.execute(a.container.db);
    const reservationId = rows[0]!.id;
    await sql`
      INSERT INTO tickets (reservation_id, user_id, performance_id, showtime_id, seat_id, section, row_label, number,
                           grade, price, code)
      VALUES (${reservationId}, ${user.id}, ${show.performanceId}, ${show.showtimeId}, ${seat.id}, ${seat.section},
              ${seat.row}, ${seat.number}, ${seat.grade}, ${seat.price}, ${randomUUID()})`.execute(
      a.container.db,
    );
    return reservationId;
  }

  it('is refused with a ticket for a show still to come, and goes through once the show has started', async () => {
    const user = await createUser(a.container, { nickname: '관객' });
    await sql`UPDATE users SET phone = '010-1234-5678', birth_date = '1990-05-01' WHERE id = ${user.id}`.execute(
      a.container.db,
    );
    const startsAt = new Date(clock.nowMs() + 2 * DAY_MS);
    const reservationId = await bookedTicket(user, startsAt);
    const login = await signIn(user);
    expect(login.statusCode).toBe(200);
    const token = login.json().accessToken as string;
    const cookie = login.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;

    const refused = await withdraw(token, { currentPassword: TEST_PASSWORD });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'HAS_UPCOMING_TICKETS', upcomingTickets: 1 });

    const wrong = await withdraw(token, { currentPassword: 'not-my-password-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('WRONG_PASSWORD');

    // The show has started: the ticket is no longer "upcoming".
    clock.set(startsAt.getTime() + 60_000);
    const done = await withdraw(token, { currentPassword: TEST_PASSWORD });
    expect(done.statusCode).toBe(204);

    // Every session ended, on every instance.
    await waitFor(
      'the access token refused on instance B',
      async () =>
        (
          await b.app.inject({
            method: 'GET',
            url: '/api/v1/users/me',
            headers: { authorization: `Bearer ${token}` },
          })
        ).statusCode === 401,
      5_000,
    );
    const refresh = await b.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { [REFRESH_COOKIE]: cookie },
    });
    expect(refresh.statusCode).toBe(401);

    // Signing in answers like any wrong password: nothing tells that the account existed.
    const again = await signIn(user);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('INVALID_CREDENTIALS');

    const row = await a.container.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      email: `deleted-${user.id}@invalid`,
      nickname: '탈퇴한 회원',
      phone: null,
      birth_date: null,
      email_verified_at: null,
    });
    expect(row.deleted_at).not.toBeNull();
    expect(row.password_hash).not.toMatch(/^\$argon2/);

    // The contract and the ticket are kept (five years, e-commerce law); the booker is not.
    const reservation = await a.container.db
      .selectFrom('reservations')
      .select(['status', 'total', 'booker_name', 'booker_phone', 'user_id'])
      .where('id', '=', reservationId)
      .executeTakeFirstOrThrow();
    expect(reservation).toMatchObject({
      status: 'CONFIRMED',
      user_id: user.id,
      booker_name: null,
      booker_phone: null,
    });
    const tickets = await a.container.db
      .selectFrom('tickets')
      .select('status')
      .where('reservation_id', '=', reservationId)
      .execute();
    expect(tickets).toEqual([{ status: 'ISSUED' }]);
  });

  it('is refused while a paid order for a show ahead waits for its ticket', async () => {
    const user = await createUser(a.container);
    const show = await createShowtimeWithSeats(a.container, {
      rows: 1,
      seatsPerRow: 1,
      startsAt: new Date(clock.nowMs() + 3 * DAY_MS),
      salesOpenAt: new Date(clock.nowMs() - DAY_MS),
    });
    // Confirmed by checkout; the worker has not issued the ticket yet.
    await sql`
      INSERT INTO reservations (user_id, showtime_id, performance_id, hold_id, status, amount, total, payment_id,
                                expires_at, booking_number, confirmed_at)
      VALUES (${user.id}, ${show.showtimeId}, ${show.performanceId}, gen_random_uuid(), 'CONFIRMED', 1000, 1000,
              gen_random_uuid(), now(), ${`CT${randomUUID().slice(0, 12)}`}, now())`.execute(a.container.db);
    const token = (await signIn(user)).json().accessToken as string;
    const res = await withdraw(token, { currentPassword: TEST_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'HAS_UPCOMING_TICKETS', upcomingTickets: 0, openOrders: 1 });
  });

  it('needs the current password', async () => {
    const user = await createUser(a.container);
    const token = (await signIn(user)).json().accessToken as string;
    const res = await withdraw(token, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.currentPassword', rule: 'required' });
  });

  it('leaves another account and its bookings alone', async () => {
    const [leaving, staying] = [await createUser(a.container), await createUser(a.container)];
    const theirs = await bookedTicket(staying, new Date(clock.nowMs() + 5 * DAY_MS));
    const token = (await signIn(leaving)).json().accessToken as string;
    expect((await withdraw(token, { currentPassword: TEST_PASSWORD })).statusCode).toBe(204);
    expect((await signIn(staying)).statusCode).toBe(200);
    const booker = await a.container.db
      .selectFrom('reservations')
      .select(['booker_name', 'booker_phone'])
      .where('id', '=', theirs)
      .executeTakeFirstOrThrow();
    expect(booker).toEqual({ booker_name: '김예매', booker_phone: '01012345678' });
  });

  it('lets an account without a password (social sign-in only) withdraw within 5 minutes of signing in', async () => {
    // Signed in, then the password taken away: what an account made through Kakao or Google looks like.
    const passwordless = async () => {
      const user = await createUser(a.container);
      const token = (await signIn(user)).json().accessToken as string;
      await sql`UPDATE users SET password_hash = NULL WHERE id = ${user.id}`.execute(a.container.db);
      return token;
    };
    const fresh = await passwordless();
    expect((await withdraw(fresh, {})).statusCode).toBe(204);

    const stale = await passwordless();
    clock.advance(6 * 60_000);
    const late = await withdraw(stale, {});
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ code: 'RECENT_SIGN_IN_REQUIRED' });
  });
});
