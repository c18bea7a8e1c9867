import { sql, type Kysely } from 'kysely';

/**
 * The sandbox gateway learns PortOne v2's payment methods: card, easy pay (with its provider), bank
 * transfer and virtual account (an account issued for one payment, paid by a deposit before its due date,
 * closed by the merchant or at expiry). Refunds of a virtual account go to an account the buyer names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE gateway_payments DROP CONSTRAINT gateway_payments_status_check`.execute(db);
  await sql`
    ALTER TABLE gateway_payments
      ADD CONSTRAINT gateway_payments_status_check CHECK (status IN
        ('READY', 'VIRTUAL_ACCOUNT_ISSUED', 'PAID', 'FAILED', 'CANCELLED', 'PARTIAL_CANCELLED')),
      ADD COLUMN store_id text,
      ADD COLUMN channel_key text,
      ADD COLUMN order_name text,
      ADD COLUMN pay_method text CHECK (pay_method IN ('CARD', 'EASY_PAY', 'VIRTUAL_ACCOUNT', 'TRANSFER')),
      ADD COLUMN easy_pay_provider text,
      ADD COLUMN bank text,
      ADD COLUMN account_number text,
      ADD COLUMN due_at timestamptz,
      ADD COLUMN issued_at timestamptz,
      ADD COLUMN closed_at timestamptz,
      ADD COLUMN remitter jsonb,
      ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now(),
      -- A virtual account ends one way: a deposit, or closed unpaid. Never both, whatever races.
      ADD CONSTRAINT gateway_payments_deposit_or_closed CHECK (paid_at IS NULL OR closed_at IS NULL),
      ADD CONSTRAINT gateway_payments_account_issued CHECK (
        (pay_method = 'VIRTUAL_ACCOUNT') = (account_number IS NOT NULL AND due_at IS NOT NULL)
        OR pay_method IS NULL)`.execute(db);
  await sql`
    ALTER TABLE gateway_cancellations
      ADD COLUMN refund_account jsonb`.execute(db);
}
