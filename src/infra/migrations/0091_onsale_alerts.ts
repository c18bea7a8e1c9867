import { sql, type Kysely } from 'kysely';

/**
 * Sales-open alerts (onsale-alerts module). A subscription names a showtime or a whole performance
 * (exactly one), once per user. Showtimes and performances are the catalogue's: no foreign keys to
 * them, a subscription to a showtime since deleted simply never fires.
 *
 * `alert_runs` is the claim of each piece of work the alert jobs do once: a phase (ONSALE_SOON,
 * ONSALE_OPEN, SHOW_REMINDER, REVIEW_INVITATION) of a showtime at a given instant (its salesOpenAt, or
 * its start). The primary key makes a second worker's claim a no-op; `audience`/`cursor` record how
 * far the fan-out has published its pages, so a worker that dies half way resumes from there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE onsale_alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      showtime_id uuid,
      performance_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((showtime_id IS NULL) <> (performance_id IS NULL))
    )`.execute(db);
  // Unique per (user, target), and the keyset order the fan-out pages subscribers in.
  await sql`CREATE UNIQUE INDEX onsale_alerts_showtime_user ON onsale_alerts (showtime_id, user_id) WHERE showtime_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX onsale_alerts_performance_user ON onsale_alerts (performance_id, user_id) WHERE performance_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX onsale_alerts_user ON onsale_alerts (user_id, created_at DESC)`.execute(db);
  await sql`
    CREATE TABLE alert_runs (
      showtime_id uuid NOT NULL,
      phase text NOT NULL CHECK (phase IN ('ONSALE_SOON', 'ONSALE_OPEN', 'SHOW_REMINDER', 'REVIEW_INVITATION')),
      at timestamptz NOT NULL,
      audience text NOT NULL DEFAULT 'showtime' CHECK (audience IN ('showtime', 'performance', 'done')),
      cursor uuid,
      pages integer NOT NULL DEFAULT 0,
      claimed_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      PRIMARY KEY (showtime_id, phase, at)
    )`.execute(db);
  await sql`CREATE INDEX alert_runs_open ON alert_runs (claimed_at) WHERE finished_at IS NULL`.execute(db);
}
