import type { ColumnType, Generated } from 'kysely';

/** One keyword a user wants to hear about (migration 0092); unique per (user_id, normalized). */
export interface KeywordAlertsTable {
  id: Generated<string>;
  user_id: string;
  /** As the user typed it (trimmed, inner spaces collapsed). */
  keyword: string;
  /** What is matched: NFC, lower case, spaces removed. */
  normalized: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    keyword_alerts: KeywordAlertsTable;
  }
}
