import { describe, expect, it } from 'vitest';
import { splitByShowtime } from './by-showtime.ts';

const at = (id: string, startsAt: string) => ({ id, showtime: { startsAt } });
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('my reservations by showtime', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  const list = [
    at('last-week', '2026-11-24T10:00:00Z'),
    at('next-month', '2027-01-05T10:00:00Z'),
    at('yesterday', '2026-11-30T10:00:00Z'),
    at('tomorrow', '2026-12-02T10:00:00Z'),
    at('now', '2026-12-01T10:00:00Z'),
    at('gone', ''),
  ];

  it('puts upcoming shows first, soonest first, and past ones most recent first', () => {
    const { upcoming, past } = splitByShowtime(list, now);
    expect(ids(upcoming)).toEqual(['tomorrow', 'next-month']);
    expect(ids(past)).toEqual(['now', 'yesterday', 'last-week', 'gone']);
  });
});
