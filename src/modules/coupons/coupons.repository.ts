import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../infra/db.ts';
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
  sql<number>`(SELECT COALESCE(sum(s.issued), 0)::int FROM coupon_stock_shards s WHERE s.coupon_id = c.id)`.as(
    'issued',
  ),
  'c.issue_starts_at as issueStartsAt',
  'c.issue_ends_at as issueEndsAt',
  'c.valid_until as validUntil',
  'c.created_at as createdAt',
] as const;

/** PostgreSQL access for coupons; every method takes the pool or an open transaction. */
export class CouponRepository {
  /** The coupon and its stock shards (caps adding up to the stock), in one transaction. */
  async insert(db: Db, c: NewCoupon): Promise<string> {
    return db.transaction().execute(async (tx) => {
      const id = await this.insertCoupon(tx, c);
      const caps = splitStock(c.stock);
      await tx
        .insertInto('coupon_stock_shards')
        .values(caps.map((cap, shard) => ({ coupon_id: id, shard, cap })))
        .execute();
      return id;
    });
  }

  private async insertCoupon(db: DbOrTx, c: NewCoupon): Promise<string> {
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
   * Records one winner in its shard: bumps the shard's `issued` and inserts the copy in ONE statement,
   * so CHECK (issued <= cap) and UNIQUE (coupon_id, user_id) both guard it and both happen or neither.
   */
  async insertWinner(
    db: DbOrTx,
    couponId: string,
    userId: string,
    shard: number,
  ): Promise<{ userCouponId: string; validUntil: Date } | undefined> {
    const { rows } = await sql<{ userCouponId: string; validUntil: Date }>`
      WITH bump AS (
        UPDATE coupon_stock_shards SET issued = issued + 1
        WHERE coupon_id = ${couponId} AND shard = ${shard} RETURNING coupon_id, shard
      )
      INSERT INTO user_coupons (coupon_id, user_id, shard)
      SELECT coupon_id, ${userId}, shard FROM bump
      RETURNING id AS "userCouponId", (SELECT valid_until FROM coupons WHERE id = ${couponId}) AS "validUntil"`.execute(
      db,
    );
    return rows[0];
  }

  /** Room per shard and every holder from one statement, hence one consistent snapshot. */
  async stockSnapshot(db: DbOrTx, couponId: string): Promise<StockSnapshot | undefined> {
    const { rows } = await sql<{
      stock: number;
      issueStartsAt: Date;
      issueEndsAt: Date;
      shardRemaining: number[];
      holderIds: string[];
      holderShards: number[];
    }>`
      SELECT c.stock, c.issue_starts_at AS "issueStartsAt", c.issue_ends_at AS "issueEndsAt",
             ARRAY(SELECT s.cap - s.issued FROM coupon_stock_shards s WHERE s.coupon_id = c.id ORDER BY s.shard)
               AS "shardRemaining",
             h.ids AS "holderIds", h.shards AS "holderShards"
      FROM coupons c
      CROSS JOIN LATERAL (
        SELECT COALESCE(array_agg(uc.user_id::text), '{}') AS ids, COALESCE(array_agg(uc.shard::int), '{}') AS shards
        FROM user_coupons uc WHERE uc.coupon_id = c.id
      ) h
      WHERE c.id = ${couponId}`.execute(db);
    const row = rows[0];
    if (!row) return undefined;
    return {
      stock: row.stock,
      issueStartsAt: row.issueStartsAt,
      issueEndsAt: row.issueEndsAt,
      shardRemaining: row.shardRemaining,
      holders: row.holderIds.map((id, i) => [id, row.holderShards[i]!]),
    };
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

/** At most this many shards: enough parallel commits to share WAL flushes, few enough to scan in Lua. */
export const MAX_SHARDS = 16;

/** Splits a stock into shard caps that add up to it exactly (the first ones take the remainder). */
export function splitStock(stock: number): number[] {
  const k = Math.min(MAX_SHARDS, stock);
  const base = Math.floor(stock / k);
  return Array.from({ length: k }, (_, i) => base + (i < stock % k ? 1 : 0));
}
