import type { Db } from '../../infra/db.ts';
import type { AlertCatalog, AlertPerformance, AlertShowtime } from '../onsale-alerts/ports.ts';
import type { AlertShowtimesRepository } from './alert-showtimes.repository.ts';

/**
 * The `AlertCatalog` port for sales-open alerts, reminders and review invitations. Reads the
 * primary: the jobs act on times an admin may just have moved, and these are index lookups.
 */
export class AlertShowtimesReader implements AlertCatalog {
  constructor(
    private readonly db: Db,
    private readonly repo: AlertShowtimesRepository,
    private readonly listed: (performanceId: string) => Promise<boolean>,
  ) {}

  async showtime(showtimeId: string): Promise<AlertShowtime | undefined> {
    return (await this.repo.byIds(this.db, [showtimeId]))[0];
  }

  isListed(performanceId: string): Promise<boolean> {
    return this.listed(performanceId);
  }

  openingBetween(from: Date, until: Date, limit: number): Promise<AlertShowtime[]> {
    return this.repo.openingBetween(this.db, from, until, limit);
  }

  startingBetween(from: Date, until: Date, limit: number): Promise<AlertShowtime[]> {
    return this.repo.startingBetween(this.db, from, until, limit);
  }

  endingBetween(from: Date, until: Date, limit: number): Promise<AlertShowtime[]> {
    return this.repo.endingBetween(this.db, from, until, limit);
  }

  async showtimes(showtimeIds: string[]): Promise<Map<string, AlertShowtime>> {
    const rows = await this.repo.byIds(this.db, showtimeIds);
    return new Map(rows.map((r) => [r.showtimeId, r]));
  }

  async performances(performanceIds: string[], now: Date): Promise<Map<string, AlertPerformance>> {
    const rows = await this.repo.performances(this.db, performanceIds, now);
    return new Map(rows.map((r) => [r.performanceId, r]));
  }
}
