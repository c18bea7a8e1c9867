import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import './wishlist.tables.ts';

/** All of the wishlist's SQL; stateless, the connection first. */
export class WishlistRepository {
  /** Serialises one user's adds until the transaction ends, so the cap holds under parallel PUTs. */
  async lockUser(tx: Tx, userId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`wishes:${userId}`}, 0))`.execute(tx);
  }

  /** True when a row was added; false when the user already wished for it. */
  async add(db: DbOrTx, userId: string, performanceId: string, at: Date): Promise<boolean> {
    const rows = await db
      .insertInto('wishes')
      .values({ user_id: userId, performance_id: performanceId, created_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'performance_id']).doNothing())
      .returning('performance_id')
      .execute();
    return rows.length > 0;
  }

  async remove(db: DbOrTx, userId: string, performanceId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('wishes')
      .where('user_id', '=', userId)
      .where('performance_id', '=', performanceId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async countOf(db: DbOrTx, userId: string): Promise<number> {
    const row = await db
      .selectFrom('wishes')
      .select(sql<string>`count(*)`.as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** One page of the user's wished performance ids, newest wish first, and how many there are. */
  async page(
    db: DbOrTx,
    userId: string,
    page: number,
    size: number,
  ): Promise<{ ids: string[]; total: number }> {
    const [rows, total] = await Promise.all([
      db
        .selectFrom('wishes')
        .select('performance_id')
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('performance_id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      this.countOf(db, userId),
    ]);
    return { ids: rows.map((r) => r.performance_id), total };
  }

  async ids(db: DbOrTx, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('wishes')
      .select('performance_id')
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('performance_id')
      .execute();
    return rows.map((r) => r.performance_id);
  }

  /** How many users wished for a performance. */
  async wishCount(db: DbOrTx, performanceId: string): Promise<number> {
    const row = await db
      .selectFrom('wishes')
      .select(sql<string>`count(*)`.as('n'))
      .where('performance_id', '=', performanceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
