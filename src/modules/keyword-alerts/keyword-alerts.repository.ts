import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import './keyword-alerts.tables.ts';

export interface KeywordAlertRow {
  id: string;
  keyword: string;
  createdAt: Date;
}

/** All of the keyword alerts' SQL; stateless, the connection first. */
export class KeywordAlertsRepository {
  /** Serialises one user's adds until the transaction ends, so the cap holds under parallel POSTs. */
  async lockUser(tx: Tx, userId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`keyword-alerts:${userId}`}, 0))`.execute(tx);
  }

  async find(db: DbOrTx, userId: string, normalized: string): Promise<KeywordAlertRow | undefined> {
    return db
      .selectFrom('keyword_alerts')
      .select(['id', 'keyword', 'created_at as createdAt'])
      .where('user_id', '=', userId)
      .where('normalized', '=', normalized)
      .executeTakeFirst();
  }

  async insert(
    db: DbOrTx,
    row: { userId: string; keyword: string; normalized: string; at: Date },
  ): Promise<KeywordAlertRow> {
    return db
      .insertInto('keyword_alerts')
      .values({ user_id: row.userId, keyword: row.keyword, normalized: row.normalized, created_at: row.at })
      .returning(['id', 'keyword', 'created_at as createdAt'])
      .executeTakeFirstOrThrow();
  }

  async countOf(db: DbOrTx, userId: string): Promise<number> {
    const row = await db
      .selectFrom('keyword_alerts')
      .select(sql<string>`count(*)`.as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The user's alerts, oldest first (the order they were added). */
  async list(db: DbOrTx, userId: string): Promise<KeywordAlertRow[]> {
    return db
      .selectFrom('keyword_alerts')
      .select(['id', 'keyword', 'created_at as createdAt'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Only the owner's row is deleted; false when there was none. */
  async remove(db: DbOrTx, userId: string, id: string): Promise<boolean> {
    const result = await db
      .deleteFrom('keyword_alerts')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * One page of the users with a keyword among `candidates` (normalised substrings of a performance),
   * ordered by user id after `afterUserId`, each with the longest of their matching keywords.
   * `keyword_alerts_match` (normalized, user_id) turns the match into index probes.
   */
  async matchingUsers(
    db: DbOrTx,
    candidates: string[],
    afterUserId: string | null,
    limit: number,
  ): Promise<{ userId: string; keyword: string }[]> {
    if (candidates.length === 0) return [];
    const result = await sql<{ userId: string; keyword: string }>`
      SELECT DISTINCT ON (user_id) user_id AS "userId", keyword
      FROM keyword_alerts
      WHERE normalized = ANY(${candidates}::text[])
        AND (${afterUserId}::uuid IS NULL OR user_id > ${afterUserId}::uuid)
      ORDER BY user_id, length(normalized) DESC, keyword
      LIMIT ${limit}`.execute(db);
    return result.rows;
  }
}
