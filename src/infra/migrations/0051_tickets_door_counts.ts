import { sql, type Kysely } from 'kysely';

/** The door's list counts issued and checked-in tickets per showtime; without this it scans them all. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tickets_showtime_status ON tickets (showtime_id, status)`.execute(db);
}
