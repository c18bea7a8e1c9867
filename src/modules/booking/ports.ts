import type { DbOrTx, Tx } from '../../infra/db.ts';
import type { AuditPort } from '../../infra/audit.ts';

/**
 * What checkout needs from other modules, as narrow ports. The composition root plugs in the real
 * implementations (catalogue inventory, waiting room, coupons, rankings); booking never reads their
 * tables.
 */

/** The facts of a showtime a purchase needs (the catalogue's showtimes and performances). */
export interface PurchaseShowtime {
  id: string;
  performanceId: string;
  title: string;
  startsAt: Date;
  salesOpenAt: Date;
  salesCloseAt: Date;
  maxTicketsPerUser: number;
  queueEnabled: boolean;
  /** The performance is ON_SALE. */
  onSale: boolean;
  /** Where it is played: tickets and confirmations name the venue and its address. */
  venueName: string;
  venueAddress: string;
}

/** A seat as the catalogue sells it: its place, grade, list price and whether it is SOLD. */
export interface InventorySeat {
  id: string;
  section: string;
  row: string;
  number: number;
  grade: string;
  price: number;
  status: 'AVAILABLE' | 'SOLD';
}

/** A seat of an order priced as the ticket type the buyer chose (ADULT: the list price). */
export interface TypedSeatPrice {
  seatId: string;
  ticketType: { code: string; name: string; proofRequired: boolean };
  price: number;
}

/** The catalogue's answer for one reservation (`InventoryPort.forPurchase`). */
export interface PurchaseRead {
  showtime: PurchaseShowtime;
  seats: InventorySeat[];
  /** The seats found, priced as chosen (ADULT when absent). */
  price(): TypedSeatPrice[];
}

/**
 * Seat and showtime inventory, owned by the catalogue. Every method runs on the connection the caller
 * passes: its transaction (so marking seats sold commits or rolls back with the reservation), the
 * primary, or a replica chosen by read routing.
 */
export interface InventoryPort {
  /** A live (not deleted) showtime of a live performance, or undefined. */
  showtime(db: DbOrTx, showtimeId: string): Promise<PurchaseShowtime | undefined>;
  /**
   * The same facts from the primary, as of up to a second ago (one read per showtime per second per
   * instance however many hold attempts ask), for the checks a hold makes before it touches a store.
   * An admin change made through this instance applies at once; through another, within the second.
   * Compare the sales window with the clock on every use; never mutate the object (it is shared).
   */
  purchaseFacts(showtimeId: string): Promise<PurchaseShowtime | undefined>;
  /** The same facts when this instance holds them now (no wait, no read); undefined otherwise. */
  purchaseFactsNow(showtimeId: string): PurchaseShowtime | undefined;
  /** The named seats of the showtime; ids that are not its seats are left out. */
  seatsForSale(db: DbOrTx, showtimeId: string, seatIds: string[]): Promise<InventorySeat[]>;
  /**
   * Prices `seats` (their list prices) by the performance's ticket types: `chosen` maps a seat id to a
   * type code, ADULT when absent. Throws AppError('TICKET_TYPE_UNAVAILABLE') for a code the performance
   * does not sell or a seat id not among `seats`.
   */
  priceSeats(
    db: DbOrTx,
    performanceId: string,
    seats: { id: string; price: number }[],
    chosen?: Readonly<Record<string, string>>,
  ): Promise<TypedSeatPrice[]>;
  /**
   * Everything a reservation reads from the catalogue, in one statement on `db`: the showtime's facts
   * (undefined when it is not live), the named seats of that showtime (ids that are not its seats are
   * left out) and `price`, which prices the seats found as `chosen` says by the same rule as
   * `priceSeats` (throwing TICKET_TYPE_UNAVAILABLE likewise) without another read.
   */
  forPurchase(
    db: DbOrTx,
    showtimeId: string,
    seatIds: string[],
    chosen?: Readonly<Record<string, string>>,
  ): Promise<PurchaseRead | undefined>;
  /** Seats by id in seat-map order (any showtime). */
  seats(db: DbOrTx, seatIds: string[]): Promise<InventorySeat[]>;
  /**
   * AVAILABLE → SOLD, returning the seats changed in seat-map order (fewer than asked: someone else
   * sold one): confirming a purchase flips its seats and reads them for the event in one statement.
   */
  sell(tx: Tx, seatIds: string[]): Promise<InventorySeat[]>;
  /** SOLD → AVAILABLE (a cancellation); returns how many seats changed. */
  release(tx: Tx, seatIds: string[]): Promise<number>;
}

/** The waiting room's gate for queued showtimes. */
export interface AdmissionGate {
  /**
   * Throws AppError('ADMISSION_REQUIRED') unless `token` admits `userId` to `showtimeId` right now.
   * Asked only for showtimes with a waiting room (the caller's facts decide): it checks the token,
   * not whether the showtime is queued. A missing or badly signed token is refused without a store.
   */
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

/** A buyer as the orders desk shows them (the users module). */
export interface Buyer {
  id: string;
  email: string;
  nickname: string;
  phone: string | null;
}

/** The users module, for the orders desk: who matches a search, and who the buyers are. */
export interface BuyerDirectory {
  /** Ids of accounts whose email, nickname or phone matches `q` (at most `limit`). */
  matching(q: string, limit: number): Promise<string[]>;
  /** The accounts among `ids` (withdrawn ones are absent). */
  profiles(ids: string[]): Promise<Map<string, Buyer>>;
}

/** The audit log: an admin action recorded in the transaction that makes it (audit module). */
export type AdminAudit = AuditPort;
