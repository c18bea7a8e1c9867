import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a number read out over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KST_OFFSET_MS = 9 * 3_600_000;

/** `CT` + the booking day in Korea (YYMMDD) + six random base32 characters, e.g. `CT261130K7Q2XM`. */
export function newBookingNumber(now: Date, random: (n: number) => Buffer = randomBytes): string {
  const kst = new Date(now.getTime() + KST_OFFSET_MS);
  const day =
    String(kst.getUTCFullYear() % 100).padStart(2, '0') +
    String(kst.getUTCMonth() + 1).padStart(2, '0') +
    String(kst.getUTCDate()).padStart(2, '0');
  const bytes = random(6);
  let tail = '';
  for (const b of bytes) tail += ALPHABET[b % 32];
  return `CT${day}${tail}`;
}

export const BOOKING_NUMBER_PATTERN = '^CT[0-9]{6}[0-9A-HJKMNP-TV-Z]{6}$';
