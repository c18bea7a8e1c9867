import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { ManualClock } from '../../../test/clock.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { createCoupon, issue } from '../../../test/coupons.ts';

const MINUTE = 60_000;

/**
 * The issue window and the validity of a copy are judged by the injected clock (services and the
 * Redis issuance script alike): the test steps across them instead of waiting.
 */
describe('coupon windows on the clock', () => {
  const clock = new ManualClock();
  let env: TestEnv;
  let t: TestApp;
  let admin: TestUser;
  let users: TestUser[];

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { clock });
    admin = await createUser(t.container, { role: 'ADMIN' });
    users = await Promise.all([1, 2, 3].map(() => createUser(t.container)));
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const at = (offsetMs: number) => new Date(clock.nowMs() + offsetMs).toISOString();
  const listed = async (): Promise<string[]> =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/coupons' })).json<{ id: string }[]>().map((c) => c.id);
  const mine = async (user: TestUser) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/users/me/coupons', headers: user.headers })).json<
      { coupon: { id: string }; status: string }[]
    >();

  it('opens issuing at issueStartsAt and closes it at issueEndsAt, as the clock moves', async () => {
    const [alice, bob, carol] = users as [TestUser, TestUser, TestUser];
    const couponId = await createCoupon(t.app, admin, {
      issueStartsAt: at(5 * MINUTE),
      issueEndsAt: at(15 * MINUTE),
      validUntil: at(60 * MINUTE),
    });

    expect((await issue(t.app, alice, couponId)).json()).toMatchObject({ code: 'COUPON_NOT_ISSUABLE' });
    expect(await listed()).not.toContain(couponId);

    clock.advance(6 * MINUTE);
    expect((await issue(t.app, alice, couponId)).statusCode).toBe(201);
    expect(await listed()).toContain(couponId);

    clock.advance(10 * MINUTE);
    const late = await issue(t.app, bob, couponId);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'COUPON_NOT_ISSUABLE' });
    expect(await listed()).not.toContain(couponId);
    expect(await mine(carol)).toEqual([]);

    // Alice's copy outlives the window until validUntil, then shows as EXPIRED.
    expect((await mine(alice)).find((c) => c.coupon.id === couponId)?.status).toBe('AVAILABLE');
    clock.advance(45 * MINUTE);
    expect((await mine(alice)).find((c) => c.coupon.id === couponId)?.status).toBe('EXPIRED');
  });

  it('refuses a new coupon whose window has already ended on the clock', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/coupons',
      headers: admin.headers,
      payload: {
        name: 'past',
        discountType: 'FIXED',
        discountValue: 1_000,
        stock: 10,
        issueStartsAt: at(-20 * MINUTE),
        issueEndsAt: at(-MINUTE),
        validUntil: at(60 * MINUTE),
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      field: 'body.issueEndsAt',
      rule: 'future',
      message: 'must be in the future',
    });
  });
});
