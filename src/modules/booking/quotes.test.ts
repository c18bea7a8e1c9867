import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { complete, hold, pay, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { ManualClock } from '../../../test/clock.ts';
import { createTestApp, type TestApp } from '../../../test/context.ts';
import {
  createShowtimeWithSeats,
  createUser,
  type TestShowtime,
  type TestUser,
} from '../../../test/factories.ts';
import { createCoupon, issue } from '../../../test/coupons.ts';

/*
 * GET /holds/:id/coupon-quotes over the real stores and the real coupons module: what it quotes is
 * what POST /reservations then charges, another user's hold is not found, and time is the injected
 * clock's (a ManualClock steps past a coupon's validity and the hold's expiry without sleeping).
 */

interface Quote {
  userCouponId: string;
  couponName: string;
  applicable: boolean;
  discount: number;
  total: number;
  minOrderAmount: number;
  reason?: string;
}

const PRICE = 33_333;

function quotes(app: App, user: TestUser | undefined, holdId: string) {
  return app.inject({
    method: 'GET',
    url: `/api/v1/holds/${holdId}/coupon-quotes`,
    headers: user?.headers ?? {},
  });
}

describe('coupon quotes for a held order', () => {
  let h: CheckoutHarness;
  let admin: TestUser;
  let st: TestShowtime;
  let seat = 0;
  const nextSeat = () => st.seats[seat++]!.id;

  /** A coupon made through the admin API and issued to `user`; returns the user's copy. */
  async function give(user: TestUser, overrides: Record<string, unknown>): Promise<string> {
    const couponId = await createCoupon(h.app, admin, overrides);
    const res = await issue(h.app, user, couponId);
    expect(res.statusCode).toBe(201);
    return res.json<{ userCouponId: string }>().userCouponId;
  }

  const fixed = (name: string, value: number, minOrderAmount = 0) => ({
    name,
    discountType: 'FIXED',
    discountValue: value,
    maxDiscount: undefined,
    minOrderAmount,
  });

  beforeAll(async () => {
    h = await setupCheckout();
    admin = await createUser(h.container, { role: 'ADMIN' });
    st = await createShowtimeWithSeats(h.container, {
      rows: 2,
      seatsPerRow: 10,
      price: PRICE,
      maxTicketsPerUser: 10,
    });
  });
  afterAll(() => h?.close());

  it('prices every usable coupon by the coupon rule, and POST /reservations charges exactly that', async () => {
    const user = await createUser(h.container);
    // 15 % of 33,333 is 4,999.95: the rule floors it to 4,999.
    const percent = await give(user, {
      name: '15% 할인',
      discountType: 'PERCENT',
      discountValue: 15,
      maxDiscount: 10_000,
      minOrderAmount: 30_000,
    });
    const flat = await give(user, fixed('3천원 할인', 3_000));
    const big = await give(user, fixed('5만원 이상 1만원 할인', 10_000, 50_000));
    const busy = await give(user, fixed('천원 할인', 1_000));
    const used = await give(user, fixed('사용한 쿠폰', 2_000));
    const expired = await give(user, fixed('만료된 쿠폰', 2_000));
    // `used` pays for an earlier order of the same user.
    const first = (await hold(h.app, user, st.showtimeId, [nextSeat()])).json<{ id: string }>();
    const bought = await reserve(h.app, user, first.id, undefined, { userCouponId: used });
    const paymentId = bought.json<{ payment: { id: string } }>().payment.id;
    await pay(h.gatewayUrl, paymentId);
    expect((await complete(h.app, user, paymentId)).json().status).toBe('CONFIRMED');
    await sql`UPDATE coupons SET valid_until = now() - interval '1 minute'
              WHERE id = (SELECT coupon_id FROM user_coupons WHERE id = ${expired})`.execute(h.container.db);
    // `busy` is held by another unpaid reservation of the same user.
    const other = (await hold(h.app, user, st.showtimeId, [nextSeat()])).json<{ id: string }>();
    expect((await reserve(h.app, user, other.id, undefined, { userCouponId: busy })).statusCode).toBe(201);

    const held = await hold(h.app, user, st.showtimeId, [nextSeat()]);
    expect(held.statusCode).toBe(201);
    const holdId = held.json<{ id: string; amount: number }>().id;
    expect(held.json().amount).toBe(PRICE);

    const res = await quotes(h.app, user, holdId);
    expect(res.statusCode).toBe(200);
    const list = res.json<Quote[]>();
    // Applicable ones first, the largest discount first; used and expired coupons are not offered.
    expect(list).toEqual([
      {
        userCouponId: percent,
        couponName: '15% 할인',
        applicable: true,
        discount: 4_999,
        total: PRICE - 4_999,
        minOrderAmount: 30_000,
      },
      {
        userCouponId: flat,
        couponName: '3천원 할인',
        applicable: true,
        discount: 3_000,
        total: PRICE - 3_000,
        minOrderAmount: 0,
      },
      // Ties keep the order of the user's coupons: newest first.
      {
        userCouponId: busy,
        couponName: '천원 할인',
        applicable: false,
        discount: 0,
        total: PRICE,
        minOrderAmount: 0,
        reason: 'RESERVED',
      },
      {
        userCouponId: big,
        couponName: '5만원 이상 1만원 할인',
        applicable: false,
        discount: 0,
        total: PRICE,
        minOrderAmount: 50_000,
        reason: 'MIN_ORDER_NOT_MET',
      },
    ]);

    // The reservation charges what the quote said.
    const quoted = list[0]!;
    const created = await reserve(h.app, user, holdId, undefined, { userCouponId: quoted.userCouponId });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ amount: PRICE, discount: quoted.discount, total: quoted.total });

    // An inapplicable one is refused by POST /reservations, as the quote said.
    const third = (await hold(h.app, user, st.showtimeId, [nextSeat()])).json<{ id: string }>().id;
    const refused = await reserve(h.app, user, third, undefined, { userCouponId: big });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'COUPON_NOT_APPLICABLE']);

    // A hold of two seats reaches the minimum of `big`; the percent coupon is now held by the first
    // reservation and says so.
    const pair = await hold(h.app, user, st.showtimeId, [nextSeat(), nextSeat()]);
    expect(pair.statusCode).toBe(201);
    const pairId = pair.json<{ id: string }>().id;
    const after = (await quotes(h.app, user, pairId)).json<Quote[]>();
    const byId = new Map(after.map((q) => [q.userCouponId, q]));
    expect(byId.get(big)).toMatchObject({ applicable: true, discount: 10_000, total: 2 * PRICE - 10_000 });
    expect(byId.get(percent)).toMatchObject({ applicable: false, reason: 'RESERVED', total: 2 * PRICE });
    expect(after[0]!.userCouponId).toBe(big);
    const paid = await reserve(h.app, user, pairId, undefined, { userCouponId: big });
    expect(paid.json()).toMatchObject({ amount: 2 * PRICE, discount: 10_000, total: 2 * PRICE - 10_000 });
  });

  it('a user without coupons gets an empty list', async () => {
    const user = await createUser(h.container);
    const holdId = (await hold(h.app, user, st.showtimeId, [nextSeat()])).json<{ id: string }>().id;
    const res = await quotes(h.app, user, holdId);
    expect([res.statusCode, res.json()]).toEqual([200, []]);
  });

  it("another user's hold is not found, like a hold that does not exist; a reserved hold is 409", async () => {
    const [owner, other] = [await createUser(h.container), await createUser(h.container)];
    await give(owner, fixed('남의 쿠폰', 1_000));
    const holdId = (await hold(h.app, owner, st.showtimeId, [nextSeat()])).json<{ id: string }>().id;

    const theirs = await quotes(h.app, other, holdId);
    const missing = await quotes(h.app, other, randomUUID());
    expect([theirs.statusCode, theirs.json().code]).toEqual([404, 'HOLD_NOT_FOUND']);
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'HOLD_NOT_FOUND']);
    expect(theirs.body).not.toContain('남의 쿠폰');
    expect((await quotes(h.app, undefined, holdId)).statusCode).toBe(401);
    expect((await quotes(h.app, owner, holdId)).statusCode).toBe(200);

    expect((await reserve(h.app, owner, holdId)).statusCode).toBe(201);
    const reserved = await quotes(h.app, owner, holdId);
    expect([reserved.statusCode, reserved.json().code]).toEqual([409, 'HOLD_EXPIRED']);
  });

  describe('on a clock moved by hand', () => {
    let clock: ManualClock;
    let timed: TestApp;
    beforeAll(async () => {
      clock = new ManualClock();
      timed = await createTestApp(h.env, h.overrides, undefined, { clock });
    });
    afterAll(() => timed?.close());

    it('drops a coupon once it is no longer valid and refuses the hold once it has expired', async () => {
      const user = await createUser(h.container);
      const now = Date.now();
      const shortLived = await give(user, {
        ...fixed('곧 끝나는 쿠폰', 2_000),
        issueEndsAt: new Date(now + 60_000).toISOString(),
        validUntil: new Date(now + 120_000).toISOString(),
      });
      const held = await hold(timed.app, user, st.showtimeId, [nextSeat()]);
      const { id: holdId, expiresAt } = held.json<{ id: string; expiresAt: string }>();

      const before = (await quotes(timed.app, user, holdId)).json<Quote[]>();
      expect(before.map((q) => q.userCouponId)).toEqual([shortLived]);

      clock.advance(180_000); // past the coupon's validity, within the hold's ten minutes
      const later = await quotes(timed.app, user, holdId);
      expect([later.statusCode, later.json()]).toEqual([200, []]);

      clock.set(new Date(expiresAt).getTime());
      const expired = await quotes(timed.app, user, holdId);
      expect([expired.statusCode, expired.json().code]).toEqual([409, 'HOLD_EXPIRED']);
    });
  });
});
