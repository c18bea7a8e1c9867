import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import type { AlertPhase, RunAudience } from './onsale-alerts.tables.ts';
import './onsale-alerts.tables.ts';

export interface AlertTarget {
  showtimeId: string | null;
  performanceId: string | null;
}

export interface AlertRow extends AlertTarget {
  id: string;
  createdAt: Date;
}

export interface OpenRun {
  showtimeId: string;
  phase: AlertPhase;
  at: Date;
  audience: RunAudience;
  cursor: string | null;
}

/** All of the module's SQL; stateless, the connection first. */
export class OnsaleAlertsRepository {
  /** Serialises one user's adds until the transaction ends, so the cap holds under parallel POSTs. */
  async lockUser(tx: Tx, userId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`onsale-alerts:${userId}`}, 0))`.execute(tx);
  }

  async find(db: DbOrTx, userId: string, target: AlertTarget): Promise<AlertRow | undefined> {
    let q = db
      .selectFrom('onsale_alerts')
      .select([
        'id',
        'showtime_id as showtimeId',
        'performance_id as performanceId',
        'created_at as createdAt',
      ])
      .where('user_id', '=', userId);
    q = target.showtimeId
      ? q.where('showtime_id', '=', target.showtimeId)
      : q.where('performance_id', '=', target.performanceId!);
    return q.executeTakeFirst();
  }

  /** The new row, or undefined when the user already has this target (a racing add won). */
  async insert(db: DbOrTx, userId: string, target: AlertTarget, at: Date): Promise<AlertRow | undefined> {
    const { rows } = await sql<AlertRow>`
      INSERT INTO onsale_alerts (user_id, showtime_id, performance_id, created_at)
      VALUES (${userId}, ${target.showtimeId}, ${target.performanceId}, ${at})
      ON CONFLICT DO NOTHING
      RETURNING id, showtime_id AS "showtimeId", performance_id AS "performanceId", created_at AS "createdAt"`.execute(
      db,
    );
    return rows[0];
  }

  async countOf(db: DbOrTx, userId: string): Promise<number> {
    const row = await db
      .selectFrom('onsale_alerts')
      .select(sql<string>`count(*)`.as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listOf(db: DbOrTx, userId: string): Promise<AlertRow[]> {
    return db
      .selectFrom('onsale_alerts')
      .select([
        'id',
        'showtime_id as showtimeId',
        'performance_id as performanceId',
        'created_at as createdAt',
      ])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  async remove(db: DbOrTx, userId: string, id: string): Promise<boolean> {
    const result = await db
      .deleteFrom('onsale_alerts')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * The last user id of the page of subscribers after `after` (keyset by user id), or undefined when
   * no subscriber is left. Reads the index only.
   */
  async pageEnd(
    db: DbOrTx,
    audience: 'showtime' | 'performance',
    targetId: string,
    after: string | null,
    size: number,
  ): Promise<string | undefined> {
    const column = audience === 'showtime' ? 'showtime_id' : 'performance_id';
    const { rows } = await sql<{ last: string | null }>`
      SELECT user_id::text AS last FROM (
        SELECT user_id FROM onsale_alerts
        WHERE ${sql.ref(column)} = ${targetId} AND (${after}::uuid IS NULL OR user_id > ${after}::uuid)
        ORDER BY user_id LIMIT ${size}
      ) page ORDER BY user_id DESC LIMIT 1`.execute(db);
    return rows[0]?.last ?? undefined;
  }

  /**
   * Subscribers of a target with user id in (after, until]. For the performance audience of a
   * showtime's opening, users who also subscribed to that showtime are left out: its own page
   * already told them.
   */
  async subscribersBetween(
    db: DbOrTx,
    page: { audience: 'showtime' | 'performance'; showtimeId: string; performanceId: string },
    after: string | null,
    until: string,
  ): Promise<string[]> {
    const range = sql`a.user_id <= ${until}::uuid AND (${after}::uuid IS NULL OR a.user_id > ${after}::uuid)`;
    const { rows } =
      page.audience === 'showtime'
        ? await sql<{ user_id: string }>`
            SELECT a.user_id FROM onsale_alerts a
            WHERE a.showtime_id = ${page.showtimeId} AND ${range}
            ORDER BY a.user_id`.execute(db)
        : await sql<{ user_id: string }>`
            SELECT a.user_id FROM onsale_alerts a
            WHERE a.performance_id = ${page.performanceId} AND ${range}
              AND NOT EXISTS (SELECT 1 FROM onsale_alerts s
                              WHERE s.showtime_id = ${page.showtimeId} AND s.user_id = a.user_id)
            ORDER BY a.user_id`.execute(db);
    return rows.map((r) => r.user_id);
  }

  /** Claims a run; true when this call created it (nobody did this piece of work before). */
  async claimRun(db: DbOrTx, showtimeId: string, phase: AlertPhase, at: Date, now: Date): Promise<boolean> {
    const rows = await db
      .insertInto('alert_runs')
      .values({ showtime_id: showtimeId, phase, at, claimed_at: now })
      .onConflict((oc) => oc.columns(['showtime_id', 'phase', 'at']).doNothing())
      .returning('showtime_id')
      .execute();
    return rows.length > 0;
  }

  /**
   * The runs of these showtimes in these phases, each with whether it finished. Keys:
   * `${showtimeId} ${phase} ${at ISO}`.
   */
  async existingRuns(db: DbOrTx, showtimeIds: string[], phases: AlertPhase[]): Promise<Map<string, boolean>> {
    if (showtimeIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('alert_runs')
      .select(['showtime_id', 'phase', 'at', 'finished_at'])
      .where('showtime_id', 'in', showtimeIds)
      .where('phase', 'in', phases)
      .execute();
    return new Map(
      rows.map((r) => [`${r.showtime_id} ${r.phase} ${r.at.toISOString()}`, r.finished_at !== null]),
    );
  }

  /** Fan-out runs not finished yet (a worker died half way, or just claimed), oldest first. */
  async openFanouts(db: DbOrTx, limit: number): Promise<OpenRun[]> {
    return db
      .selectFrom('alert_runs')
      .select(['showtime_id as showtimeId', 'phase', 'at', 'audience', 'cursor'])
      .where('finished_at', 'is', null)
      .where('phase', 'in', ['ONSALE_SOON', 'ONSALE_OPEN'])
      .orderBy('claimed_at')
      .limit(limit)
      .execute();
  }

  /** Records how far the fan-out published (after the broker confirmed the page). */
  async advanceRun(
    db: DbOrTx,
    run: Pick<OpenRun, 'showtimeId' | 'phase' | 'at'>,
    audience: RunAudience,
    cursor: string | null,
    now: Date | null,
    pagesAdded: number,
  ): Promise<void> {
    await db
      .updateTable('alert_runs')
      .set((eb) => ({
        audience,
        cursor,
        finished_at: now,
        pages: eb('pages', '+', pagesAdded),
      }))
      .where('showtime_id', '=', run.showtimeId)
      .where('phase', '=', run.phase)
      .where('at', '=', run.at)
      .execute();
  }

  async finishRun(db: DbOrTx, showtimeId: string, phase: AlertPhase, at: Date, now: Date): Promise<void> {
    await db
      .updateTable('alert_runs')
      .set({ finished_at: now, audience: 'done' })
      .where('showtime_id', '=', showtimeId)
      .where('phase', '=', phase)
      .where('at', '=', at)
      .execute();
  }
}
