import type { ColumnType, Generated } from 'kysely';

/** One banned word in its matching form (migration 0125). */
export interface BannedWordsTable {
  id: Generated<string>;
  word: string;
  /** The admin who added it; null for the seeded defaults. */
  added_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    banned_words: BannedWordsTable;
  }
}
