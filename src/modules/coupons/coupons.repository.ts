import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { StockSnapshot } from './coupons.stock.ts';
import type { DiscountType, StoredCouponStatus } from './coupons.tables.ts';

export interface CouponRow {
  id: string;
  name: string;
  discountType: DiscountType;
  discountValue: number;
  maxDiscount: number | null;
  minOrderAmount: number;
  stock: number;
  issued: number;
  issueStartsAt: Date;
  issueEndsAt: Date;
  validUntil: Date;
  createdAt: Date;
}

export type NewCoupon = Omit<CouponRow, 'id' | 'issued' | 'createdAt'>;

export interface UserCouponRow {
  id: string;
  status: StoredCouponStatus;
  issuedAt: Date;
  usedAt: Date | null;
  coupon: CouponRow;
}

const COUPON_COLUMNS = [
  'c.id',
  'c.name',
  'c.discount_type as discountType',
  'c.discount_value as discountValue',
  'c.max_discount as maxDiscount',
  'c.min_order_amount as minOrderAmount',
  'c.stock',
  'c.issued',
  'c.issue_starts_at as issueStartsAt',
  'c.issue_ends_at as issueEndsAt',
  'c.valid_until as validUntil',
  'c.created_at as createdAt',
] as const;

/** PostgreSQL access for coupons; every method takes the pool or an open transaction. */
export class CouponRepository {
  async insert(db: DbOrTx, c: NewCoupon): Promise<string> {
    const row = await db
      .insertInto('coupons')
      .values({
        name: c.name,
        discount_type: c.discountType,
        discount_value: c.discountValue,
        max_discount: c.maxDiscount,
        min_order_amount: c.minOrderAmount,
        stock: c.stock,
        issue_starts_at: c.issueStartsAt,
        issue_ends_at: c.issueEndsAt,
        valid_until: c.validUntil,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async page(db: DbOrTx, page: number, size: number): Promise<{ items: CouponRow[]; total: number }> {
    const [items, count] = await Promise.all([
      db
        .selectFrom('coupons as c')
        .select(COUPON_COLUMNS)
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      db
        .selectFrom('coupons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Coupons whose issue window contains now. */
  async issuableNow(db: DbOrTx): Promise<CouponRow[]> {
    return db
      .selectFrom('coupons as c')
      .select(COUPON_COLUMNS)
      .where('c.issue_ends_at', '>', sql<Date>`now()`)
      .where('c.issue_starts_at', '<=', sql<Date>`now()`)
      .orderBy('c.issue_ends_at')
      .limit(200)
      .execute();
  }

  /**
   * Records one winner: bumps `issued` and inserts the copy in ONE statement, so the CHECK
   * (issued <= stock) and UNIQUE (coupon_id, user_id) both guard it and either both happen or neither.
   */
  async insertWinner(
    db: DbOrTx,
    couponId: string,
    userId: string,
  ): Promise<{ userCouponId: string; validUntil: Date } | undefined> {
    const { rows } = await sql<{ userCouponId: string; validUntil: Date }>`
      WITH bump AS (
        UPDATE coupons SET issued = issued + 1 WHERE id = ${couponId} RETURNING id, valid_until
      )
      INSERT INTO user_coupons (coupon_id, user_id)
      SELECT id, ${userId} FROM bump
      RETURNING id AS "userCouponId", (SELECT valid_until FROM bump) AS "validUntil"`.execute(db);
    return rows[0];
  }

  /** Stock, issued count and holders from one statement, hence one consistent snapshot. */
  async stockSnapshot(db: DbOrTx, couponId: string): Promise<StockSnapshot | undefined> {
    const { rows } = await sql<StockSnapshot>`
      SELECT c.stock, c.issued, c.issue_starts_at AS "issueStartsAt", c.issue_ends_at AS "issueEndsAt",
             COALESCE((SELECT array_agg(uc.user_id::text) FROM user_coupons uc WHERE uc.coupon_id = c.id),
                      '{}') AS "userIds"
      FROM coupons c WHERE c.id = ${couponId}`.execute(db);
    return rows[0];
  }

  async ofUser(db: DbOrTx, userId: string): Promise<UserCouponRow[]> {
    const rows = await db
      .selectFrom('user_coupons as uc')
      .innerJoin('coupons as c', 'c.id', 'uc.coupon_id')
      .select(COUPON_COLUMNS)
      .select(['uc.id as userCouponId', 'uc.status', 'uc.issued_at as issuedAt', 'uc.used_at as usedAt'])
      .where('uc.user_id', '=', userId)
      .orderBy('uc.issued_at', 'desc')
      .limit(500)
      .execute();
    return rows.map(({ userCouponId, status, issuedAt, usedAt, ...coupon }) => ({
      id: userCouponId,
      status,
      issuedAt,
      usedAt,
      coupon,
    }));
  }
}
