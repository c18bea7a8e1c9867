import type { Db } from '../../infra/db.ts';
import type { DoorShowtimes, ShowtimeLabel } from '../tickets/ports.ts';
import type { ShowtimesRepository } from './showtimes.repository.ts';

/**
 * The `DoorShowtimes` port for the tickets module: showtimes as the door names them (title, start,
 * venue). Reads the primary: a door right after a change of start time should see it, and these are
 * key lookups.
 */
export class DoorShowtimesReader implements DoorShowtimes {
  constructor(
    private readonly db: Db,
    private readonly showtimes: ShowtimesRepository,
  ) {}

  async labels(showtimeIds: string[]): Promise<Map<string, ShowtimeLabel>> {
    const rows = await this.showtimes.labels(this.db, showtimeIds);
    return new Map(rows.map((r) => [r.showtimeId, r]));
  }

  async startingBetween(from: Date, until: Date, limit: number): Promise<ShowtimeLabel[]> {
    return this.showtimes.startingBetween(this.db, from, until, limit);
  }
}
