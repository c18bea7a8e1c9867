import { sql, type Selectable } from 'kysely';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import type { ReviewsTable, ReviewStatsTable } from './reviews.tables.ts';
import './reviews.tables.ts';

export type ReviewRow = Selectable<ReviewsTable>;
export type ReviewSort = 'latest' | 'rating' | 'helpful';
export type Stars = 1 | 2 | 3 | 4 | 5;
/** How many visible reviews have each star. */
export type Histogram = Record<Stars, number>;

export const emptyHistogram = (): Histogram => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

const histogramOf = (row: Selectable<ReviewStatsTable> | undefined): Histogram =>
  row ? { 1: row.c1, 2: row.c2, 3: row.c3, 4: row.c4, 5: row.c5 } : emptyHistogram();

/** All of the reviews' SQL; stateless, the connection first. */
export class ReviewsRepository {
  /** The new review's id, or undefined when the reservation already has one (the unique constraint). */
  async insert(
    tx: DbOrTx,
    r: {
      performanceId: string;
      showtimeId: string;
      reservationId: string;
      userId: string;
      rating: number;
      body: string;
      at: Date;
    },
  ): Promise<ReviewRow | undefined> {
    return tx
      .insertInto('reviews')
      .values({
        performance_id: r.performanceId,
        showtime_id: r.showtimeId,
        reservation_id: r.reservationId,
        user_id: r.userId,
        rating: r.rating,
        body: r.body,
        created_at: r.at,
        last_reported_at: null,
        hidden_at: null,
        hidden_reason: null,
        hidden_by: null,
        reply_body: null,
        reply_at: null,
        reply_by: null,
        edited_at: null,
      })
      .onConflict((oc) => oc.constraint('reviews_reservation_unique').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Adds `deltas` (star → change) to the performance's counts in one statement: row-level atomic,
   * so concurrent writers never lose an update. The caller holds the review's row lock, which makes
   * each review's own transitions (create, edit, delete, hide) happen one at a time.
   */
  async bumpStats(tx: Tx, performanceId: string, deltas: Partial<Record<Stars, number>>): Promise<void> {
    const d = (s: Stars) => deltas[s] ?? 0;
    const all = ([1, 2, 3, 4, 5] as const).map(d);
    if (all.every((n) => n === 0)) return;
    if (all.some((n) => n < 0)) {
      // Something leaves: its review was counted, so the row exists. (An upsert cannot carry a
      // negative count: PostgreSQL checks the proposed row against the CHECKs before the conflict.)
      await sql`
        UPDATE review_stats SET c1 = c1 + ${d(1)}, c2 = c2 + ${d(2)}, c3 = c3 + ${d(3)},
                                c4 = c4 + ${d(4)}, c5 = c5 + ${d(5)}
        WHERE performance_id = ${performanceId}`.execute(tx);
      return;
    }
    await sql`
      INSERT INTO review_stats (performance_id, c1, c2, c3, c4, c5)
      VALUES (${performanceId}, ${d(1)}, ${d(2)}, ${d(3)}, ${d(4)}, ${d(5)})
      ON CONFLICT (performance_id) DO UPDATE SET
        c1 = review_stats.c1 + EXCLUDED.c1, c2 = review_stats.c2 + EXCLUDED.c2,
        c3 = review_stats.c3 + EXCLUDED.c3, c4 = review_stats.c4 + EXCLUDED.c4,
        c5 = review_stats.c5 + EXCLUDED.c5`.execute(tx);
  }

  async histogram(db: DbOrTx, performanceId: string): Promise<Histogram> {
    const row = await db
      .selectFrom('review_stats')
      .selectAll()
      .where('performance_id', '=', performanceId)
      .executeTakeFirst();
    return histogramOf(row);
  }

  async byId(db: DbOrTx, id: string): Promise<ReviewRow | undefined> {
    return db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The review under a row lock until the transaction ends (undefined once deleted). */
  async lock(tx: Tx, id: string): Promise<ReviewRow | undefined> {
    return tx.selectFrom('reviews').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async update(
    tx: Tx,
    id: string,
    change: { rating: number; body: string; editedAt: Date },
  ): Promise<ReviewRow> {
    return tx
      .updateTable('reviews')
      .set({ rating: change.rating, body: change.body, edited_at: change.editedAt })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async remove(tx: Tx, id: string): Promise<void> {
    await tx.deleteFrom('reviews').where('id', '=', id).execute();
  }

  async hide(tx: Tx, id: string, h: { reason: string; by: string; at: Date }): Promise<ReviewRow> {
    return tx
      .updateTable('reviews')
      .set({ hidden_at: h.at, hidden_reason: h.reason, hidden_by: h.by })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async reply(tx: Tx, id: string, r: { body: string; by: string; at: Date }): Promise<ReviewRow> {
    return tx
      .updateTable('reviews')
      .set({ reply_body: r.body, reply_at: r.at, reply_by: r.by })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** True when the vote is new (the primary key keeps one per user). */
  async addVote(tx: Tx, reviewId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await tx
      .insertInto('review_helpful_votes')
      .values({ review_id: reviewId, user_id: userId, created_at: at })
      .onConflict((oc) => oc.columns(['review_id', 'user_id']).doNothing())
      .returning('review_id')
      .execute();
    return rows.length > 0;
  }

  async removeVote(tx: Tx, reviewId: string, userId: string): Promise<boolean> {
    const result = await tx
      .deleteFrom('review_helpful_votes')
      .where('review_id', '=', reviewId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Adds `delta` to the helpful counter (atomic); the new count. */
  async bumpHelpful(tx: Tx, reviewId: string, delta: number): Promise<number> {
    const row = await tx
      .updateTable('reviews')
      .set({ helpful_count: sql`helpful_count + ${delta}` })
      .where('id', '=', reviewId)
      .returning('helpful_count')
      .executeTakeFirstOrThrow();
    return row.helpful_count;
  }

  /** True when the report is new (the primary key keeps one per user). */
  async addReport(tx: Tx, reviewId: string, userId: string, reason: string, at: Date): Promise<boolean> {
    const rows = await tx
      .insertInto('review_reports')
      .values({ review_id: reviewId, user_id: userId, reason, created_at: at })
      .onConflict((oc) => oc.columns(['review_id', 'user_id']).doNothing())
      .returning('review_id')
      .execute();
    if (rows.length === 0) return false;
    await tx
      .updateTable('reviews')
      .set({ report_count: sql`report_count + 1`, last_reported_at: at })
      .where('id', '=', reviewId)
      .execute();
    return true;
  }

  /** One page of a performance's visible reviews in the chosen order. */
  async page(
    db: DbOrTx,
    performanceId: string,
    sort: ReviewSort,
    page: number,
    size: number,
  ): Promise<ReviewRow[]> {
    let q = db
      .selectFrom('reviews')
      .selectAll()
      .where('performance_id', '=', performanceId)
      .where('hidden_at', 'is', null);
    if (sort === 'rating') q = q.orderBy('rating', 'desc');
    if (sort === 'helpful') q = q.orderBy('helpful_count', 'desc');
    return q
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(size)
      .offset((page - 1) * size)
      .execute();
  }

  /** Which of `reviewIds` the user has voted helpful. */
  async votedBy(db: DbOrTx, userId: string, reviewIds: string[]): Promise<Set<string>> {
    if (reviewIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('review_helpful_votes')
      .select('review_id')
      .where('user_id', '=', userId)
      .where('review_id', 'in', reviewIds)
      .execute();
    return new Set(rows.map((r) => r.review_id));
  }

  /** Which of `reviewIds` the user has reported. */
  async reportedBy(db: DbOrTx, userId: string, reviewIds: string[]): Promise<Set<string>> {
    if (reviewIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('review_reports')
      .select('review_id')
      .where('user_id', '=', userId)
      .where('review_id', 'in', reviewIds)
      .execute();
    return new Set(rows.map((r) => r.review_id));
  }

  /** The user's reviews, newest first, hidden ones included, and how many there are. */
  async ofUser(
    db: DbOrTx,
    userId: string,
    page: number,
    size: number,
  ): Promise<{ rows: ReviewRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      db
        .selectFrom('reviews')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      db
        .selectFrom('reviews')
        .select(sql<string>`count(*)`.as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  /**
   * The moderation queue. `reportedOnly`: visible reviews with reports, most reported first.
   * Otherwise every review: visible reported ones first, then the newest.
   */
  async moderationPage(
    db: DbOrTx,
    reportedOnly: boolean,
    page: number,
    size: number,
  ): Promise<{ rows: ReviewRow[]; total: number }> {
    const base = () => {
      let q = db.selectFrom('reviews');
      if (reportedOnly) q = q.where('report_count', '>', 0).where('hidden_at', 'is', null);
      return q;
    };
    const reportedFirst = sql<number>`CASE WHEN report_count > 0 AND hidden_at IS NULL THEN 0 ELSE 1 END`;
    const [rows, total] = await Promise.all([
      base()
        .selectAll()
        .orderBy(reportedFirst)
        .orderBy('report_count', 'desc')
        .orderBy(sql`last_reported_at DESC NULLS LAST`)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      base()
        .select(sql<string>`count(*)`.as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  /** The newest reports of each review (at most `perReview`), newest first. */
  async reportsOf(
    db: DbOrTx,
    reviewIds: string[],
    perReview: number,
  ): Promise<Map<string, { reason: string; createdAt: Date }[]>> {
    const out = new Map<string, { reason: string; createdAt: Date }[]>();
    if (reviewIds.length === 0) return out;
    const { rows } = await sql<{ review_id: string; reason: string; created_at: Date }>`
      SELECT review_id, reason, created_at FROM (
        SELECT review_id, reason, created_at,
               row_number() OVER (PARTITION BY review_id ORDER BY created_at DESC, user_id) AS n
        FROM review_reports WHERE review_id = ANY(${reviewIds}::uuid[])
      ) r WHERE n <= ${perReview}
      ORDER BY review_id, created_at DESC`.execute(db);
    for (const r of rows) {
      const list = out.get(r.review_id) ?? [];
      list.push({ reason: r.reason, createdAt: r.created_at });
      out.set(r.review_id, list);
    }
    return out;
  }
}
