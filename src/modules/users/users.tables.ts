import type { ColumnType, Generated } from 'kysely';

/** The users table (created by the foundation migration 0001). Only the users module reads it. */
export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  nickname: string;
  phone: string | null;
  birth_date: string | null;
  role: Generated<'USER' | 'STAFF' | 'ADMIN'>;
  email_verified_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

declare module '../../infra/db.ts' {
  interface Database {
    users: UsersTable;
  }
}
