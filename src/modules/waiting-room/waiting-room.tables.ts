import type { Generated } from 'kysely';

/** The waiting room's one table (migration 0030): the seed of each showtime's pre-queue draw. */
export interface QueueDrawsTable {
  showtime_id: string;
  /** 32 random bytes, lowercase hex. Secret until the draw; kept afterwards for verification. */
  seed: string;
  created_at: Generated<Date>;
  drawn_at: Date | null;
  early_entrants: number | null;
}

declare module '../../infra/db.ts' {
  interface Database {
    queue_draws: QueueDrawsTable;
  }
}
