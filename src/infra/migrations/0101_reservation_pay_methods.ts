import { sql, type Kysely } from 'kysely';

/**
 * How a reservation is paid (PortOne v2's methods), the virtual account issued for it, and the account a
 * buyer names for refunding a virtual-account payment. Two guards back the deposit/expiry race: an
 * EXPIRED reservation was never confirmed, and a reservation's method decides whether it has an
 * account to deposit into.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE reservations
      ADD COLUMN pay_method text NOT NULL DEFAULT 'CARD'
        CHECK (pay_method IN ('CARD', 'EASY_PAY', 'VIRTUAL_ACCOUNT', 'TRANSFER')),
      ADD COLUMN easy_pay_provider text CHECK (easy_pay_provider IN ('KAKAOPAY', 'TOSSPAY', 'NAVERPAY')),
      ADD COLUMN virtual_account jsonb,
      ADD CONSTRAINT reservations_easy_pay_provider CHECK ((pay_method = 'EASY_PAY') = (easy_pay_provider IS NOT NULL)),
      ADD CONSTRAINT reservations_virtual_account_method CHECK (virtual_account IS NULL OR pay_method = 'VIRTUAL_ACCOUNT'),
      ADD CONSTRAINT reservations_expired_never_confirmed CHECK (status <> 'EXPIRED' OR confirmed_at IS NULL)`.execute(
    db,
  );
  await sql`
    CREATE TABLE reservation_refund_accounts (
      reservation_id uuid PRIMARY KEY REFERENCES reservations(id),
      bank text NOT NULL,
      number text NOT NULL,
      holder text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
