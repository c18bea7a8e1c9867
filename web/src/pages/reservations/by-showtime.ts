/** The reservation facts the split needs: when its show starts (empty when the catalogue lost it). */
interface Dated {
  showtime: { startsAt: string };
}

function startOf(r: Dated): number {
  const at = Date.parse(r.showtime.startsAt);
  // A show the catalogue no longer knows cannot be ahead of anyone.
  return Number.isNaN(at) ? -Infinity : at;
}

/** Upcoming shows (starting after `now`) soonest first; past ones most recent first. */
export function splitByShowtime<T extends Dated>(
  list: readonly T[],
  now: number,
): { upcoming: T[]; past: T[] } {
  const upcoming = list.filter((r) => startOf(r) > now).sort((a, b) => startOf(a) - startOf(b));
  const past = list.filter((r) => startOf(r) <= now).sort((a, b) => startOf(b) - startOf(a));
  return { upcoming, past };
}
