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
