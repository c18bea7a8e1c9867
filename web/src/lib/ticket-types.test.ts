import { describe, expect, it } from 'vitest';
import { ticketTypePrice } from './ticket-types.ts';

describe('ticket type prices', () => {
  it('keeps the list price as it is when nothing is off, even an odd one', () => {
    expect(ticketTypePrice(150_000, 0)).toBe(150_000);
    expect(ticketTypePrice(99_950, 0)).toBe(99_950);
  });

  it('takes the percent off and rounds to 100 won', () => {
    expect(ticketTypePrice(150_000, 20)).toBe(120_000);
    expect(ticketTypePrice(77_000, 50)).toBe(38_500);
    expect(ticketTypePrice(99_950, 20)).toBe(80_000); // 79,960 → 80,000
    expect(ticketTypePrice(55_550, 30)).toBe(38_900); // 38,885 → 38,900
    expect(ticketTypePrice(10_100, 15)).toBe(8_600); // 8,585 → 8,600
    expect(ticketTypePrice(33_333, 20)).toBe(26_700); // the server's own example
  });

  it('is free at 100 percent', () => {
    expect(ticketTypePrice(120_000, 100)).toBe(0);
  });
});
