import type { Hold } from '../api/types.ts';

/**
 * What the buying flow keeps across pages and across the trip to the payment page. sessionStorage:
 * per tab, gone when the tab closes. Admission tokens are short-lived and bound to user and showtime
 * by the server, so keeping them here does not widen what they allow.
 */

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the flow still works within this page.
  }
}

export interface Admission {
  token: string;
  expiresAt?: string;
}

export function getAdmission(showtimeId: string): Admission | null {
  const a = read<Admission>(`ct.admission.${showtimeId}`);
  if (!a) return null;
  if (a.expiresAt && new Date(a.expiresAt).getTime() <= Date.now()) {
    write(`ct.admission.${showtimeId}`, null);
    return null;
  }
  return a;
}

export function setAdmission(showtimeId: string, admission: Admission | null): void {
  write(`ct.admission.${showtimeId}`, admission);
}

export interface PendingHold {
  hold: Hold;
  performanceId: string;
  performanceTitle: string;
  seatLabels: string[];
  /** The held seats with their grades (a ticket type is priced per grade); absent in older entries. */
  seats?: { id: string; label: string; grade: string }[];
  /** One key per hold: retrying the reservation returns the same one instead of a second. */
  idempotencyKey: string;
  /**
   * The reservation already made from this hold (the buyer came back from the payment page): paying
   * again must send the same coupon, so the same key answers with the same reservation.
   */
  reserved?: {
    userCouponId?: string;
    couponName?: string;
    discount: number;
    total: number;
    ticketTypes?: Record<string, string>;
    booker?: { name: string; phone: string };
    /** The payment method the reservation was made with (a retry must send the same). */
    payChoice?: 'CARD' | 'KAKAOPAY' | 'TOSSPAY' | 'NAVERPAY' | 'TRANSFER' | 'VIRTUAL_ACCOUNT';
  };
}

export function getPendingHold(): PendingHold | null {
  return read<PendingHold>('ct.hold');
}

export function setPendingHold(pending: PendingHold | null): void {
  write('ct.hold', pending);
}

/** The payment under way: its ids, and the sandbox page (virtual accounts: where to deposit). */
export interface PendingPayment {
  paymentId: string;
  reservationId: string;
  checkoutUrl?: string;
}

export function getPendingPayment(): PendingPayment | null {
  return read('ct.payment');
}

export function setPendingPayment(value: PendingPayment | null): void {
  write('ct.payment', value);
}

export function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
