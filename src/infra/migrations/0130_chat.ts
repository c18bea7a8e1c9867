import { sql, type Kysely } from 'kysely';

/**
 * Fan chat, one room per performance (docs/chat.md).
 *
 * - `chat_rooms` holds each room's message counter: a send takes the room's row lock by bumping
 *   `last_seq`, so within one room the bigserial ids are handed out, and committed, in `seq` order,
 *   and `seq` has no holes (a rolled-back send rolls its bump back too). Instances deliver by `seq`.
 * - `chat_messages`: UNIQUE (author_id, client_id) makes a resent message the stored one.
 *   A deleted message keeps its row (`deleted_at`); history and replays leave it out.
 * - `chat_members`: who joined a room; `last_seen_at` is when they were last connected, and
 *   `notified_at` when they were last sent CHAT_ACTIVITY (one per away period).
 * - `chat_mutes`: one row per (room, user), `until` moved by a new mute.
 * - `chat_reports`: one report per (message, user).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE chat_rooms (
      performance_id uuid PRIMARY KEY REFERENCES performances (id),
      last_seq bigint NOT NULL CHECK (last_seq >= 0)
    )`.execute(db);
  await sql`
    CREATE TABLE chat_messages (
      id bigserial PRIMARY KEY,
      performance_id uuid NOT NULL REFERENCES chat_rooms (performance_id),
      seq bigint NOT NULL CHECK (seq > 0),
      author_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      client_id text NOT NULL CHECK (char_length(client_id) BETWEEN 1 AND 64),
      text text NOT NULL CHECK (char_length(text) <= 500),
      image_url text CHECK (image_url IS NULL OR char_length(image_url) <= 300),
      created_at timestamptz NOT NULL,
      deleted_at timestamptz,
      deleted_by uuid,
      CHECK (char_length(text) > 0 OR image_url IS NOT NULL),
      CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
      UNIQUE (author_id, client_id),
      UNIQUE (performance_id, seq)
    )`.execute(db);
  await sql`CREATE INDEX chat_messages_room ON chat_messages (performance_id, id)`.execute(db);
  await sql`
    CREATE TABLE chat_members (
      performance_id uuid NOT NULL REFERENCES performances (id),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      joined_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      notified_at timestamptz,
      PRIMARY KEY (performance_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX chat_members_user ON chat_members (user_id)`.execute(db);
  await sql`
    CREATE TABLE chat_mutes (
      performance_id uuid NOT NULL REFERENCES performances (id),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      until timestamptz NOT NULL,
      muted_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (performance_id, user_id),
      CHECK (until > created_at)
    )`.execute(db);
  await sql`
    CREATE TABLE chat_reports (
      message_id bigint NOT NULL REFERENCES chat_messages (id) ON DELETE CASCADE,
      reporter_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (message_id, reporter_id)
    )`.execute(db);
}
