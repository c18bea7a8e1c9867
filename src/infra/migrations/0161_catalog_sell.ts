import { sql, type Kysely } from 'kysely';

/**
 * `catalog_sell(uuid[])`: the catalogue's AVAILABLE → SOLD flip as a function, so a caller that must
 * sell inside one statement of its own (booking's `booking_confirm`) uses the catalogue's rule instead
 * of writing to its seats table. `InventoryRepository.sell` calls it too: one definition of the flip.
 * It returns the seats it changed, in seat-map order (showtime, then sort order); a seat that was not
 * AVAILABLE is not changed and not returned, so a caller compares the count with what it asked for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION catalog_sell(seat_ids uuid[])
    RETURNS TABLE (id uuid, section text, "row" text, number int, grade text, price int, status text)
    LANGUAGE sql VOLATILE AS $fn$
      WITH sold AS (
        UPDATE seats SET status = 'SOLD'
         WHERE seats.id = ANY(seat_ids) AND seats.status = 'AVAILABLE'
        RETURNING seats.id, seats.section, seats.row_label, seats.number, seats.grade, seats.price,
                  seats.status, seats.showtime_id, seats.sort_order)
      SELECT sold.id, sold.section, sold.row_label, sold.number, sold.grade, sold.price, sold.status
        FROM sold ORDER BY sold.showtime_id, sold.sort_order
    $fn$`.execute(db);
}
