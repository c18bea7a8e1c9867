import { sql, type Kysely } from 'kysely';

/**
 * Accounts: devices, consents, language and withdrawal.
 *
 * - `auth_sessions`: one row per sign-in session (a refresh-token family, same id), with the device
 *   and address it was used from, so a user can see where they are signed in and end a session.
 *   Whether it is still live is read from its refresh tokens, which stay the one source of truth.
 * - `user_consents`: every consent given or withdrawn, with its time; the current state of a kind is
 *   its latest row. Rows are never updated: the log is the proof.
 * - `users.language`: the language mail is written in (ko, en).
 * - `users.deleted_at`: a withdrawn account; its personal data is erased and it cannot sign in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE auth_sessions (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      device text NOT NULL CHECK (length(device) <= 80),
      address text NOT NULL CHECK (length(address) <= 64),
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id, last_seen_at DESC)`.execute(db);
  // Sessions signed in before this migration: listed (device and address unknown) and endable one by one.
  await sql`
    INSERT INTO auth_sessions (id, user_id, device, address, created_at, last_seen_at)
    SELECT family_id, user_id, '', '', min(created_at), max(created_at)
    FROM refresh_tokens
    WHERE revoked_at IS NULL
    GROUP BY family_id, user_id
    HAVING max(expires_at) > now()`.execute(db);

  await sql`
    CREATE TABLE user_consents (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      kind text NOT NULL CHECK (kind IN ('terms', 'privacy', 'marketing')),
      granted boolean NOT NULL,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX user_consents_user_kind_idx ON user_consents (user_id, kind, at DESC, id DESC)`.execute(
    db,
  );

  await sql`
    ALTER TABLE users
      ADD COLUMN language text NOT NULL DEFAULT 'ko' CHECK (language IN ('ko', 'en')),
      ADD COLUMN deleted_at timestamptz`.execute(db);
}
