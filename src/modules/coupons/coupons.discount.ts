import { AppError } from '../../errors.ts';
import { systemClock, type Clock } from '../../infra/clock.ts';
import type { Tx } from '../../infra/db.ts';
import type { DiscountPort } from '../booking/ports.ts';
import { CouponRepository, type DiscountTerms } from './coupons.repository.ts';
import { UUID_RE } from '../../http/schemas.ts';

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
