import type { ColumnType } from 'kysely';

export interface WishesTable {
  user_id: string;
  performance_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    wishes: WishesTable;
  }
}
