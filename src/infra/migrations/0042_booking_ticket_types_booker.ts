import { sql, type Kysely } from 'kysely';

/**
 * What a reservation sold each seat as (the catalogue's ticket type, snapshotted like the price, so a
 * later change of the performance's types never rewrites a sale), and who booked: the name and mobile
 * number the box office calls. Rows from before keep ADULT at the price they charged and no booker.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE reservation_seats
      ADD COLUMN ticket_type text NOT NULL DEFAULT 'ADULT',
      ADD COLUMN ticket_type_name text NOT NULL DEFAULT '일반',
      ADD COLUMN proof_required boolean NOT NULL DEFAULT false,
      ADD COLUMN list_price int CHECK (list_price >= 0)`.execute(db);
  await sql`
    ALTER TABLE reservations
      ADD COLUMN booker_name text CHECK (length(booker_name) BETWEEN 1 AND 40),
      ADD COLUMN booker_phone text CHECK (booker_phone ~ '^01[016789][0-9]{7,8}$')`.execute(db);
}
