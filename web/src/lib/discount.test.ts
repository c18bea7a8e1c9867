import { describe, expect, it } from 'vitest';
import { estimateDiscount } from './discount.ts';

describe('estimateDiscount', () => {
  it('takes a fixed amount, never more than the order', () => {
    expect(estimateDiscount({ id: 'c', name: 'c', discountType: 'FIXED', discountValue: 5000 }, 70000)).toBe(
      5000,
    );
    expect(estimateDiscount({ id: 'c', name: 'c', discountType: 'FIXED', discountValue: 90000 }, 70000)).toBe(
      70000,
    );
  });

  it('takes a percentage rounded down, capped by maxDiscount', () => {
    const c = { id: 'c', name: 'c', discountType: 'PERCENT' as const, discountValue: 15, maxDiscount: 20000 };
    expect(estimateDiscount(c, 99999)).toBe(14999);
    expect(estimateDiscount(c, 200000)).toBe(20000);
  });

  it('gives nothing below the minimum order', () => {
    const c = {
      id: 'c',
      name: 'c',
      discountType: 'FIXED' as const,
      discountValue: 5000,
      minOrderAmount: 100000,
    };
    expect(estimateDiscount(c, 99999)).toBe(0);
    expect(estimateDiscount(c, 100000)).toBe(5000);
  });
});
