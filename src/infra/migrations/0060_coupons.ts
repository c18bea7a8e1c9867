import { sql, type Kysely } from 'kysely';

/**
 * Coupons and the copies users hold. Redis gates the first-come rush; these constraints are the
 * last line: one copy per (coupon, user), and `issued` (bumped in the same statement as each insert)
 * can never exceed `stock`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE coupons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
      discount_type text NOT NULL CHECK (discount_type IN ('FIXED', 'PERCENT')),
      discount_value int NOT NULL CHECK (discount_value > 0),
      max_discount int CHECK (max_discount > 0),
      min_order_amount int NOT NULL DEFAULT 0 CHECK (min_order_amount >= 0),
      stock int NOT NULL CHECK (stock > 0),
      issued int NOT NULL DEFAULT 0,
      issue_starts_at timestamptz NOT NULL,
      issue_ends_at timestamptz NOT NULL,
      valid_until timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT coupons_percent_range CHECK (discount_type <> 'PERCENT' OR discount_value <= 100),
      CONSTRAINT coupons_window_order CHECK (issue_ends_at > issue_starts_at),
      CONSTRAINT coupons_valid_after_start CHECK (valid_until > issue_starts_at),
      CONSTRAINT coupons_issued_within_stock CHECK (issued >= 0 AND issued <= stock)
    )`.execute(db);
  await sql`CREATE INDEX coupons_issue_window ON coupons (issue_ends_at, issue_starts_at)`.execute(db);
  await sql`CREATE INDEX coupons_created ON coupons (created_at DESC, id)`.execute(db);

  // RESERVED: held by a reservation (reservation_id set) until it is paid (USED) or fails (AVAILABLE).
  // EXPIRED is not stored: it is derived from coupons.valid_until when read.
  await sql`
    CREATE TABLE user_coupons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      coupon_id uuid NOT NULL REFERENCES coupons (id),
      user_id uuid NOT NULL REFERENCES users (id),
      status text NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE', 'RESERVED', 'USED')),
      reservation_id uuid,
      issued_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      CONSTRAINT user_coupons_coupon_user_key UNIQUE (coupon_id, user_id),
      CONSTRAINT user_coupons_reservation_iff_held CHECK ((status = 'AVAILABLE') = (reservation_id IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX user_coupons_user ON user_coupons (user_id, issued_at DESC)`.execute(db);
  // One coupon per reservation; consume/restore find it by the reservation.
  await sql`CREATE UNIQUE INDEX user_coupons_reservation_key ON user_coupons (reservation_id)
            WHERE reservation_id IS NOT NULL`.execute(db);
}
