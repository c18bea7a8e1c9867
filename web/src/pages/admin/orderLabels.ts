import type { Key } from '../../i18n/dict.ts';

/** The phrase key for a reservation or payment status; unknown values are shown as they are. */
export const statusKey = (status: string): Key => `orders.st.${status}` as Key;
export const paymentKey = (status: string): Key => `orders.pay.${status}` as Key;

const KNOWN_PAYMENT = new Set(['READY', 'PAID', 'FAILED', 'PARTIAL_CANCELLED', 'CANCELLED', 'UNKNOWN']);
export const knownPayment = (status: string | null | undefined): status is string =>
  !!status && KNOWN_PAYMENT.has(status);
