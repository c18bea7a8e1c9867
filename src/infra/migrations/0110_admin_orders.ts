import { sql, type Kysely } from 'kysely';

/**
 * The orders desk (booking module): every refund as a row of its own, the running sum of what was
 * refunded on the reservation (kept by a trigger, bounded by a CHECK so the sum can never pass what
 * was paid, whatever the code does), and the reservation's timeline: each state change written by a
 * trigger, each webhook and refund by the code that handles it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reservations ADD COLUMN refunded_amount int NOT NULL DEFAULT 0`.execute(db);
  await sql`
    ALTER TABLE reservations ADD CONSTRAINT reservations_refunded_within_total
      CHECK (refunded_amount >= 0 AND refunded_amount <= total)`.execute(db);

  // The desk finds orders by the booker's phone and lists them newest first (the CSV export too).
  await sql`CREATE INDEX reservations_booker_phone ON reservations (booker_phone) WHERE booker_phone IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX reservations_created ON reservations (created_at DESC, id DESC)`.execute(db);

  await sql`
    CREATE TABLE reservation_refunds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reservation_id uuid NOT NULL REFERENCES reservations(id),
      amount int NOT NULL CHECK (amount > 0),
      kind text NOT NULL CHECK (kind IN ('BUYER', 'ADMIN', 'ISSUANCE_FAILURE')),
      reason text NOT NULL,
      -- The admin who ordered it (null for the buyer's own cancellation and automatic refunds).
      actor_id uuid,
      -- Sent to the gateway: a retried refund is refunded once.
      idempotency_key text NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE')),
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX reservation_refunds_reservation ON reservation_refunds (reservation_id, created_at)`.execute(
    db,
  );
  await sql`CREATE INDEX reservation_refunds_pending ON reservation_refunds (created_at) WHERE status = 'PENDING'`.execute(
    db,
  );
  // The UPDATE takes the reservation's row lock, so concurrent refunds of one reservation add up one
  // after another and the CHECK above refuses the one that would pass the total.
  await sql`
    CREATE FUNCTION reservation_refunds_add_up() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE reservations SET refunded_amount = refunded_amount + NEW.amount WHERE id = NEW.reservation_id;
        RETURN NEW;
      END IF;
      IF TG_OP = 'DELETE' OR NEW.amount <> OLD.amount OR NEW.reservation_id <> OLD.reservation_id THEN
        RAISE EXCEPTION 'a refund''s amount and reservation never change' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER reservation_refunds_add_up AFTER INSERT OR UPDATE OR DELETE ON reservation_refunds
      FOR EACH ROW EXECUTE FUNCTION reservation_refunds_add_up()`.execute(db);

  await sql`
    CREATE TABLE reservation_history (
      id bigserial PRIMARY KEY,
      reservation_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('STATE', 'WEBHOOK', 'REFUND')),
      status text,
      step text,
      payment_status text,
      detail jsonb,
      at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`.execute(db);
  await sql`CREATE INDEX reservation_history_reservation ON reservation_history (reservation_id, id)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION reservation_history_state() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO reservation_history (reservation_id, kind, status, step, payment_status, detail)
      VALUES (NEW.id, 'STATE', NEW.status, NEW.step, NEW.payment_status,
              CASE WHEN NEW.failure_code IS NULL THEN NULL ELSE jsonb_build_object('failureCode', NEW.failure_code) END);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER reservation_history_created AFTER INSERT ON reservations
      FOR EACH ROW EXECUTE FUNCTION reservation_history_state()`.execute(db);
  await sql`
    CREATE TRIGGER reservation_history_changed AFTER UPDATE OF status, step, payment_status ON reservations
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.step IS DISTINCT FROM NEW.step
                         OR OLD.payment_status IS DISTINCT FROM NEW.payment_status)
      EXECUTE FUNCTION reservation_history_state()`.execute(db);

  // What was refunded before this migration becomes refund rows (the trigger sums them).
  await sql`
    INSERT INTO reservation_refunds (reservation_id, amount, kind, reason, idempotency_key, status, created_at, completed_at)
    SELECT id, refund_amount,
           CASE WHEN failure_code = 'TICKET_ISSUANCE_FAILED' THEN 'ISSUANCE_FAILURE' ELSE 'BUYER' END,
           CASE WHEN failure_code = 'TICKET_ISSUANCE_FAILED' THEN 'tickets could not be issued' ELSE 'cancelled by the buyer' END,
           id || ':refund',
           CASE WHEN status = 'CANCELLED' THEN 'DONE' ELSE 'PENDING' END,
           updated_at,
           CASE WHEN status = 'CANCELLED' THEN closed_at END
    FROM reservations
    WHERE refund_amount > 0 AND (status = 'CANCELLED' OR step = 'CANCEL_REQUESTED')`.execute(db);
  await sql`
    INSERT INTO reservation_history (reservation_id, kind, status, step, payment_status, at)
    SELECT id, 'STATE', status, step, payment_status, updated_at FROM reservations`.execute(db);
}
