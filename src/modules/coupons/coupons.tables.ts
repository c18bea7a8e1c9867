import type { ColumnType, Generated } from 'kysely';

export type DiscountType = 'FIXED' | 'PERCENT';
/** Stored states; EXPIRED is derived from the coupon's validUntil when read. */
export type StoredCouponStatus = 'AVAILABLE' | 'RESERVED' | 'USED';

export interface CouponsTable {
  id: Generated<string>;
  name: string;
  discount_type: DiscountType;
  discount_value: number;
  max_discount: number | null;
  min_order_amount: ColumnType<number, number | undefined, number>;
  stock: number;
  issue_starts_at: Date;
  issue_ends_at: Date;
  valid_until: Date;
  created_at: ColumnType<Date, never, never>;
}

/** A coupon's stock is split into shards (caps summing to the stock) so winners do not share one row. */
export interface CouponStockShardsTable {
  coupon_id: string;
  shard: number;
  cap: number;
  issued: ColumnType<number, never, number>;
}

export interface UserCouponsTable {
  id: Generated<string>;
  coupon_id: string;
  user_id: string;
  shard: number;
  status: ColumnType<StoredCouponStatus, StoredCouponStatus | undefined, StoredCouponStatus>;
  reservation_id: string | null;
  issued_at: ColumnType<Date, never, never>;
  used_at: Date | null;
}

declare module '../../infra/db.ts' {
  interface Database {
    coupons: CouponsTable;
    coupon_stock_shards: CouponStockShardsTable;
    user_coupons: UserCouponsTable;
  }
}

/** A coupon as the module's services and routes see it (camelCase, issued summed over shards). */
export interface CouponRow {
  id: string;
  name: string;
  discountType: DiscountType;
  discountValue: number;
  maxDiscount: number | null;
  minOrderAmount: number;
  stock: number;
  issued: number;
  issueStartsAt: Date;
  issueEndsAt: Date;
  validUntil: Date;
  createdAt: Date;
}

export type NewCoupon = Omit<CouponRow, 'id' | 'issued' | 'createdAt'>;

export interface UserCouponRow {
  id: string;
  status: StoredCouponStatus;
  issuedAt: Date;
  usedAt: Date | null;
  coupon: CouponRow;
}
