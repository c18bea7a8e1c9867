import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, createUsers, type TestUser } from '../../../test/factories.ts';
import { createCoupon, issue } from '../../../test/coupons.ts';
import { CouponStock } from './coupons.stock.ts';

const USERS = 1_000;
const ATTEMPTS = 3;
const STOCK = 100;
/** Winners held in flight while the keys are deleted (below the two pools' 2 × 10 connections). */
const IN_FLIGHT = 14;
/** 3,000 requests on two cores shared with other suites: a generous bound, not a speed claim. */
const RUSH_TIMEOUT_MS = 120_000;

/**
 * The onsale rush: 1,000 users × 3 concurrent attempts on 100 copies, spread over two API instances
 * sharing one PostgreSQL and one Redis.
 */
describe('coupon rush across two API instances', () => {
  let env: TestEnv;
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;
  let users: TestUser[];
  beforeAll(async () => {
    env = await createTestEnv();
    a = await createTestApp(env);
    b = await createTestApp(env);
    admin = await createUser(a.container, { role: 'ADMIN' });
    users = await createUsers(a.container, USERS);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await env?.drop();
  });

  type Attempt = { user: TestUser; k: number };
  const everyAttempt = (): Attempt[] =>
    users.flatMap((user) => Array.from({ length: ATTEMPTS }, (_, k) => ({ user, k })));

  /** Fires the attempts at once, alternating the two instances. */
  async function rush(couponId: string, attempts: Attempt[] = everyAttempt()) {
    return Promise.all(
      attempts.map(async ({ user, k }, i) => {
        const res = await issue((i + k) % 2 === 0 ? a.app : b.app, user, couponId);
        return { user, status: res.statusCode, body: res.json<{ code?: string; userCouponId?: string }>() };
      }),
    );
  }

  async function expectExactlyStockIssued(couponId: string, results: Awaited<ReturnType<typeof rush>>) {
    const winners = results.filter((r) => r.status === 201);
    const others = results.filter((r) => r.status !== 201);
    expect(winners).toHaveLength(STOCK);
    expect(new Set(winners.map((w) => w.user.id)).size).toBe(STOCK);
    // Everyone else hears a stable answer: already yours, or sold out. No 500, no 503.
    for (const r of others) expect(['COUPON_ALREADY_ISSUED', 'COUPON_SOLD_OUT']).toContain(r.body.code);

    const db = a.container.db;
    const holders = await sql<{ user_id: string }>`
      SELECT user_id FROM user_coupons WHERE coupon_id = ${couponId}`.execute(db);
    expect(holders.rows).toHaveLength(STOCK);
    expect(new Set(holders.rows.map((r) => r.user_id))).toEqual(new Set(winners.map((w) => w.user.id)));
    const counter = await sql<{ issued: number }>`
      SELECT sum(issued)::int AS issued FROM coupon_stock_shards WHERE coupon_id = ${couponId}`.execute(db);
    expect(counter.rows[0]!.issued).toBe(STOCK);

    const keys = CouponStock.keys(couponId);
    const redis = a.container.redis;
    expect(await redis.hlen(keys.users)).toBe(STOCK);
    expect(Number(await redis.hget(keys.state, 'remaining'))).toBe(0);
    const redisUsers = new Set(await redis.hkeys(keys.users));
    expect(redisUsers).toEqual(new Set(winners.map((w) => w.user.id)));
  }

  it(
    'issues exactly the stock, nobody twice, in PostgreSQL and Redis',
    async () => {
      const couponId = await createCoupon(a.app, admin, { stock: STOCK });
      const results = await rush(couponId);
      await expectExactlyStockIssued(couponId, results);
    },
    RUSH_TIMEOUT_MS,
  );

  it(
    'still issues exactly the stock when the Redis keys are deleted in the middle of the rush',
    async () => {
      const couponId = await createCoupon(a.app, admin, { stock: STOCK });
      const keys = CouponStock.keys(couponId);
      const redis = a.container.redis;
      const remaining = async () => Number(await redis.hget(keys.state, 'remaining'));
      // Hold the coupon's stock shards so the first winners stay in flight (won in Redis, not yet in PostgreSQL)
      // while the keys vanish: the rebuild then reads a snapshot without them — the dangerous case.
      // Few enough of them that the blocked writers leave each instance a pool connection to rebuild.
      const blocker = new pg.Client({ connectionString: env.env.DATABASE_URL });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM coupon_stock_shards WHERE coupon_id = $1 FOR UPDATE', [couponId]);

      const all = everyAttempt();
      const early = all.filter((x) => x.k === 0).slice(0, IN_FLIGHT);
      const firstWave = rush(couponId, early);
      while ((await remaining()) > STOCK - IN_FLIGHT) await sleep(5);
      expect(await redis.del(keys.state, keys.users)).toBe(2);

      // Everyone else (and the early users' other attempts) now meets a missing state and rebuilds it.
      const secondWave = rush(
        couponId,
        all.filter((x) => !early.includes(x)),
      );
      while (!(await redis.exists(keys.state))) await sleep(2);
      await blocker.query('COMMIT');
      await blocker.end();

      const results = [...(await firstWave), ...(await secondWave)];
      expect(results).toHaveLength(USERS * ATTEMPTS);
      // The early winners did commit, although the rebuilt state had not counted them. Which of an early
      // user's attempts commits is a race for the shard lock (the rebuilt state let a later attempt of
      // theirs win too), so the claim is per user: exactly one of their attempts got the coupon.
      for (const id of new Set(early.map((x) => x.user.id))) {
        const won = results.filter((r) => r.user.id === id && r.status === 201);
        expect(won, `early user ${id}`).toHaveLength(1);
      }
      await expectExactlyStockIssued(couponId, results);
    },
    RUSH_TIMEOUT_MS,
  );

  it('rebuilds a state whose users hash alone was lost, without issuing twice', async () => {
    const couponId = await createCoupon(a.app, admin, { stock: 5 });
    const [first, second] = users;
    expect((await issue(a.app, first!, couponId)).statusCode).toBe(201);
    await a.container.redis.del(CouponStock.keys(couponId).users);
    const again = await issue(b.app, first!, couponId);
    expect(again.json()).toMatchObject({ code: 'COUPON_ALREADY_ISSUED' });
    expect((await issue(b.app, second!, couponId)).statusCode).toBe(201);
    expect(Number(await a.container.redis.hget(CouponStock.keys(couponId).state, 'remaining'))).toBe(3);
  });

  it('gives the slot back in Redis when the database write fails', async () => {
    const couponId = await createCoupon(a.app, admin, { stock: 2 });
    const keys = CouponStock.keys(couponId);
    // A valid token whose user no longer exists: Redis lets them win, the foreign key refuses them.
    const ghost = await createUser(a.container);
    await sql`DELETE FROM users WHERE id = ${ghost.id}`.execute(a.container.db);
    const res = await issue(a.app, ghost, couponId);
    expect(res.statusCode).toBe(404);
    expect(await a.container.redis.hexists(keys.users, ghost.id)).toBe(0);
    expect(Number(await a.container.redis.hget(keys.state, 'remaining'))).toBe(2);

    // PostgreSQL full while Redis still shows stock: the CHECK (issued <= stock) refuses, Redis is undone.
    await sql`UPDATE coupon_stock_shards SET issued = cap WHERE coupon_id = ${couponId}`.execute(
      a.container.db,
    );
    const refused = await issue(a.app, users[10]!, couponId);
    expect(refused.statusCode).toBe(410);
    expect(await a.container.redis.hexists(keys.users, users[10]!.id)).toBe(0);
    const rows = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM user_coupons WHERE coupon_id = ${couponId}`.execute(a.container.db);
    expect(rows.rows[0]!.n).toBe(0);
  });
});
