import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { complete, hold, pay, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { waitFor } from '../../../test/processes.ts';
import { TcpProxy } from '../../../test/tcp-proxy.ts';

const PRE_REGISTER = 'POST /payments/:paymentId/pre-register';
const LOOKUP = 'GET /payments/:paymentId';

/**
 * Reserve and complete read what they need while the route's rate limit is counted in Redis (and,
 * for a hold made on this instance, reserve reads the catalogue and pre-registers the payment while
 * Redis answers for the hold); the limit's verdict comes before anything is written, and before
 * complete asks the gateway.
 */
describe('reserve and complete: reads alongside the rate limit', () => {
  let h: CheckoutHarness;
  let redis: TcpProxy;
  beforeAll(async () => {
    // The API's Redis behind a proxy the test can stall: Redis then answers nothing.
    redis = new TcpProxy(6379);
    await redis.up();
    const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    url.port = String(redis.port);
    h = await setupCheckout({ REDIS_URL: url.toString() });
  });
  afterAll(async () => {
    redis.resume();
    await h.close();
    await redis.down();
  });

  /** Whether one of the API's statements on `table` waits for the test's lock, within `ms`. */
  const waitsOnLock = (table: string, ms: number) =>
    waitFor(
      `a statement on ${table} waiting for the lock`,
      async () => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'
             AND query ILIKE ${`%${table}%`}`.execute(h.container.db);
        return rows[0]!.n > 0;
      },
      ms,
    ).then(
      () => true,
      () => false,
    );

  /** Runs `during` with `table` locked by another session, and Redis stalled until it returns. */
  async function withLockAndStall<T>(table: string, during: () => Promise<T>): Promise<T> {
    return h.container.db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      await sql.raw(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`).execute(conn);
      redis.stall();
      try {
        return await during();
      } finally {
        redis.resume();
        await sql`COMMIT`.execute(conn);
      }
    });
  }

  it('reserve reads the catalogue and pre-registers the payment while Redis has answered nothing', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2, price: 20_000 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    expect(held.statusCode).toBe(201);
    h.gateway.calls.clear();

    const seen = await withLockAndStall('seats', async () => {
      const pending = reserve(h.app, user, held.json().id);
      const catalogueRead = await waitsOnLock('seats', 3_000);
      const registered = await waitFor(
        'the pre-registration',
        async () => (h.gateway.calls.get(PRE_REGISTER) ?? 0) > 0,
        3_000,
      ).then(
        () => true,
        () => false,
      );
      return { pending, catalogueRead, registered };
    });
    expect(seen.catalogueRead).toBe(true);
    expect(seen.registered).toBe(true);
    const reserved = await seen.pending;
    expect(reserved.statusCode).toBe(201);
    expect(reserved.headers['x-ratelimit-limit']).toBe('60');
    expect(reserved.json()).toMatchObject({ amount: 40_000, total: 40_000 });
    // The payment registered early is the reservation's: the buyer pays it.
    expect(h.gateway.calls.get(PRE_REGISTER)).toBe(1);
    expect((await pay(h.gatewayUrl, reserved.json().payment.id)).status).toBe('PAID');
  });

  it('on another instance (no facts of the hold), reserve reads the catalogue after the hold', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 1 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    const other = await h.another();
    const seen = await withLockAndStall('seats', async () => {
      const pending = reserve(other.app, user, held.json().id);
      return { pending, catalogueRead: await waitsOnLock('seats', 1_000) };
    });
    expect(seen.catalogueRead).toBe(false);
    expect((await seen.pending).statusCode).toBe(201);
  });

  it('complete reads the reservation while Redis has answered nothing, and asks the gateway only after', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 1 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    const reserved = await reserve(h.app, user, held.json().id);
    expect(reserved.statusCode).toBe(201);
    const paymentId = reserved.json().payment.id as string;
    await pay(h.gatewayUrl, paymentId);
    h.gateway.calls.clear();

    const seen = await withLockAndStall('reservations', async () => {
      const pending = complete(h.app, user, paymentId);
      const read = await waitsOnLock('reservations', 3_000);
      return { pending, read, lookups: h.gateway.calls.get(LOOKUP) ?? 0 };
    });
    expect(seen.read).toBe(true);
    expect(seen.lookups).toBe(0);
    const completed = await seen.pending;
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'CONFIRMED' });
  });

  it('complete answers once the confirmation commits, without waiting for the Redis marks', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const paid: string[] = [];
    for (const seat of st.seats) {
      const held = await hold(h.app, user, st.showtimeId, [seat.id]);
      const reserved = await reserve(h.app, user, held.json().id);
      paid.push(reserved.json().payment.id as string);
      await pay(h.gatewayUrl, paid.at(-1)!);
    }
    // The first completion takes a slice of the user's limit: the second is counted in process.
    expect((await complete(h.app, user, paid[0]!)).statusCode).toBe(200);

    redis.stall();
    let answered: Awaited<ReturnType<typeof complete>> | undefined;
    try {
      answered = await Promise.race([
        complete(h.app, user, paid[1]!),
        new Promise<undefined>((resolve) => setTimeout(resolve, 3_000)),
      ]);
    } finally {
      redis.resume();
    }
    expect(answered?.statusCode).toBe(200);
    expect(answered?.json()).toMatchObject({ status: 'CONFIRMED' });
    // The marks follow once Redis answers: the seat is sold there too.
    await waitFor('the seat marked sold in Redis', async () => {
      const mark = await h.container.redis.hget(`{st:${st.showtimeId}}:held`, st.seats[1]!.id);
      return mark === 'S';
    });
  });

  it('over the limit, reserve answers 429 and writes nothing', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 1 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    // Another instance already counted this user's 60 reservations of the minute.
    await h.container.redis.set(`rl:POST/api/v1/reservations-user:${user.id}`, '60', 'PX', 60_000);
    h.gateway.calls.clear();

    const refused = await reserve(h.app, user, held.json().id);
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(refused.json()).toMatchObject({
      code: 'RATE_LIMITED',
      detail: `Too many requests; try again in ${retryAfter} s`,
      retryAfterSeconds: retryAfter,
    });
    const written = await h.container.db
      .selectFrom('reservations')
      .select('id')
      .where('hold_id', '=', held.json().id)
      .execute();
    expect(written).toEqual([]);
    // Known over here now: the next attempt is refused without asking Redis.
    expect((await reserve(h.app, user, held.json().id)).statusCode).toBe(429);
  });

  it('over the limit, complete answers 429 without asking the gateway', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 1 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    const reserved = await reserve(h.app, user, held.json().id);
    const paymentId = reserved.json().payment.id as string;
    await pay(h.gatewayUrl, paymentId);
    await h.container.redis.set(
      `rl:POST/api/v1/payments/:paymentId/complete-user:${user.id}`,
      '60',
      'PX',
      60_000,
    );
    h.gateway.calls.clear();

    const refused = await complete(h.app, user, paymentId);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('RATE_LIMITED');
    expect(h.gateway.calls.get(LOOKUP) ?? 0).toBe(0);
  });
});
