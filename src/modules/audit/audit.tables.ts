import type { ColumnType, Generated } from 'kysely';

/** One admin action (migration 0112). The database refuses UPDATE, DELETE and TRUNCATE on it. */
export interface AuditLogTable {
  id: Generated<string>;
  actor_id: string;
  /** What was done, `<subject>.<verb>` (order.cancel, user.update) or `METHOD /path` (generic recorder). */
  action: string;
  target_type: string | null;
  target_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  request_id: string | null;
  at: ColumnType<Date, Date, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
