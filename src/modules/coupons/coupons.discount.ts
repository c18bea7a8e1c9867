import { AppError } from '../../errors.ts';
import { systemClock, type Clock } from '../../infra/clock.ts';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import type { CouponQuote, DiscountPort } from '../booking/ports.ts';
import { UUID_RE } from '../../http/schemas.ts';
import { CouponRepository, type DiscountTerms, type UserCouponRow } from './coupons.repository.ts';

export type { DiscountTerms } from './coupons.repository.ts';

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
 * Every step runs in checkout's transaction; the SQL is the repository's.
 */
export class CouponDiscounts implements DiscountPort {
  constructor(
    private readonly repo: CouponRepository = new CouponRepository(),
    private readonly clock: Clock = systemClock,
  ) {}

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
    if (await this.repo.otherCouponOnReservation(tx, reservationId, userCouponId)) {
      throw new AppError('COUPON_NOT_APPLICABLE', 'The reservation already carries another coupon');
    }
    const terms = await this.repo.reserve(tx, input, this.clock.now());
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
    await this.repo.consume(tx, reservationId, this.clock.now());
  }

  async restore(tx: Tx, reservationId: string): Promise<void> {
    if (!UUID_RE.test(reservationId)) return;
    await this.repo.restore(tx, reservationId);
  }
}
