import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { AlertPerformance, AlertShowtime } from '../onsale-alerts/ports.ts';
import './catalog.tables.ts';

/** The catalogue's queries for the alert jobs (onsale-alerts' AlertCatalog port). */
export class AlertShowtimesRepository {
  private base(db: DbOrTx) {
    return db
      .selectFrom('showtimes as s')
      .innerJoin('performances as p', 'p.id', 's.performance_id')
      .innerJoin('venues as v', 'v.id', 'p.venue_id')
      .select([
        's.id as showtimeId',
        's.performance_id as performanceId',
        'p.title as title',
        's.starts_at as startsAt',
        's.sales_open_at as salesOpenAt',
        sql<Date>`s.starts_at + make_interval(mins => p.running_minutes)`.as('endsAt'),
        'v.name as venueName',
        'v.address as venueAddress',
      ])
      .where('s.deleted_at', 'is', null)
      .where('p.deleted_at', 'is', null)
      .where('p.status', '<>', 'DRAFT');
  }

  async byIds(db: DbOrTx, ids: string[]): Promise<AlertShowtime[]> {
    if (ids.length === 0) return [];
    return this.base(db).where('s.id', 'in', ids).execute();
  }

  async openingBetween(db: DbOrTx, from: Date, until: Date, limit: number): Promise<AlertShowtime[]> {
    return this.base(db)
      .where('s.sales_open_at', '>=', from)
      .where('s.sales_open_at', '<', until)
      .orderBy('s.sales_open_at')
      .orderBy('s.id')
      .limit(limit)
      .execute();
  }

  async startingBetween(db: DbOrTx, from: Date, until: Date, limit: number): Promise<AlertShowtime[]> {
    return this.base(db)
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', until)
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .limit(limit)
      .execute();
  }

  /** Ends in [from, until); start is bounded too so the index on starts_at serves (runs ≤ 24 h). */
  async endingBetween(db: DbOrTx, from: Date, until: Date, limit: number): Promise<AlertShowtime[]> {
    return this.base(db)
      .where('s.starts_at', '>=', new Date(from.getTime() - 24 * 3600_000))
      .where('s.starts_at', '<', until)
      .where(sql<boolean>`s.starts_at + make_interval(mins => p.running_minutes) >= ${from}`)
      .where(sql<boolean>`s.starts_at + make_interval(mins => p.running_minutes) < ${until}`)
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .limit(limit)
      .execute();
  }

  async performances(db: DbOrTx, ids: string[], now: Date): Promise<AlertPerformance[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<AlertPerformance>`
      SELECT p.id AS "performanceId", p.title,
             (SELECT min(s.sales_open_at) FROM showtimes s
               WHERE s.performance_id = p.id AND s.deleted_at IS NULL AND s.sales_open_at > ${now}) AS "nextSalesOpenAt"
      FROM performances p
      WHERE p.id = ANY(${ids}::uuid[]) AND p.deleted_at IS NULL AND p.status <> 'DRAFT'`.execute(db);
    return rows;
  }
}
