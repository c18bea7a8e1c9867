import { sql, type Kysely } from 'kysely';

/**
 * What a buyer asks before choosing a showtime: where the venue is (a point for the map), how to
 * reach it (phone, parking, directions), and who is on stage at each showtime (a per-showtime cast;
 * the performance's cast stays the run's principal cast). All nullable or defaulted, so existing rows
 * stay valid; the coordinates are checked here as well as in the API schema.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE venues
      ADD COLUMN latitude double precision,
      ADD COLUMN longitude double precision,
      ADD COLUMN phone text,
      ADD COLUMN parking text,
      ADD COLUMN directions text,
      ADD CONSTRAINT venues_latitude_range CHECK (latitude BETWEEN -90 AND 90),
      ADD CONSTRAINT venues_longitude_range CHECK (longitude BETWEEN -180 AND 180),
      ADD CONSTRAINT venues_location_pair CHECK ((latitude IS NULL) = (longitude IS NULL))`.execute(db);
  await sql`ALTER TABLE showtimes ADD COLUMN "cast" text[] NOT NULL DEFAULT '{}'`.execute(db);
}
