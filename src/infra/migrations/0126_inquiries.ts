import { sql, type Kysely } from 'kysely';

/**
 * 1:1 inquiries (inquiries module): a buyer's question and its thread with the box office. Status
 * OPEN → ANSWERED (a staff message) → CLOSED; a buyer message reopens it. `waiting_since` is when
 * the buyer started waiting for an answer (the support desk sorts OPEN ones by it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE inquiries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL,
      category text NOT NULL
        CHECK (category IN ('BOOKING', 'PAYMENT', 'CANCEL', 'TICKET', 'ACCOUNT', 'OTHER')),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
      reservation_id uuid,
      booking_number text,
      message_count integer NOT NULL DEFAULT 0 CHECK (message_count >= 0),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      waiting_since timestamptz,
      last_answer_at timestamptz,
      buyer_read_at timestamptz,
      closed_at timestamptz,
      CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
      CHECK (status <> 'OPEN' OR waiting_since IS NOT NULL),
      CHECK (status <> 'ANSWERED' OR last_answer_at IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX inquiries_user ON inquiries (user_id, updated_at DESC, id)`.execute(db);
  await sql`CREATE INDEX inquiries_desk ON inquiries (status, waiting_since, id)`.execute(db);
  await sql`CREATE INDEX inquiries_recent ON inquiries (status, updated_at DESC, id)`.execute(db);
  await sql`
    CREATE TABLE inquiry_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigserial NOT NULL UNIQUE,
      inquiry_id uuid NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
      author_id uuid NOT NULL,
      staff boolean NOT NULL,
      body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
      created_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX inquiry_messages_thread ON inquiry_messages (inquiry_id, seq)`.execute(db);
}
