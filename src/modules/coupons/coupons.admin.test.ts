import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, createUsers, type TestUser } from '../../../test/factories.ts';
import { createCoupon, issue } from '../../../test/coupons.ts';
import { CouponStock } from './coupons.stock.ts';

describe('coupons desk', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await createUser(t.container, { role: 'ADMIN' });
  });
  afterAll(() => t.close());

  const patch = (id: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/admin/coupons/${id}`, headers: admin.headers, payload });
  const stop = (id: string) =>
    t.app.inject({ method: 'DELETE', url: `/api/v1/admin/coupons/${id}`, headers: admin.headers });
  const redisState = (id: string) => t.container.redis.hgetall(CouponStock.keys(id).state);

  it('while issuing, stock only grows: the new copies are issued and no more', async () => {
    const id = await createCoupon(t.app, admin, { stock: 2 });
    const users = await createUsers(t.container, 5);
    expect((await issue(t.app, users[0]!, id)).statusCode).toBe(201);
    expect((await issue(t.app, users[1]!, id)).statusCode).toBe(201);
    expect((await issue(t.app, users[2]!, id)).statusCode).toBe(410);

    const down = await patch(id, { stock: 1 });
    expect(down.statusCode).toBe(422);
    expect(down.json()).toMatchObject({
      code: 'COUPON_STOCK_DECREASE',
      errors: [{ field: 'body.stock', rule: 'stockOnlyUp' }],
    });

    const up = await patch(id, { stock: 4, name: '추가 발급' });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ stock: 4, issued: 2, name: '추가 발급' });
    // Redis was rebuilt from PostgreSQL: the gate counts the two new copies exactly.
    expect(await redisState(id)).toMatchObject({ stock: '4', remaining: '2' });
    const results = await Promise.all(users.slice(2).map((u) => issue(t.app, u, id)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 410]);
    const caps = await sql<{ cap: number; issued: number }>`
      SELECT sum(cap)::int AS cap, sum(issued)::int AS issued FROM coupon_stock_shards WHERE coupon_id = ${id}`.execute(
      t.container.db,
    );
    expect(caps.rows[0]).toEqual({ cap: 4, issued: 4 });
  });

  it('before issuing opens, stock may go down', async () => {
    const id = await createCoupon(t.app, admin, {
      stock: 50,
      issueStartsAt: new Date(Date.now() + 3_600_000).toISOString(),
      issueEndsAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    const res = await patch(id, { stock: 20 });
    expect(res.statusCode).toBe(200);
    expect(res.json().stock).toBe(20);
  });

  it('stopping ends issuing at once, keeps issued copies, and is recorded', async () => {
    const id = await createCoupon(t.app, admin, { stock: 10 });
    const [a, b] = await createUsers(t.container, 2);
    expect((await issue(t.app, a!, id)).statusCode).toBe(201);
    const res = await stop(id);
    expect(res.statusCode).toBe(200);
    expect(Date.parse(res.json().issueEndsAt)).toBeLessThanOrEqual(Date.now());
    const late = await issue(t.app, b!, id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('COUPON_NOT_ISSUABLE');
    const holders = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/coupons/${id}/holders`,
      headers: admin.headers,
    });
    expect(holders.statusCode).toBe(200);
    expect(holders.json()).toMatchObject({
      coupon: { id, stock: 10, issued: 1, used: 0 },
      items: [{ user: { id: a!.id, email: a!.email }, status: 'AVAILABLE', reservationId: null }],
      total: 1,
    });
    const audit = await sql<{ action: string }>`
      SELECT action FROM audit_log WHERE target_id = ${id} ORDER BY id`.execute(t.container.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['POST /admin/coupons', 'coupon.stop']);
  });

  it('refuses a closing time in the past and answers 404 for an unknown coupon', async () => {
    const id = await createCoupon(t.app, admin);
    const past = await patch(id, { issueEndsAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.statusCode).toBe(400);
    expect((await patch(crypto.randomUUID(), { stock: 5 })).statusCode).toBe(404);
    expect((await stop(crypto.randomUUID())).statusCode).toBe(404);
  });
});
