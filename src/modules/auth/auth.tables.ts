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

/**
 * One row per sign-in session (migration 0014): its id is the refresh-token family's. Where it was
 * signed in from and when it last refreshed; whether it is live is its refresh tokens' business.
 */
export interface AuthSessionsTable {
  id: string;
  user_id: string;
  device: string;
  address: string;
  created_at: Date;
  last_seen_at: Date;
}

declare module '../../infra/db.ts' {
  interface Database {
    refresh_tokens: RefreshTokensTable;
    password_reset_tokens: PasswordResetTokensTable;
    auth_sessions: AuthSessionsTable;
  }
}

/** Provider accounts linked to ours (migration 0013_auth_identities). Only the auth module reads it. */
export interface UserIdentitiesTable {
  id: Generated<string>;
  user_id: string;
  provider: 'kakao' | 'naver' | 'google';
  subject: string;
  email: string | null;
  email_verified: boolean;
  created_at: ColumnType<Date, never, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    user_identities: UserIdentitiesTable;
  }
}
