import type { ColumnType, Generated } from 'kysely';

/** Migration 0091. Exactly one of showtime_id / performance_id is set. */
export interface OnsaleAlertsTable {
  id: Generated<string>;
  user_id: string;
  showtime_id: string | null;
  performance_id: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type AlertPhase = 'ONSALE_SOON' | 'ONSALE_OPEN' | 'SHOW_REMINDER' | 'REVIEW_INVITATION';
export type RunAudience = 'showtime' | 'performance' | 'done';

/** One claimed piece of once-only work of the alert jobs (see the migration). */
export interface AlertRunsTable {
  showtime_id: string;
  phase: AlertPhase;
  at: Date;
  audience: ColumnType<RunAudience, RunAudience | undefined, RunAudience>;
  cursor: string | null;
  pages: ColumnType<number, number | undefined, number>;
  claimed_at: ColumnType<Date, Date | undefined, Date>;
  finished_at: Date | null;
}

declare module '../../infra/db.ts' {
  interface Database {
    onsale_alerts: OnsaleAlertsTable;
    alert_runs: AlertRunsTable;
  }
}
