import { sql, type Kysely } from 'kysely';

/**
 * Coupons and the copies users hold. Redis gates the first-come rush; these constraints are the
 * last line: one copy per (coupon, user), and no copy without a counted place in a stock shard whose
 * `issued` can never exceed its `cap`. The caps of a coupon's shards add up to its stock (written
 * with the coupon, never changed), so the copies can never outnumber the stock. Several shards let
 * winners commit side by side instead of queueing on one counter row through every WAL flush.
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
      issue_starts_at timestamptz NOT NULL,
      issue_ends_at timestamptz NOT NULL,
      valid_until timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT coupons_percent_range CHECK (discount_type <> 'PERCENT' OR discount_value <= 100),
      CONSTRAINT coupons_window_order CHECK (issue_ends_at > issue_starts_at),
      CONSTRAINT coupons_valid_after_start CHECK (valid_until > issue_starts_at)
    )`.execute(db);
  await sql`CREATE INDEX coupons_issue_window ON coupons (issue_ends_at, issue_starts_at)`.execute(db);
  await sql`CREATE INDEX coupons_created ON coupons (created_at DESC, id)`.execute(db);

  await sql`
    CREATE TABLE coupon_stock_shards (
      coupon_id uuid NOT NULL REFERENCES coupons (id),
      shard smallint NOT NULL CHECK (shard >= 0),
      cap int NOT NULL CHECK (cap > 0),
      issued int NOT NULL DEFAULT 0,
      PRIMARY KEY (coupon_id, shard),
      CONSTRAINT coupon_stock_shards_within_cap CHECK (issued >= 0 AND issued <= cap)
    )`.execute(db);

  // The caps of a coupon's shards always add up to its stock: checked at commit whenever a cap or a
  // coupon's stock is written, so no later edit can open room beyond the stock.
  await sql`
    CREATE FUNCTION coupon_caps_match_stock() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      target uuid;
    BEGIN
      IF TG_TABLE_NAME = 'coupons' THEN
        target := NEW.id;
      ELSIF TG_OP = 'DELETE' THEN
        target := OLD.coupon_id;
      ELSE
        target := NEW.coupon_id;
      END IF;
      IF (SELECT stock FROM coupons WHERE id = target)
         IS DISTINCT FROM (SELECT sum(cap) FROM coupon_stock_shards WHERE coupon_id = target) THEN
        RAISE EXCEPTION 'stock shards of coupon % do not add up to its stock', target
          USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_caps_match_stock';
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE CONSTRAINT TRIGGER coupon_shards_caps AFTER INSERT OR DELETE OR UPDATE OF cap, coupon_id
    ON coupon_stock_shards DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION coupon_caps_match_stock()`.execute(db);
  await sql`
    CREATE CONSTRAINT TRIGGER coupon_stock_caps AFTER INSERT OR UPDATE OF stock
    ON coupons DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION coupon_caps_match_stock()`.execute(db);

  // RESERVED: held by a reservation (reservation_id set) until it is paid (USED) or fails (AVAILABLE).
  // EXPIRED is not stored: it is derived from coupons.valid_until when read.
  await sql`
    CREATE TABLE user_coupons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- No direct key to coupons: (coupon_id, shard) → coupon_stock_shards → coupons covers it, and
      -- a key on the coupon row would make every winner lock that one row (FOR KEY SHARE).
      coupon_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id),
      shard smallint NOT NULL,
      status text NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE', 'RESERVED', 'USED')),
      reservation_id uuid,
      issued_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      CONSTRAINT user_coupons_coupon_user_key UNIQUE (coupon_id, user_id),
      CONSTRAINT user_coupons_counted FOREIGN KEY (coupon_id, shard) REFERENCES coupon_stock_shards (coupon_id, shard),
      CONSTRAINT user_coupons_reservation_iff_held CHECK ((status = 'AVAILABLE') = (reservation_id IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX user_coupons_user ON user_coupons (user_id, issued_at DESC)`.execute(db);
  // One coupon per reservation; consume/restore find it by the reservation.
  await sql`CREATE UNIQUE INDEX user_coupons_reservation_key ON user_coupons (reservation_id)
            WHERE reservation_id IS NOT NULL`.execute(db);
}
