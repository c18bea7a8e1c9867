import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import type { StockSnapshot } from './coupons.stock.ts';
import type { CouponRow, DiscountType, NewCoupon, UserCouponRow } from './coupons.tables.ts';

export type { CouponRow, NewCoupon, UserCouponRow };

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

export interface DiscountTerms {
  discountType: DiscountType;
  discountValue: number;
  maxDiscount: number | null;
}

/**
 * PostgreSQL access for coupons, stateless: every method takes the connection first (the pool, an open
 * transaction, or the replica read routing chose). "Now" comes from the caller's clock.
 */
export class CouponRepository {
  /** The coupon and its stock shards (caps adding up to the stock); run in the caller's transaction. */
  async insert(tx: Tx, c: NewCoupon): Promise<string> {
    const id = await this.insertCoupon(tx, c);
    const caps = splitStock(c.stock);
    await tx
      .insertInto('coupon_stock_shards')
      .values(caps.map((cap, shard) => ({ coupon_id: id, shard, cap })))
      .execute();
    return id;
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

  /** One coupon under a row lock (the admin edit serialises on it). */
  async lockOne(tx: Tx, id: string): Promise<CouponRow | undefined> {
    await tx.selectFrom('coupons').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    return tx.selectFrom('coupons as c').select(COUPON_COLUMNS).where('c.id', '=', id).executeTakeFirst();
  }

  async byId(db: DbOrTx, id: string): Promise<CouponRow | undefined> {
    return db.selectFrom('coupons as c').select(COUPON_COLUMNS).where('c.id', '=', id).executeTakeFirst();
  }

  async updateCoupon(
    tx: Tx,
    id: string,
    set: { name?: string; stock?: number; issueStartsAt?: Date; issueEndsAt?: Date; validUntil?: Date },
  ): Promise<void> {
    await tx
      .updateTable('coupons')
      .set({
        ...(set.name !== undefined && { name: set.name }),
        ...(set.stock !== undefined && { stock: set.stock }),
        ...(set.issueStartsAt !== undefined && { issue_starts_at: set.issueStartsAt }),
        ...(set.issueEndsAt !== undefined && { issue_ends_at: set.issueEndsAt }),
        ...(set.validUntil !== undefined && { valid_until: set.validUntil }),
      })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Spreads a new stock over the coupon's shards: more stock adds to the caps shard by shard (no
   * copy moves); before anyone holds a copy the caps are simply split anew. The deferred trigger
   * checks that the caps add up to the stock at commit.
   */
  async resizeShards(tx: Tx, id: string, stock: number): Promise<void> {
    const shards = await tx
      .selectFrom('coupon_stock_shards')
      .select(['shard', 'cap', 'issued'])
      .where('coupon_id', '=', id)
      .orderBy('shard')
      .execute();
    const current = shards.reduce((sum, s) => sum + s.cap, 0);
    const issued = shards.reduce((sum, s) => sum + s.issued, 0);
    if (issued === 0) {
      await tx.deleteFrom('coupon_stock_shards').where('coupon_id', '=', id).execute();
      const caps = splitStock(stock);
      await tx
        .insertInto('coupon_stock_shards')
        .values(caps.map((cap, shard) => ({ coupon_id: id, shard, cap })))
        .execute();
      return;
    }
    const extra = stock - current;
    for (const [i, s] of shards.entries()) {
      const add = Math.floor(extra / shards.length) + (i < extra % shards.length ? 1 : 0);
      if (add === 0) continue;
      await tx
        .updateTable('coupon_stock_shards')
        .set({ cap: s.cap + add })
        .where('coupon_id', '=', id)
        .where('shard', '=', s.shard)
        .execute();
    }
  }

  /** Who holds a copy, newest first, with its state and the reservation that used or holds it. */
  async holders(
    db: DbOrTx,
    couponId: string,
    page: number,
    size: number,
  ): Promise<{
    items: {
      id: string;
      userId: string;
      status: 'AVAILABLE' | 'RESERVED' | 'USED';
      reservationId: string | null;
      issuedAt: Date;
      usedAt: Date | null;
    }[];
    total: number;
    used: number;
  }> {
    const [items, count] = await Promise.all([
      db
        .selectFrom('user_coupons')
        .select([
          'id',
          'user_id as userId',
          'status',
          'reservation_id as reservationId',
          'issued_at as issuedAt',
          'used_at as usedAt',
        ])
        .where('coupon_id', '=', couponId)
        .orderBy('issued_at', 'desc')
        .orderBy('id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      db
        .selectFrom('user_coupons')
        .select([
          sql<string>`count(*)`.as('n'),
          sql<string>`count(*) FILTER (WHERE status = 'USED')`.as('used'),
        ])
        .where('coupon_id', '=', couponId)
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), used: Number(count.used) };
  }

  /** Coupons whose issue window contains `now`. */
  async issuableAt(db: DbOrTx, now: Date): Promise<CouponRow[]> {
    return db
      .selectFrom('coupons as c')
      .select(COUPON_COLUMNS)
      .where('c.issue_ends_at', '>', now)
      .where('c.issue_starts_at', '<=', now)
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

  /** Whether the reservation already carries a coupon other than `userCouponId`. */
  async otherCouponOnReservation(tx: Tx, reservationId: string, userCouponId: string): Promise<boolean> {
    const other = await tx
      .selectFrom('user_coupons')
      .select('id')
      .where('reservation_id', '=', reservationId)
      .where('id', '<>', userCouponId)
      .executeTakeFirst();
    return other !== undefined;
  }

  /**
   * AVAILABLE → RESERVED for the reservation, when the copy is the user's, still valid at `now` and
   * the order reaches its minimum; returns the discount terms, or undefined when it does not apply.
   * The conditional UPDATE is the lock: of two concurrent reservations, the second waits for the
   * first's row lock, re-reads status = 'RESERVED' and matches nothing. Re-reserving for the same
   * reservation (a retried request) matches again.
   */
  async reserve(
    tx: Tx,
    input: { userId: string; userCouponId: string; orderAmount: number; reservationId: string },
    now: Date,
  ): Promise<DiscountTerms | undefined> {
    const { userId, userCouponId, orderAmount, reservationId } = input;
    const { rows } = await sql<DiscountTerms>`
      UPDATE user_coupons uc
         SET status = 'RESERVED', reservation_id = ${reservationId}
        FROM coupons c
       WHERE uc.id = ${userCouponId}
         AND uc.user_id = ${userId}
         AND c.id = uc.coupon_id
         AND (uc.status = 'AVAILABLE' OR (uc.status = 'RESERVED' AND uc.reservation_id = ${reservationId}))
         AND c.valid_until > ${now}
         AND c.min_order_amount <= ${orderAmount}
      RETURNING c.discount_type AS "discountType", c.discount_value AS "discountValue",
                c.max_discount AS "maxDiscount"`.execute(tx);
    return rows[0];
  }

  /** RESERVED → USED for the reservation's copy (payment succeeded). */
  async consume(tx: Tx, reservationId: string, now: Date): Promise<void> {
    await tx
      .updateTable('user_coupons')
      .set({ status: 'USED', used_at: now })
      .where('reservation_id', '=', reservationId)
      .where('status', '=', 'RESERVED')
      .execute();
  }

  /** RESERVED or USED → AVAILABLE for the reservation's copy (failed, expired or cancelled). */
  async restore(tx: Tx, reservationId: string): Promise<void> {
    await tx
      .updateTable('user_coupons')
      .set({ status: 'AVAILABLE', reservation_id: null, used_at: null })
      .where('reservation_id', '=', reservationId)
      .where('status', 'in', ['RESERVED', 'USED'])
      .execute();
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
