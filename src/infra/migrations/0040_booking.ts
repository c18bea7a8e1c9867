import { sql, type Kysely } from 'kysely';

/**
 * Reservations (the persisted checkout saga), their seats with the double-sale guard, and the
 * idempotency records of POST /reservations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reservations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      showtime_id uuid NOT NULL REFERENCES showtimes(id),
      performance_id uuid NOT NULL REFERENCES performances(id),
      -- One hold becomes at most one reservation.
      hold_id uuid NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'FAILED', 'EXPIRED', 'CANCELLED')),
      amount int NOT NULL CHECK (amount >= 0),
      discount int NOT NULL DEFAULT 0 CHECK (discount >= 0),
      total int NOT NULL CHECK (total >= 0),
      user_coupon_id uuid,
      payment_id uuid NOT NULL UNIQUE,
      -- What we last learned from the gateway: READY, PAID, FAILED, CANCELLED, PARTIAL_CANCELLED, UNKNOWN.
      payment_status text NOT NULL DEFAULT 'READY',
      -- The saga step: RESERVED → PAYMENT_REGISTERED → CONFIRMED, or a compensation step.
      -- CANCEL_PAYMENT_PENDING means the payment must still be voided/refunded at the gateway.
      step text NOT NULL DEFAULT 'RESERVED',
      failure_code text,
      refund_amount int,
      expires_at timestamptz NOT NULL,
      last_checked_at timestamptz,
      confirmed_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT reservations_total CHECK (total = amount - discount)
    )`.execute(db);
  await sql`CREATE INDEX reservations_user ON reservations (user_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX reservations_pending ON reservations (expires_at) WHERE status = 'PENDING_PAYMENT'`.execute(
    db,
  );
  await sql`CREATE INDEX reservations_compensation ON reservations (updated_at) WHERE step = 'CANCEL_PAYMENT_PENDING'`.execute(
    db,
  );

  await sql`
    CREATE TABLE reservation_seats (
      reservation_id uuid NOT NULL REFERENCES reservations(id),
      seat_id uuid NOT NULL REFERENCES seats(id),
      showtime_id uuid NOT NULL REFERENCES showtimes(id),
      price int NOT NULL CHECK (price >= 0),
      -- Set when the reservation fails, expires or is cancelled: the seat is free again.
      released_at timestamptz,
      PRIMARY KEY (reservation_id, seat_id)
    )`.execute(db);
  // The last line against double sale: a seat is in at most one live (pending or confirmed) reservation,
  // whatever Redis says.
  await sql`
    CREATE UNIQUE INDEX reservation_seats_live ON reservation_seats (showtime_id, seat_id)
    WHERE released_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE reservation_idempotency (
      user_id uuid NOT NULL REFERENCES users(id),
      idempotency_key text NOT NULL,
      request_hash text NOT NULL,
      reservation_id uuid,
      response_status int,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, idempotency_key)
    )`.execute(db);
}
