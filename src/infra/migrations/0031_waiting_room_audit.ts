import { sql, type Kysely } from 'kysely';

/**
 * The verifiable queue (docs/waiting-room.md "Verifiable draw" and "Proof of work at entry").
 * `queue_draws` gains the public side of each draw: the commitment (SHA-256 of the seed's 32 bytes,
 * computed by PostgreSQL from the seed so the two can never disagree), the entry ids the draw ordered
 * in their input order, the place each got, and the digest over that list. `showtimes` gains the
 * proof-of-work switch and difficulty of its waiting room (read by the waiting room through the
 * catalogue's queue-settings port, like the other queue columns).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE queue_draws
      ADD COLUMN commitment text GENERATED ALWAYS AS (encode(sha256(decode(seed, 'hex')), 'hex')) STORED,
      ADD COLUMN entry_ids text[],
      ADD COLUMN positions int[],
      ADD COLUMN entries_digest text CHECK (entries_digest ~ '^[0-9a-f]{64}$'),
      ADD CONSTRAINT queue_draws_entries_complete CHECK (
        (entry_ids IS NULL AND positions IS NULL AND entries_digest IS NULL) OR
        (cardinality(entry_ids) = cardinality(positions) AND entries_digest IS NOT NULL))`.execute(db);
  await sql`
    ALTER TABLE showtimes
      ADD COLUMN queue_proof_of_work boolean NOT NULL DEFAULT false,
      ADD COLUMN queue_pow_difficulty int CHECK (queue_pow_difficulty BETWEEN 1000 AND 10000000)`.execute(db);
}
