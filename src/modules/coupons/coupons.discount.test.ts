import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { AppError } from '../../errors.ts';
import { CouponDiscounts, discountFor, quoteOf } from './coupons.discount.ts';
import { createCoupon, issue } from '../../../test/coupons.ts';

describe('discount arithmetic in KRW', () => {
  const percent = (value: number, maxDiscount: number | null = null) =>
    ({ discountType: 'PERCENT', discountValue: value, maxDiscount }) as const;
  const fixed = (value: number) =>
    ({ discountType: 'FIXED', discountValue: value, maxDiscount: null }) as const;

  it.each([
    [percent(10), 55_000, 5_500],
    [percent(15), 33_333, 4_999], // 4,999.95 floors to 4,999
    [percent(10, 5_000), 99_000, 5_000], // capped
    [percent(10, 5_000), 49_990, 4_999], // under the cap
    [percent(100), 12_345, 12_345],
    [percent(7), 1, 0],
    [percent(33), 2_100_000_000, 693_000_000],
    [fixed(3_000), 50_000, 3_000],
    [fixed(3_000), 2_000, 2_000], // never more than the order
    [fixed(3_000), 0, 0],
  ])('%j on %i KRW → %i KRW', (terms, amount, expected) => {
    expect(discountFor(terms, amount)).toBe(expected);
  });
});

describe('DiscountPort on real transactions', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;
  const port = new CouponDiscounts();
  beforeAll(async () => {
    t = await setupTestApp();
    admin = await createUser(t.container, { role: 'ADMIN' });
  });
  afterAll(() => t.close());

  /** A user holding one copy of a fresh coupon (10%, cap 5,000, minimum 30,000 unless overridden). */
  async function holder(overrides: Record<string, unknown> = {}) {
    const user = await createUser(t.container);
    const couponId = await createCoupon(t.app, admin, overrides);
    const res = await issue(t.app, user, couponId);
    return { user, couponId, userCouponId: res.json<{ userCouponId: string }>().userCouponId };
  }

  const statusOf = async (userCouponId: string) =>
    (
      await sql<{ status: string; reservation_id: string | null }>`
        SELECT status, reservation_id FROM user_coupons WHERE id = ${userCouponId}`.execute(t.container.db)
    ).rows[0];

  const reserve = (input: {
    userId: string;
    userCouponId: string;
    orderAmount: number;
    reservationId?: string;
  }) =>
    t.container.db.transaction().execute((tx) => port.reserve(tx, { reservationId: randomUUID(), ...input }));

  const code = (err: unknown) => (err instanceof AppError ? err.code : String(err));

  it('reserves, consumes and restores with the reservation', async () => {
    const { user, userCouponId } = await holder();
    const reservationId = randomUUID();
    const discount = await reserve({ userId: user.id, userCouponId, orderAmount: 99_000, reservationId });
    expect(discount).toBe(5_000); // 9,900 capped at 5,000
    expect(await statusOf(userCouponId)).toEqual({ status: 'RESERVED', reservation_id: reservationId });
    // A retried reservation step gets the same answer.
    expect(await reserve({ userId: user.id, userCouponId, orderAmount: 99_000, reservationId })).toBe(5_000);

    await t.container.db.transaction().execute((tx) => port.consume(tx, reservationId));
    expect(await statusOf(userCouponId)).toMatchObject({ status: 'USED' });
    await expect(reserve({ userId: user.id, userCouponId, orderAmount: 99_000 })).rejects.toMatchObject({
      code: 'COUPON_NOT_APPLICABLE',
    });

    // Cancelling a paid reservation gives the coupon back (rule stated on DiscountPort.restore).
    await t.container.db.transaction().execute((tx) => port.restore(tx, reservationId));
    expect(await statusOf(userCouponId)).toEqual({ status: 'AVAILABLE', reservation_id: null });
  });

  it('restores a reserved coupon when the reservation fails, and a rollback leaves it untouched', async () => {
    const { user, userCouponId } = await holder();
    const reservationId = randomUUID();
    await reserve({ userId: user.id, userCouponId, orderAmount: 40_000, reservationId });
    await t.container.db.transaction().execute((tx) => port.restore(tx, reservationId));
    expect(await statusOf(userCouponId)).toEqual({ status: 'AVAILABLE', reservation_id: null });

    await expect(
      t.container.db.transaction().execute(async (tx) => {
        await port.reserve(tx, { userId: user.id, userCouponId, orderAmount: 40_000, reservationId });
        throw new Error('payment step failed');
      }),
    ).rejects.toThrow('payment step failed');
    expect(await statusOf(userCouponId)).toMatchObject({ status: 'AVAILABLE' });
  });

  it('lets exactly one of two concurrent reservations take the coupon', async () => {
    const { user, userCouponId } = await holder();
    // Each transaction reserves, then keeps its row lock a moment before committing, so the two overlap.
    const attempt = (reservationId: string) =>
      t.container.db.transaction().execute(async (tx) => {
        const discount = await port.reserve(tx, {
          userId: user.id,
          userCouponId,
          orderAmount: 50_000,
          reservationId,
        });
        await sleep(50);
        return { reservationId, discount };
      });
    const results = await Promise.allSettled([attempt(randomUUID()), attempt(randomUUID())]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(code((lost[0] as PromiseRejectedResult).reason)).toBe('COUPON_NOT_APPLICABLE');
    const winner = (won[0] as PromiseFulfilledResult<{ reservationId: string; discount: number }>).value;
    expect(winner.discount).toBe(5_000);
    expect(await statusOf(userCouponId)).toEqual({
      status: 'RESERVED',
      reservation_id: winner.reservationId,
    });
  });

  it('refuses what does not apply: too small an order, another user, expired, unknown, nonsense', async () => {
    const { user, userCouponId } = await holder({ minOrderAmount: 30_000 });
    const refuse = (input: Parameters<typeof reserve>[0]) =>
      expect(reserve(input)).rejects.toMatchObject({ code: 'COUPON_NOT_APPLICABLE' });

    await refuse({ userId: user.id, userCouponId, orderAmount: 29_999 });
    expect(await reserve({ userId: user.id, userCouponId, orderAmount: 30_000 })).toBe(3_000);

    const fresh = await holder();
    const stranger = await createUser(t.container);
    await refuse({ userId: stranger.id, userCouponId: fresh.userCouponId, orderAmount: 50_000 });
    await refuse({ userId: user.id, userCouponId: randomUUID(), orderAmount: 50_000 });
    await refuse({ userId: user.id, userCouponId: 'not-a-uuid', orderAmount: 50_000 });
    await refuse({ userId: fresh.user.id, userCouponId: fresh.userCouponId, orderAmount: 10.5 });

    await sql`UPDATE coupons SET valid_until = now() - interval '1 second', issue_starts_at = now() - interval '1 hour'
              WHERE id = ${fresh.couponId}`.execute(t.container.db);
    await refuse({ userId: fresh.user.id, userCouponId: fresh.userCouponId, orderAmount: 50_000 });
  });

  it('keeps one coupon per reservation', async () => {
    const first = await holder();
    const second = await createCoupon(t.app, admin);
    const userCouponId = (await issue(t.app, first.user, second)).json<{ userCouponId: string }>()
      .userCouponId;
    const reservationId = randomUUID();
    await reserve({
      userId: first.user.id,
      userCouponId: first.userCouponId,
      orderAmount: 50_000,
      reservationId,
    });
    await expect(
      reserve({ userId: first.user.id, userCouponId, orderAmount: 50_000, reservationId }),
    ).rejects.toMatchObject({ code: 'COUPON_NOT_APPLICABLE' });
  });
});

describe('quoteOf: one coupon against one order, by the rule reserve applies', () => {
  const row = (over: { status?: 'AVAILABLE' | 'RESERVED'; minOrderAmount?: number } = {}) => ({
    id: 'uc',
    status: over.status ?? 'AVAILABLE',
    issuedAt: new Date(),
    usedAt: null,
    coupon: {
      id: 'c',
      name: '10% 할인',
      discountType: 'PERCENT' as const,
      discountValue: 10,
      maxDiscount: 5_000,
      minOrderAmount: over.minOrderAmount ?? 30_000,
      stock: 1,
      issued: 1,
      issueStartsAt: new Date(),
      issueEndsAt: new Date(),
      validUntil: new Date(),
      createdAt: new Date(),
    },
  });

  it.each([
    [row(), 55_000, { applicable: true, discount: 5_000 }],
    [row(), 30_000, { applicable: true, discount: 3_000 }], // the minimum itself is enough
    [row(), 29_999, { applicable: false, discount: 0, reason: 'MIN_ORDER_NOT_MET' }],
    [row({ status: 'RESERVED' }), 55_000, { applicable: false, discount: 0, reason: 'RESERVED' }],
  ])('%#', (r, amount, expected) => {
    expect(quoteOf(r, amount)).toEqual({
      userCouponId: 'uc',
      couponName: '10% 할인',
      minOrderAmount: r.coupon.minOrderAmount,
      ...expected,
    });
  });
});
