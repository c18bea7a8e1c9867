import { sql, type Kysely } from 'kysely';

/**
 * What a ticket shows besides its seat, copied from `reservation.confirmed` at issuance: the booking
 * number and the ticket type (e.g. 청소년, whose proof the door checks). Tickets issued from events
 * that lacked them keep nulls (and no proof to check).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE tickets
      ADD COLUMN booking_number text NULL,
      ADD COLUMN ticket_type_code text NULL,
      ADD COLUMN ticket_type_name text NULL,
      ADD COLUMN proof_required boolean NOT NULL DEFAULT false`.execute(db);
}
