import { sql, type Kysely } from 'kysely';

/**
 * Tickets issued from `reservation.confirmed`, the reservations whose tickets are revoked, and the
 * issuances that failed for good. No foreign keys into booking or catalogue tables: the module only
 * knows what the events told it, so it works in whatever order the events arrive.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tickets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reservation_id uuid NOT NULL,
      user_id uuid NOT NULL,
      performance_id uuid NOT NULL,
      showtime_id uuid NOT NULL,
      seat_id uuid NOT NULL,
      section text NOT NULL,
      row_label text NOT NULL,
      number int NOT NULL,
      grade text NOT NULL,
      price int NOT NULL CHECK (price >= 0),
      status text NOT NULL DEFAULT 'ISSUED' CHECK (status IN ('ISSUED', 'USED', 'REVOKED')),
      code text NOT NULL UNIQUE,
      issued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      used_at timestamptz,
      used_by uuid,
      revoked_at timestamptz,
      CONSTRAINT tickets_one_per_seat_of_reservation UNIQUE (reservation_id, seat_id),
      CONSTRAINT tickets_used_has_time CHECK ((status = 'USED') = (used_at IS NOT NULL) OR status = 'REVOKED')
    )`.execute(db);
  // At most one valid ticket per seat, whatever the events say: a seat sold twice stops here.
  await sql`CREATE UNIQUE INDEX tickets_one_valid_per_seat ON tickets (seat_id) WHERE status <> 'REVOKED'`.execute(
    db,
  );
  await sql`CREATE INDEX tickets_user ON tickets (user_id, issued_at DESC)`.execute(db);

  // A cancellation seen before (or after) the confirmation: issuance checks it, so order does not matter.
  await sql`
    CREATE TABLE ticket_revocations (
      reservation_id uuid PRIMARY KEY,
      event_id uuid NOT NULL,
      revoked_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE issuance_failures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      message_id text NOT NULL UNIQUE,
      reservation_id uuid,
      reason text NOT NULL,
      attempts int NOT NULL,
      payload jsonb,
      failed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX issuance_failures_recent ON issuance_failures (failed_at DESC)`.execute(db);
}
