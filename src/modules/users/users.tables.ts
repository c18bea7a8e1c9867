import type { ColumnType, Generated } from 'kysely';

/** An account's role: set in the database only, read into every access token when it is minted. */
export type Role = 'USER' | 'STAFF' | 'ADMIN';

/** The users table (created by the foundation migration 0001). Only the users module reads it. */
export interface UsersTable {
  id: Generated<string>;
  email: string;
  /** Null for an account made through a social provider that has not set a password (migration 0013). */
  password_hash: string | null;
  nickname: string;
  phone: string | null;
  birth_date: string | null;
  role: Generated<Role>;
  email_verified_at: Date | null;
  /** When the account agreed to the terms of service (migration 0011); null when not recorded. */
  terms_agreed_at: Generated<Date | null>;
  /** When it agreed to the collection and use of personal data. */
  privacy_agreed_at: Generated<Date | null>;
  /** The language mail is written in (migration 0014). */
  language: Generated<Language>;
  /** When the account was withdrawn: its personal data is erased and it cannot sign in. */
  deleted_at: Generated<Date | null>;
  /** When an admin suspended the account (migration 0111): it cannot sign in until lifted. */
  suspended_at: Generated<Date | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type Language = 'ko' | 'en';
export type ConsentKind = 'terms' | 'privacy' | 'marketing';

/** Every consent given or withdrawn, with its time (migration 0014); never updated. */
export interface UserConsentsTable {
  id: Generated<string>;
  user_id: string;
  kind: ConsentKind;
  granted: boolean;
  at: Date;
}

declare module '../../infra/db.ts' {
  interface Database {
    users: UsersTable;
    user_consents: UserConsentsTable;
  }
}
