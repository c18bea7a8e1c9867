import { sql, type Kysely } from 'kysely';

/**
 * The sandbox payment gateway's own tables. In production the gateway is a third party with its own
 * storage; here it shares the database server but never touches the shop's tables (and the shop never
 * reads these).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE gateway_payments (
      id text PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('READY', 'PAID', 'FAILED', 'CANCELLED', 'PARTIAL_CANCELLED')),
      currency text NOT NULL DEFAULT 'KRW',
      total_amount int NOT NULL CHECK (total_amount >= 0),
      paid_amount int NOT NULL DEFAULT 0,
      cancelled_amount int NOT NULL DEFAULT 0,
      redirect_url text,
      paid_at timestamptz,
      failed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT gateway_payments_cancel_le_paid CHECK (cancelled_amount <= greatest(paid_amount, total_amount))
    )`.execute(db);

  await sql`
    CREATE TABLE gateway_cancellations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      payment_id text NOT NULL REFERENCES gateway_payments(id),
      amount int NOT NULL CHECK (amount >= 0),
      reason text NOT NULL,
      -- A retried cancel with the same key returns the first cancellation instead of refunding twice.
      idempotency_key text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (payment_id, idempotency_key)
    )`.execute(db);

  await sql`
    CREATE TABLE gateway_webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      payment_id text NOT NULL REFERENCES gateway_payments(id),
      body text NOT NULL,
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX gateway_webhook_due ON gateway_webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL`.execute(
    db,
  );
}
