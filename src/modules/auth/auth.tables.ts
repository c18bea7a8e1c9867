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

/** Password-reset links (migration 0012_account_recovery): only the sha256 of the token is kept. */
export interface PasswordResetTokensTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    refresh_tokens: RefreshTokensTable;
    password_reset_tokens: PasswordResetTokensTable;
  }
}
