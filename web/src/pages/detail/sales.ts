import type { Showtime } from '../../api/types.ts';

export type SalesState = 'open' | 'notOpen' | 'closed' | 'soldOut';

export function salesState(s: Showtime, now: number): SalesState {
  if (new Date(s.salesOpenAt).getTime() > now) return 'notOpen';
  if (new Date(s.salesCloseAt).getTime() <= now || s.status === 'SALES_CLOSED') return 'closed';
  if (s.availableSeats <= 0 || s.status === 'SOLD_OUT') return 'soldOut';
  return 'open';
}

/** Where booking a showtime starts: its waiting room when it has one, else the seat map. */
export function bookingPath(performanceId: string, s: Pick<Showtime, 'id' | 'queueEnabled'>): string {
  return s.queueEnabled
    ? `/performances/${performanceId}/showtimes/${s.id}/queue`
    : `/performances/${performanceId}/showtimes/${s.id}/seats`;
}
