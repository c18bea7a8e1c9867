import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { couponBody, createCoupon, issue } from '../../../test/coupons.ts';
import { CouponRepository, splitStock } from './coupons.repository.ts';
import { CouponStock } from './coupons.stock.ts';

describe('coupons over HTTP', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;
  let user: TestUser;
  beforeAll(async () => {
    t = await setupTestApp();
    admin = await createUser(t.container, { role: 'ADMIN' });
    user = await createUser(t.container);
  });
  afterAll(() => t.close());

  const post = (who: TestUser | undefined, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/coupons',
      headers: who?.headers ?? {},
      payload,
    });

  it('keeps admin routes to admins: anonymous 401, USER 403', async () => {
    expect((await post(undefined, couponBody())).statusCode).toBe(401);
    const forbidden = await post(user, couponBody());
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/coupons', headers: user.headers });
    expect(list.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/coupons' })).statusCode).toBe(401);
  });

  it.each([
    ['percent above 100', { discountValue: 101 }, 'body.discountValue'],
    ['zero percent', { discountValue: 0 }, 'body.discountValue'],
    ['zero stock', { stock: 0 }, 'body.stock'],
    ['negative minimum', { minOrderAmount: -1 }, 'body.minOrderAmount'],
    [
      'fractional KRW',
      { discountType: 'FIXED', discountValue: 10.5, maxDiscount: undefined },
      'body.discountValue',
    ],
    ['cap on a FIXED coupon', { discountType: 'FIXED', discountValue: 3000 }, 'body.maxDiscount'],
    ['unknown type', { discountType: 'FREE' }, 'body.discountType'],
    ['blank name', { name: '   ' }, 'body.name'],
    [
      'window out of order',
      { issueEndsAt: new Date(Date.now() - 120_000).toISOString() },
      'body.issueEndsAt',
    ],
    [
      'window already over',
      {
        issueStartsAt: new Date(Date.now() - 7_200_000).toISOString(),
        issueEndsAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
      'body.issueEndsAt',
    ],
    [
      'validUntil before start',
      { validUntil: new Date(Date.now() - 120_000).toISOString() },
      'body.validUntil',
    ],
    ['not a date', { validUntil: 'tomorrow' }, 'body.validUntil'],
    ['unknown field', { bonus: 1 }, 'body.bonus'],
  ])('rejects %s with 400 VALIDATION_FAILED', async (_name, overrides, field) => {
    const res = await post(admin, couponBody(overrides));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<{ code: string; errors: { field: string }[] }>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.field)).toContain(field);
  });

  it('creates, lists for admins, and shows issuable coupons with live remaining stock', async () => {
    const id = await createCoupon(t.app, admin, { name: '목록 쿠폰', stock: 3 });
    const future = await createCoupon(t.app, admin, {
      name: '아직',
      issueStartsAt: new Date(Date.now() + 3_600_000).toISOString(),
      issueEndsAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/coupons?page=1&size=50',
      headers: admin.headers,
    });
    expect(page.statusCode).toBe(200);
    const items = page.json<{ items: { id: string; stock: number; issued: number }[] }>().items;
    expect(items.find((c) => c.id === id)).toMatchObject({ stock: 3, issued: 0 });

    expect((await issue(t.app, user, id)).statusCode).toBe(201);
    const open = await t.app.inject({ method: 'GET', url: '/api/v1/coupons' });
    expect(open.statusCode).toBe(200);
    const listed = open.json<{ id: string; remaining: number }[]>();
    expect(listed.find((c) => c.id === id)).toMatchObject({ remaining: 2, discountType: 'PERCENT' });
    expect(listed.find((c) => c.id === future)).toBeUndefined();
  });

  it('issues once per user: 201, then 409 COUPON_ALREADY_ISSUED; 410 when sold out', async () => {
    const id = await createCoupon(t.app, admin, { stock: 1 });
    const first = await issue(t.app, user, id);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ couponId: id, userCouponId: expect.any(String) });
    const again = await issue(t.app, user, id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'COUPON_ALREADY_ISSUED' });
    const other = await createUser(t.container);
    const late = await issue(t.app, other, id);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'COUPON_SOLD_OUT' });
  });

  it('refuses outside the window with 409 COUPON_NOT_ISSUABLE (before and after)', async () => {
    const early = await createCoupon(t.app, admin, {
      issueStartsAt: new Date(Date.now() + 3_600_000).toISOString(),
      issueEndsAt: new Date(Date.now() + 7_200_000).toISOString(),
      validUntil: new Date(Date.now() + 9_000_000).toISOString(),
    });
    const res = await issue(t.app, user, early);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'COUPON_NOT_ISSUABLE' });

    // A window that has closed: moved into the past in PostgreSQL, Redis state dropped and rebuilt.
    const closed = await createCoupon(t.app, admin);
    await sql`UPDATE coupons SET issue_starts_at = now() - interval '2 hours',
                                 issue_ends_at = now() - interval '1 hour' WHERE id = ${closed}`.execute(
      t.container.db,
    );
    const keys = CouponStock.keys(closed);
    await t.container.redis.del(keys.state, keys.users);
    const after = await issue(t.app, user, closed);
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'COUPON_NOT_ISSUABLE' });
  });

  it('answers 404 for an unknown coupon, 400 for a malformed id, 401 anonymous', async () => {
    const unknown = await issue(t.app, user, randomUUID());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'COUPON_NOT_FOUND' });
    expect((await issue(t.app, user, 'not-a-uuid')).statusCode).toBe(400);
    const anon = await t.app.inject({ method: 'POST', url: `/api/v1/coupons/${randomUUID()}/issue` });
    expect(anon.statusCode).toBe(401);
  });

  it("lists the user's own coupons with AVAILABLE, USED and derived EXPIRED", async () => {
    const me = await createUser(t.container);
    const a = await createCoupon(t.app, admin, { name: 'A' });
    const b = await createCoupon(t.app, admin, { name: 'B' });
    const c = await createCoupon(t.app, admin, { name: 'C' });
    const ids: Record<string, string> = {};
    for (const [name, id] of Object.entries({ a, b, c })) {
      ids[name] = (await issue(t.app, me, id)).json<{ userCouponId: string }>().userCouponId;
    }
    await sql`UPDATE user_coupons SET status = 'USED', reservation_id = gen_random_uuid(), used_at = now()
              WHERE id = ${ids.b!}`.execute(t.container.db);
    await sql`UPDATE coupons SET valid_until = now() - interval '1 second', issue_starts_at = now() - interval '1 hour'
              WHERE id = ${c}`.execute(t.container.db);
    const someoneElse = await createUser(t.container);
    await issue(t.app, someoneElse, a);

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/me/coupons', headers: me.headers });
    expect(res.statusCode).toBe(200);
    const byId = new Map(res.json<{ id: string; status: string }[]>().map((uc) => [uc.id, uc.status]));
    expect(byId.size).toBe(3);
    expect(byId.get(ids.a!)).toBe('AVAILABLE');
    expect(byId.get(ids.b!)).toBe('USED');
    expect(byId.get(ids.c!)).toBe('EXPIRED');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/me/coupons' })).statusCode).toBe(401);
  });

  it('lets PostgreSQL refuse more copies than the stock, whatever Redis says', async () => {
    const id = await createCoupon(t.app, admin, { stock: 3 });
    const repo = new CouponRepository();
    const db = t.container.db;
    expect(splitStock(3)).toEqual([1, 1, 1]);
    expect(splitStock(100)).toHaveLength(16);
    expect(splitStock(100).reduce((x, y) => x + y)).toBe(100);
    const buyers = await Promise.all([1, 2, 3, 4].map(() => createUser(t.container)));
    for (const [i, buyer] of buyers.slice(0, 3).entries()) await repo.insertWinner(db, id, buyer.id, i);
    for (const shard of [0, 1, 2]) {
      await expect(repo.insertWinner(db, id, buyers[3]!.id, shard)).rejects.toMatchObject({
        code: '23514',
        constraint: 'coupon_stock_shards_within_cap',
      });
    }
    await expect(repo.insertWinner(db, id, buyers[0]!.id, 0)).rejects.toMatchObject({ code: '23514' });
    // Widening a shard, or adding one, no longer adds up to the stock: refused at commit.
    await expect(
      sql`UPDATE coupon_stock_shards SET cap = cap + 1 WHERE coupon_id = ${id} AND shard = 0`.execute(db),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      sql`INSERT INTO coupon_stock_shards (coupon_id, shard, cap) VALUES (${id}, 3, 1)`.execute(db),
    ).rejects.toMatchObject({ code: '23514' });
    const n = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM user_coupons WHERE coupon_id = ${id}`.execute(db);
    expect(n.rows[0]!.n).toBe(3);
  });

  it('describes every coupon route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: object }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/admin/coupons',
        '/api/v1/coupons',
        '/api/v1/coupons/{id}/issue',
        '/api/v1/users/me/coupons',
      ]),
    );
  });
});
