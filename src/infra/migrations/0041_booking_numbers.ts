import { sql, type Kysely } from 'kysely';

/**
 * A human-readable booking number on every reservation: `CT` + the booking day in Korea (YYMMDD) + six
 * Crockford base32 characters, e.g. `CT261130K7Q2XM`. New rows get a random one at reserve; existing rows
 * are backfilled from their creation day and a hash of their id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reservations ADD COLUMN booking_number text`.execute(db);
  await sql`
    UPDATE reservations SET booking_number =
      'CT' || to_char(created_at AT TIME ZONE 'Asia/Seoul', 'YYMMDD') || (
        SELECT string_agg(
          substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', get_byte(decode(md5(id::text), 'hex'), i) % 32 + 1, 1),
          '' ORDER BY i)
        FROM generate_series(0, 5) AS i
      )
    WHERE booking_number IS NULL`.execute(db);
  await sql`ALTER TABLE reservations ALTER COLUMN booking_number SET NOT NULL`.execute(db);
  await sql`ALTER TABLE reservations ADD CONSTRAINT reservations_booking_number_key UNIQUE (booking_number)`.execute(
    db,
  );
}
