import type { ColumnType, Generated } from 'kysely';

/** Refresh tokens (migration 0010_auth). Only the auth module reads it. */
export interface RefreshTokensTable {
  id: Generated<string>;
  family_id: string;
  user_id: string;
  token_hash: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

declare module '../../infra/db.ts' {
  interface Database {
    refresh_tokens: RefreshTokensTable;
  }
}
