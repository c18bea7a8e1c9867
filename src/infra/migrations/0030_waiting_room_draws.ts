import { sql, type Kysely } from 'kysely';

/**
 * The waiting room's pre-queue draw. `queue_draws` keeps, per showtime, the random seed that orders
 * the entrants who arrived before sales opened (docs/waiting-room.md "Early entrants and the draw"):
 * created before the first such entry, kept after the draw so the order can be checked later.
 * `showtimes.queue_opens_before_minutes` lets one showtime open its waiting room earlier or later
 * than the configured default (NULL = QUEUE_OPENS_BEFORE_SALES_MINUTES).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE showtimes ADD COLUMN queue_opens_before_minutes int
      CHECK (queue_opens_before_minutes BETWEEN 0 AND 10080)`.execute(db);
  await sql`
    CREATE TABLE queue_draws (
      showtime_id uuid PRIMARY KEY REFERENCES showtimes (id),
      seed text NOT NULL CHECK (seed ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      drawn_at timestamptz,
      early_entrants int CHECK (early_entrants >= 0)
    )`.execute(db);
}
