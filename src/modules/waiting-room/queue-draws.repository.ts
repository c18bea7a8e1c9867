import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { DrawList } from './draw.ts';
import './waiting-room.tables.ts';

/** A showtime's draw as stored. `seed` is secret until `drawnAt` is set. */
export interface DrawRecord {
  seed: string;
  /** SHA-256 of the seed's bytes (computed by PostgreSQL). */
  commitment: string;
  drawnAt: Date | null;
  earlyEntrants: number | null;
  /** Entry ids in draw input order (empty before the draw). */
  entryIds: string[];
  positions: number[];
  entriesDigest: string | null;
}

/** The waiting room's one table, `queue_draws`: each showtime's draw seed and published list. Stateless. */
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

  /**
   * Stores the list a draw is about to apply, still unpublished (`drawn_at` stays null, so the audit
   * shows neither it nor the seed). If the drawer dies between the apply and `markDrawn`, this is the
   * list that was applied, and the audit publishes it (QueueAudit).
   */
  async prepare(db: DbOrTx, showtimeId: string, list: DrawList): Promise<void> {
    await db
      .updateTable('queue_draws')
      .set(listColumns(list))
      .where('showtime_id', '=', showtimeId)
      .where('drawn_at', 'is', null)
      .execute();
  }

  async markDrawn(db: DbOrTx, showtimeId: string, list: DrawList): Promise<void> {
    await db
      .updateTable('queue_draws')
      .set({ drawn_at: sql<Date>`now()`, ...listColumns(list) })
      .where('showtime_id', '=', showtimeId)
      .where('drawn_at', 'is', null)
      .execute();
  }

  async record(db: DbOrTx, showtimeId: string): Promise<DrawRecord | undefined> {
    const row = await db
      .selectFrom('queue_draws')
      .select([
        'seed',
        'commitment',
        'drawn_at',
        'early_entrants',
        'entry_ids',
        'positions',
        'entries_digest',
      ])
      .where('showtime_id', '=', showtimeId)
      .executeTakeFirst();
    return (
      row && {
        seed: row.seed,
        commitment: row.commitment,
        drawnAt: row.drawn_at,
        earlyEntrants: row.early_entrants,
        entryIds: row.entry_ids ?? [],
        positions: row.positions ?? [],
        entriesDigest: row.entries_digest,
      }
    );
  }
}

const listColumns = (list: DrawList) => ({
  early_entrants: list.entryIds.length,
  entry_ids: list.entryIds,
  positions: list.positions,
  entries_digest: list.digest,
});
