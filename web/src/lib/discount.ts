import type { UserCoupon } from '../api/types.ts';

/** What the coupon would take off, as the server computes it (shown as an estimate). */
export function estimateDiscount(c: UserCoupon['coupon'], amount: number): number {
  if (c.minOrderAmount && amount < c.minOrderAmount) return 0;
  let d = c.discountType === 'FIXED' ? c.discountValue : Math.floor((amount * c.discountValue) / 100);
  if (c.maxDiscount) d = Math.min(d, c.maxDiscount);
  return Math.min(d, amount);
}
