import { sql } from 'kysely';
import { AppError } from '../../errors.ts';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import type { CouponQuote, DiscountPort } from '../booking/ports.ts';
import type { DiscountType } from './coupons.tables.ts';
import { UUID_RE } from '../../http/schemas.ts';
import { CouponRepository, type UserCouponRow } from './coupons.repository.ts';

export interface DiscountTerms {
  discountType: DiscountType;
  discountValue: number;
  maxDiscount: number | null;
}

/**
 * The discount in KRW, in integers only. PERCENT: floor(amount × percent / 100), capped by
 * maxDiscount; FIXED: the value. Never more than the order itself.
 */
export function discountFor(terms: DiscountTerms, orderAmount: number): number {
  if (!Number.isSafeInteger(orderAmount) || orderAmount < 0) throw new RangeError('orderAmount must be KRW');
  let discount: number;
  if (terms.discountType === 'PERCENT') {
    const scaled = orderAmount * terms.discountValue; // exact: both are integers far below 2^53 / 100
    discount = (scaled - (scaled % 100)) / 100;
    if (terms.maxDiscount !== null) discount = Math.min(discount, terms.maxDiscount);
  } else {
    discount = terms.discountValue;
  }
  return Math.min(discount, orderAmount);
}

/**
 * One of the user's coupons priced against an order, by the rule `reserve` enforces: a coupon held by
 * another unpaid reservation does not apply, nor one whose minimum the order does not reach;
 * otherwise the discount is `discountFor`. Validity and USED are filtered by the caller (`quote`).
 */
export function quoteOf(row: UserCouponRow, orderAmount: number): CouponQuote {
  const base = {
    userCouponId: row.id,
    couponName: row.coupon.name,
    minOrderAmount: row.coupon.minOrderAmount,
  };
  if (row.status === 'RESERVED') return { ...base, applicable: false, discount: 0, reason: 'RESERVED' };
  if (row.coupon.minOrderAmount > orderAmount) {
    return { ...base, applicable: false, discount: 0, reason: 'MIN_ORDER_NOT_MET' };
  }
  return { ...base, applicable: true, discount: discountFor(row.coupon, orderAmount) };
}

/**
 * The checkout seam (DiscountPort). A coupon goes AVAILABLE → RESERVED (with the reservation) →
 * USED on payment, or back to AVAILABLE when the reservation fails, expires or is cancelled —
 * including after payment: a cancelled order gives its coupon back (it still expires on its date).
 */
export class CouponDiscounts implements DiscountPort {
  constructor(private readonly repo: CouponRepository = new CouponRepository()) {}

  /**
   * Every coupon the user could pick for this order, priced: unused and valid at `at` (the same
   * `valid_until > now` as `reserve`). Applicable ones first, the largest discount first; ties keep
   * the order of the user's coupon list (newest first).
   */
  async quote(db: DbOrTx, input: { userId: string; orderAmount: number; at: Date }): Promise<CouponQuote[]> {
    const { userId, orderAmount, at } = input;
    if (!UUID_RE.test(userId) || !Number.isSafeInteger(orderAmount) || orderAmount < 0) {
      throw new RangeError('quote needs a user id and an order amount in KRW');
    }
    const rows = await this.repo.ofUser(db, userId);
    return rows
      .filter((row) => row.status !== 'USED' && row.coupon.validUntil.getTime() > at.getTime())
      .map((row) => quoteOf(row, orderAmount))
      .sort((a, b) => Number(b.applicable) - Number(a.applicable) || b.discount - a.discount);
  }

  async reserve(
    tx: Tx,
    input: { userId: string; userCouponId: string; orderAmount: number; reservationId: string },
  ): Promise<number> {
    const { userId, userCouponId, orderAmount, reservationId } = input;
    // Reject malformed input before touching the database: an SQL error would abort the caller's tx.
    if (
      !UUID_RE.test(userCouponId) ||
      !UUID_RE.test(userId) ||
      !UUID_RE.test(reservationId) ||
      !Number.isSafeInteger(orderAmount) ||
      orderAmount < 0
    ) {
      throw new AppError('COUPON_NOT_APPLICABLE', 'The coupon or order is not valid');
    }
    const other = await tx
      .selectFrom('user_coupons')
      .select('id')
      .where('reservation_id', '=', reservationId)
      .where('id', '<>', userCouponId)
      .executeTakeFirst();
    if (other) throw new AppError('COUPON_NOT_APPLICABLE', 'The reservation already carries another coupon');

    // The conditional UPDATE is the lock: of two concurrent reservations, the second waits for the
    // first's row lock, re-reads status = 'RESERVED' and matches nothing. Re-reserving for the same
    // reservation (a retried request) returns the same discount.
    const { rows } = await sql<DiscountTerms>`
      UPDATE user_coupons uc
         SET status = 'RESERVED', reservation_id = ${reservationId}
        FROM coupons c
       WHERE uc.id = ${userCouponId}
         AND uc.user_id = ${userId}
         AND c.id = uc.coupon_id
         AND (uc.status = 'AVAILABLE' OR (uc.status = 'RESERVED' AND uc.reservation_id = ${reservationId}))
         AND c.valid_until > now()
         AND c.min_order_amount <= ${orderAmount}
      RETURNING c.discount_type AS "discountType", c.discount_value AS "discountValue",
                c.max_discount AS "maxDiscount"`.execute(tx);
    const terms = rows[0];
    if (!terms) {
      throw new AppError(
        'COUPON_NOT_APPLICABLE',
        'The coupon is not yours, already used or reserved, expired, or the order is below its minimum',
      );
    }
    return discountFor(terms, orderAmount);
  }

  async consume(tx: Tx, reservationId: string): Promise<void> {
    if (!UUID_RE.test(reservationId)) return;
    await tx
      .updateTable('user_coupons')
      .set({ status: 'USED', used_at: new Date() })
      .where('reservation_id', '=', reservationId)
      .where('status', '=', 'RESERVED')
      .execute();
  }

  async restore(tx: Tx, reservationId: string): Promise<void> {
    if (!UUID_RE.test(reservationId)) return;
    await tx
      .updateTable('user_coupons')
      .set({ status: 'AVAILABLE', reservation_id: null, used_at: null })
      .where('reservation_id', '=', reservationId)
      .where('status', 'in', ['RESERVED', 'USED'])
      .execute();
  }
}
