import type { Db } from '../../infra/db.ts';
import type { DoorShowtimes, ShowtimeLabel } from '../tickets/ports.ts';
import './catalog.tables.ts';

/**
 * Showtimes as the door names them (title, start, venue), for the tickets module. Reads the
 * primary: a door right after a change of start time should see it, and these are key lookups.
 */
export class DoorShowtimesReader implements DoorShowtimes {
  constructor(private readonly db: Db) {}

  private base() {
    return this.db
      .selectFrom('showtimes as s')
      .innerJoin('performances as p', 'p.id', 's.performance_id')
      .innerJoin('venues as v', 'v.id', 'p.venue_id')
      .select([
        's.id as showtimeId',
        's.performance_id as performanceId',
        'p.title as title',
        's.starts_at as startsAt',
        'v.name as venue',
      ]);
  }

  async labels(showtimeIds: string[]): Promise<Map<string, ShowtimeLabel>> {
    if (showtimeIds.length === 0) return new Map();
    const rows = await this.base().where('s.id', 'in', showtimeIds).execute();
    return new Map(rows.map((r) => [r.showtimeId, r]));
  }

  async startingBetween(from: Date, until: Date, limit: number): Promise<ShowtimeLabel[]> {
    return this.base()
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', until)
      .where('s.deleted_at', 'is', null)
      .where('p.deleted_at', 'is', null)
      .orderBy('s.starts_at')
      .orderBy('p.title')
      .limit(limit)
      .execute();
  }
}
