import { sql, type Kysely } from 'kysely';

/** Extensions, users, and the transactional outbox shared by every module that emits events. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      password_hash text NOT NULL,
      nickname text NOT NULL,
      phone text,
      birth_date date,
      role text NOT NULL DEFAULT 'USER' CHECK (role IN ('USER', 'STAFF', 'ADMIN')),
      email_verified_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT users_email_lowercase CHECK (email = lower(email))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_key ON users (email)`.execute(db);

  // Events leave a transaction only through this table; the worker's relay publishes them.
  await sql`
    CREATE TABLE outbox (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
      event_type text NOT NULL,
      event_version int NOT NULL DEFAULT 1,
      aggregate_type text NOT NULL,
      aggregate_id text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      attempts int NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL`.execute(db);

  // Consumers record what they handled in the same transaction as the effect: redelivery is a no-op.
  await sql`
    CREATE TABLE processed_events (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`.execute(db);
}
