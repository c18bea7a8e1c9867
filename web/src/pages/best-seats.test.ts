import { describe, expect, it } from 'vitest';
import type { Seat } from '../api/types.ts';
import { bestAvailable } from './best-seats.ts';

function row(section: string, r: string, grade: string, statuses: string): Seat[] {
  return [...statuses].map((c, i) => ({
    id: `${section}-${r}-${i + 1}`,
    section,
    row: r,
    number: i + 1,
    grade,
    price: 100_000,
    status: c === '.' ? 'AVAILABLE' : c === 'h' ? 'HELD' : 'SOLD',
  }));
}
const ids = (seats: Seat[]) => seats.map((s) => s.id);

describe('best available seats', () => {
  it('takes the run nearest the centre of the first row with n seats together', () => {
    const map = [...row('A', '1', 'VIP', 's.s...'), ...row('A', '2', 'VIP', '......')];
    expect(ids(bestAvailable(map, 'VIP', 2))).toEqual(['A-1-4', 'A-1-5']);
    expect(ids(bestAvailable(map, 'VIP', 4))).toEqual(['A-2-2', 'A-2-3', 'A-2-4', 'A-2-5']);
  });
  it('only looks at the chosen grade and answers nothing when no row has room', () => {
    const map = [...row('A', '1', 'VIP', '..'), ...row('B', '1', 'R', '.h.s..')];
    expect(ids(bestAvailable(map, 'R', 2))).toEqual(['B-1-5', 'B-1-6']);
    expect(bestAvailable(map, 'R', 3)).toEqual([]);
    expect(bestAvailable(map, 'S', 1)).toEqual([]);
  });
});
