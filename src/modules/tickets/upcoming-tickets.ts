import type { Db } from '../../infra/db.ts';
import type { DoorShowtimes } from './ports.ts';
import type { TicketsRepository } from './tickets.repository.ts';

/**
 * The user's tickets for shows still to come (withdrawal is refused while there are any). Tickets do
 * not carry the start time: the catalogue names it, so a moved showtime counts by its new time.
 */
export class UpcomingTickets {
  constructor(
    private readonly db: Db,
    private readonly repo: TicketsRepository,
    private readonly shows: DoorShowtimes,
  ) {}

  async countUpcoming(userId: string, now: Date): Promise<number> {
    const held = await this.repo.issuedPerShowtime(this.db, userId);
    if (held.length === 0) return 0;
    const labels = await this.shows.labels(held.map((h) => h.showtimeId));
    // A showtime the catalogue cannot name is counted: refusing is the safe side for the holder.
    return held
      .filter((h) => {
        const label = labels.get(h.showtimeId);
        return !label || label.startsAt.getTime() > now.getTime();
      })
      .reduce((sum, h) => sum + h.count, 0);
  }
}
