import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser, type TestShowtime, type TestUser } from '../factories.ts';
import { complete, hold, pay, reserve, setupCheckout, type CheckoutHarness } from '../checkout.ts';
import { createCoupon, issue } from '../coupons.ts';
import { myCoupons } from './journey.ts';

/**
 * One issued coupon against checkout: it discounts exactly one reservation however the requests race,
 * and every way a reservation closes without payment (declined, expired) gives it back.
 */
describe('a coupon across concurrent and failing checkouts', () => {
  let h: CheckoutHarness;
  let admin: TestUser;
  let st: TestShowtime;

  beforeAll(async () => {
    h = await setupCheckout();
    admin = await createUser(h.container, { role: 'ADMIN' });
    st = await createShowtimeWithSeats(h.container, { rows: 2, seatsPerRow: 10, maxTicketsPerUser: 10 });
  });
  afterAll(() => h.close());

  let nextSeat = 0;
  const seat = () => st.seats[nextSeat++]!.id;

  /** A buyer with one issued FIXED 7,000 KRW coupon. */
  async function buyerWithCoupon(): Promise<{ user: TestUser; userCouponId: string }> {
    const user = await createUser(h.container);
    const couponId = await createCoupon(h.app, admin, {
      discountType: 'FIXED',
      discountValue: 7_000,
      maxDiscount: undefined,
      minOrderAmount: 0,
    });
    const issued = await issue(h.app, user, couponId);
    expect(issued.statusCode).toBe(201);
    return { user, userCouponId: issued.json<{ userCouponId: string }>().userCouponId };
  }

  async function heldSeat(user: TestUser): Promise<string> {
    const res = await hold(h.app, user, st.showtimeId, [seat()]);
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  }

  const couponStatus = async (user: TestUser, userCouponId: string) =>
    (await myCoupons(h.app, user)).find((c) => c.id === userCouponId)?.status;

  it('two concurrent reservations with one coupon: exactly one gets the discount', async () => {
    const { user, userCouponId } = await buyerWithCoupon();
    const [holdA, holdB] = [await heldSeat(user), await heldSeat(user)];
    const results = await Promise.all([
      reserve(h.app, user, holdA, undefined, { userCouponId }),
      reserve(h.app, user, holdB, undefined, { userCouponId }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 422]);
    const won = results.find((r) => r.statusCode === 201)!.json();
    expect(won).toMatchObject({ amount: 100_000, discount: 7_000, total: 93_000 });
    expect(results.find((r) => r.statusCode === 422)!.json().code).toBe('COUPON_NOT_APPLICABLE');
    // Only one reservation exists, and the coupon is tied to it.
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM reservations WHERE user_id = ${user.id}`.execute(h.container.db);
    expect(rows.map((r) => r.id)).toEqual([won.id]);
    const { rows: coupons } = await sql<{ reservation_id: string; status: string }>`
      SELECT reservation_id, status FROM user_coupons WHERE id = ${userCouponId}`.execute(h.container.db);
    expect(coupons).toEqual([{ reservation_id: won.id, status: 'RESERVED' }]);
    // The losing hold was left as it was: it still becomes a reservation, at full price.
    const lostHold = results[0]!.statusCode === 422 ? holdA : holdB;
    const fullPrice = await reserve(h.app, user, lostHold);
    expect(fullPrice.statusCode).toBe(201);
    expect(fullPrice.json()).toMatchObject({ discount: 0, total: 100_000 });
  });

  it('a declined payment restores the coupon, usable in a new reservation', async () => {
    const { user, userCouponId } = await buyerWithCoupon();
    const first = await reserve(h.app, user, await heldSeat(user), undefined, { userCouponId });
    expect(first.statusCode).toBe(201);
    const paymentId = first.json<{ payment: { id: string } }>().payment.id;
    await pay(h.gatewayUrl, paymentId, { outcome: 'failed' });
    expect((await complete(h.app, user, paymentId)).json()).toMatchObject({ status: 'FAILED' });
    expect(await couponStatus(user, userCouponId)).toBe('AVAILABLE');

    const again = await reserve(h.app, user, await heldSeat(user), undefined, { userCouponId });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ discount: 7_000, total: 93_000 });
    await pay(h.gatewayUrl, again.json<{ payment: { id: string } }>().payment.id);
    const done = await complete(h.app, user, again.json<{ payment: { id: string } }>().payment.id);
    expect(done.json()).toMatchObject({ status: 'CONFIRMED' });
    expect(await couponStatus(user, userCouponId)).toBe('USED');
  });

  it('an unpaid reservation expired by the recovery job restores the coupon', async () => {
    const { user, userCouponId } = await buyerWithCoupon();
    const first = await reserve(h.app, user, await heldSeat(user), undefined, { userCouponId });
    expect(first.statusCode).toBe(201);
    const reservationId = first.json<{ id: string }>().id;
    // RESERVATION_TTL_SECONDS is at least 60 s: move the deadline into the past instead of waiting.
    await sql`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = ${reservationId}`.execute(
      h.container.db,
    );
    expect((await h.container.booking.recovery.runOnce()).expired).toBe(1);
    const { rows } = await sql<{ status: string }>`
      SELECT status FROM reservations WHERE id = ${reservationId}`.execute(h.container.db);
    expect(rows[0]?.status).toBe('EXPIRED');
    expect(await couponStatus(user, userCouponId)).toBe('AVAILABLE');

    const again = await reserve(h.app, user, await heldSeat(user), undefined, { userCouponId });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ discount: 7_000, total: 93_000 });
  });
});
