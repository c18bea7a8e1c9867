import { sql, type Kysely } from 'kysely';

/**
 * `booking_reserve(jsonb)`: the write half of POST /reservations as one statement (docs/performance.md,
 * "Reserve in 3 round trips"). Called without BEGIN/COMMIT it is its own transaction; called inside one
 * (a coupon purchase) it joins it. Only booking's tables are touched: the caller has already read and
 * priced the seats from the catalogue.
 *
 * In order, each inner statement with a fresh READ COMMITTED snapshot (the function is VOLATILE):
 * 1. claims the Idempotency-Key (INSERT … ON CONFLICT DO NOTHING waits for a concurrent claim of the
 *    same key to end); when the key exists, returns its row ({"existing": row}) and writes nothing;
 * 2. serialises the user's reservations of the showtime (the same advisory lock as before) and counts
 *    the seats they hold in live reservations, committed ones included: above the limit it raises
 *    TICKET_LIMIT_EXCEEDED;
 * 3. refuses seats already in a live reservation (SEATS_UNAVAILABLE, naming them);
 * 4. inserts the reservation and its seats. The partial unique index reservation_seats_live stays the
 *    guard against a concurrent sale of a seat (unique_violation reaches the caller, which maps it).
 *
 * A refusal is RAISEd (SQLSTATE P0001, message = the API's code, detail = its JSON details), so the
 * key's claim rolls back with everything else and a retry with the same key starts afresh.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION booking_reserve(p jsonb) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE AS $fn$
    DECLARE
      r reservations;
      existing reservation_idempotency;
      live int;
      wanted int;
      taken uuid[];
    BEGIN
      r := jsonb_populate_record(NULL::reservations, p->'reservation');

      INSERT INTO reservation_idempotency (user_id, idempotency_key, request_hash, reservation_id)
      VALUES (r.user_id, p->>'idempotency_key', p->>'request_hash', r.id)
      ON CONFLICT DO NOTHING;
      IF NOT FOUND THEN
        SELECT * INTO existing FROM reservation_idempotency
         WHERE user_id = r.user_id AND idempotency_key = p->>'idempotency_key';
        RETURN jsonb_build_object('existing', to_jsonb(existing));
      END IF;

      PERFORM pg_advisory_xact_lock(hashtextextended(r.showtime_id::text || ':' || r.user_id::text, 0));
      SELECT count(*) INTO live
        FROM reservation_seats rs
        JOIN reservations x ON x.id = rs.reservation_id
       WHERE x.showtime_id = r.showtime_id AND x.user_id = r.user_id AND rs.released_at IS NULL;
      wanted := jsonb_array_length(p->'seats');
      IF live + wanted > (p->>'max_tickets')::int THEN
        RAISE EXCEPTION 'TICKET_LIMIT_EXCEEDED'
          USING DETAIL = jsonb_build_object('limit', (p->>'max_tickets')::int)::text;
      END IF;

      SELECT array_agg(rs.seat_id ORDER BY rs.seat_id) INTO taken
        FROM reservation_seats rs
       WHERE rs.showtime_id = r.showtime_id
         AND rs.seat_id IN (SELECT (s->>'seat_id')::uuid FROM jsonb_array_elements(p->'seats') s)
         AND rs.released_at IS NULL;
      IF taken IS NOT NULL THEN
        RAISE EXCEPTION 'SEATS_UNAVAILABLE' USING DETAIL = jsonb_build_object('seatIds', taken)::text;
      END IF;

      INSERT INTO reservations (id, user_id, showtime_id, performance_id, hold_id, status, amount, total,
                                user_coupon_id, payment_id, booking_number, booker_name, booker_phone,
                                pay_method, easy_pay_provider, expires_at)
      VALUES (r.id, r.user_id, r.showtime_id, r.performance_id, r.hold_id, r.status, r.amount, r.total,
              r.user_coupon_id, r.payment_id, r.booking_number, r.booker_name, r.booker_phone,
              r.pay_method, r.easy_pay_provider, r.expires_at);
      INSERT INTO reservation_seats (reservation_id, seat_id, showtime_id, price, list_price, ticket_type,
                                     ticket_type_name, proof_required)
      SELECT r.id, s.seat_id, r.showtime_id, s.price, s.list_price, s.ticket_type, s.ticket_type_name,
             s.proof_required
        FROM jsonb_populate_recordset(NULL::reservation_seats, p->'seats') s;
      RETURN jsonb_build_object('created', true);
    END
    $fn$`.execute(db);
}
