import type { DbOrTx, Tx } from '../../infra/db.ts';

/**
 * What checkout needs from other modules, as narrow ports. The composition root plugs in the real
 * implementations (waiting room, coupons, rankings); booking never reads their tables.
 */

/** The waiting room's gate for queued showtimes. */
export interface AdmissionGate {
  /** Throws AppError('ADMISSION_REQUIRED') unless `token` admits `userId` to `showtimeId` right now. */
  assertAdmitted(input: { showtimeId: string; userId: string; token: string | undefined }): Promise<void>;
  /** The user's purchase completed (or they left): end their active session and free the slot. */
  release(showtimeId: string, userId: string): Promise<void>;
}

/** Coupons applied at checkout. Every method runs inside the caller's transaction. */
export interface DiscountPort {
  /**
   * Validates and reserves the user's coupon for this reservation; returns the discount in KRW.
   * Throws AppError('COUPON_NOT_APPLICABLE') when it is not valid, owned, unused, or the order is too small.
   */
  reserve(
    tx: Tx,
    input: { userId: string; userCouponId: string; orderAmount: number; reservationId: string },
  ): Promise<number>;
  /** The reservation was paid: the coupon is USED. */
  consume(tx: Tx, reservationId: string): Promise<void>;
  /** The reservation failed, expired or was cancelled: the coupon is AVAILABLE again. */
  restore(tx: Tx, reservationId: string): Promise<void>;
  /**
   * What each of the user's coupons would take off an order of `orderAmount` at `at`, by the rule
   * `reserve` applies (same discount, same minimum). Reads only. Lists the coupons the user could pick
   * for an order: unused and still valid (one held by another unpaid reservation is listed, not applicable).
   */
  quote(db: DbOrTx, input: { userId: string; orderAmount: number; at: Date }): Promise<CouponQuote[]>;
}

/** Why a coupon does not apply to an order (DiscountPort.quote). */
export type CouponQuoteReason = 'MIN_ORDER_NOT_MET' | 'RESERVED';

/** One coupon priced against one order. */
export interface CouponQuote {
  userCouponId: string;
  couponName: string;
  applicable: boolean;
  /** KRW off the order: 0 when not applicable; never more than the order. */
  discount: number;
  /** The order amount the coupon needs (0: none). */
  minOrderAmount: number;
  reason?: CouponQuoteReason;
}

/** The sales ranking, fed by confirmed seats (negative counts correct it after a cancellation). */
export interface SalesRanking {
  recordSales(performanceId: string, seatCount: number): Promise<void>;
}
