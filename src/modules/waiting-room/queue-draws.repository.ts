import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import './waiting-room.tables.ts';

/** The waiting room's one table, `queue_draws`: each showtime's draw seed. Stateless. */
export class QueueDrawsRepository {
  /** Stores `seed` unless the showtime has one; returns the stored seed either way. */
  async seedOf(db: DbOrTx, showtimeId: string, seed: string): Promise<string> {
    await db
      .insertInto('queue_draws')
      .values({ showtime_id: showtimeId, seed })
      .onConflict((oc) => oc.column('showtime_id').doNothing())
      .execute();
    const row = await db
      .selectFrom('queue_draws')
      .select('seed')
      .where('showtime_id', '=', showtimeId)
      .executeTakeFirstOrThrow();
    return row.seed;
  }

  async markDrawn(db: DbOrTx, showtimeId: string, earlyEntrants: number): Promise<void> {
    await db
      .updateTable('queue_draws')
      .set({ drawn_at: sql<Date>`now()`, early_entrants: earlyEntrants })
      .where('showtime_id', '=', showtimeId)
      .where('drawn_at', 'is', null)
      .execute();
  }

  async record(
    db: DbOrTx,
    showtimeId: string,
  ): Promise<{ seed: string; drawnAt: Date | null; earlyEntrants: number | null } | undefined> {
    const row = await db
      .selectFrom('queue_draws')
      .select(['seed', 'drawn_at', 'early_entrants'])
      .where('showtime_id', '=', showtimeId)
      .executeTakeFirst();
    return row && { seed: row.seed, drawnAt: row.drawn_at, earlyEntrants: row.early_entrants };
  }
}
