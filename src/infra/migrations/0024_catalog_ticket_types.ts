import { sql, type Kysely } from 'kysely';

/**
 * Ticket types a performance offers besides the adult (list) price: youth, disabled, veteran or the
 * theatre's own, each a percentage off the grade's price, with whether the door asks for proof. ADULT is
 * implicit (every performance sells at its list price), so it cannot be stored here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE performance_ticket_types (
      performance_id uuid NOT NULL REFERENCES performances(id) ON DELETE CASCADE,
      code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,23}$' AND code <> 'ADULT'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      discount_percent int NOT NULL CHECK (discount_percent BETWEEN 1 AND 100),
      proof_required boolean NOT NULL DEFAULT false,
      proof_note text CHECK (length(proof_note) <= 200),
      sort_order int NOT NULL DEFAULT 0,
      PRIMARY KEY (performance_id, code)
    )`.execute(db);
}
