import type { Seat } from '../api/types.ts';

/**
 * The best `n` adjacent available seats of `grade`: in the first row (closest to the stage, in map
 * order) that has `n` seats side by side (consecutive numbers), the run nearest the row's centre.
 * Empty when no row of that grade has `n` free seats together.
 */
export function bestAvailable(seats: readonly Seat[], grade: string, n: number): Seat[] {
  if (n < 1) return [];
  const rows = new Map<string, Seat[]>();
  for (const seat of seats) {
    if (seat.grade !== grade) continue;
    const key = `${seat.section}\u0000${seat.row}`;
    rows.set(key, [...(rows.get(key) ?? []), seat]);
  }
  for (const row of rows.values()) {
    const sorted = [...row].sort((a, b) => a.number - b.number);
    const first = sorted[0]!.number;
    const centre = (first + sorted[sorted.length - 1]!.number) / 2;
    let best: Seat[] = [];
    let bestDistance = Infinity;
    for (let i = 0; i + n <= sorted.length; i++) {
      const run = sorted.slice(i, i + n);
      const together = run.every(
        (s, j) => s.status === 'AVAILABLE' && (j === 0 || s.number === run[j - 1]!.number + 1),
      );
      if (!together) continue;
      const distance = Math.abs((run[0]!.number + run[n - 1]!.number) / 2 - centre);
      if (distance < bestDistance) {
        best = run;
        bestDistance = distance;
      }
    }
    if (best.length === n) return best;
  }
  return [];
}
