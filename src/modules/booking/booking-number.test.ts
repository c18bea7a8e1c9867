import { describe, expect, it } from 'vitest';
import { BOOKING_NUMBER_PATTERN, newBookingNumber } from './booking-number.ts';

describe('booking numbers', () => {
  it('are CT + the booking day in Korea + six base32 characters', () => {
    // 2026-11-30 20:00 UTC is already 1 December in Korea.
    // Five bits a character, lowest first: 0, 1, 31, 0, 8, 31.
    const bits = 0 | (1 << 5) | (31 << 10) | (0 << 15) | (8 << 20) | (31 << 25);
    const n = newBookingNumber(new Date('2026-11-30T20:00:00Z'), () => bits);
    expect(n).toBe('CT26120101Z08Z');
    expect(n).toMatch(new RegExp(BOOKING_NUMBER_PATTERN));
  });

  it('look random and never use I, L, O or U', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const n = newBookingNumber(new Date('2026-01-05T00:00:00Z'));
      expect(n).toMatch(/^CT260105[0-9A-HJKMNP-TV-Z]{6}$/);
      seen.add(n);
    }
    expect(seen.size).toBe(500);
    // Every character of the alphabet turns up in every position: all thirty bits are drawn.
    for (let position = 0; position < 6; position++) {
      const used = new Set([...seen].map((n) => n[8 + position]));
      expect(used.size).toBeGreaterThan(28);
    }
  });
});
