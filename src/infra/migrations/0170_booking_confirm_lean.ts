import { sql, type Kysely } from 'kysely';

/**
 * `booking_confirm(jsonb)` as migration 0165 made it, but returning only what the checkout saga reads:
 * {"user_id", "showtime_id", "performance_id", "seat_ids"}. The `reservation.confirmed` payload
 * stays in the outbox, where the relay reads it; returning it too sent about 300 bytes per purchase
 * that the API parsed and dropped. Same input, same writes, same refusals (0165 documents them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION booking_confirm(p jsonb) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE AS $fn$
    DECLARE
      r reservations;
      wanted int;
      sold int;
      seats jsonb;
      payload jsonb;
    BEGIN
      UPDATE reservations
         SET status = 'CONFIRMED', step = 'CONFIRMED', payment_status = 'PAID',
             confirmed_at = (p->>'confirmed_at')::timestamptz, updated_at = now()
       WHERE id = (p->>'reservation_id')::uuid AND status = 'PENDING_PAYMENT'
      RETURNING * INTO r;
      IF NOT FOUND THEN
        RETURN NULL;
      END IF;
      IF r.user_coupon_id IS NOT NULL THEN
        RAISE EXCEPTION 'COUPON_NEEDS_TRANSACTION';
      END IF;

      SELECT count(*) INTO wanted FROM reservation_seats WHERE reservation_id = r.id;
      SELECT count(*),
             coalesce(jsonb_agg(jsonb_build_object(
               'seatId', s.id, 'section', s.section, 'row', s."row", 'number', s.number, 'grade', s.grade,
               'price', rs.price,
               'ticketType', jsonb_build_object('code', rs.ticket_type, 'name', rs.ticket_type_name,
                                                'proofRequired', rs.proof_required)) ORDER BY s.ord), '[]')
        INTO sold, seats
        FROM catalog_sell(ARRAY(SELECT seat_id FROM reservation_seats WHERE reservation_id = r.id))
             WITH ORDINALITY AS s(id, section, "row", number, grade, price, status, ord)
        JOIN reservation_seats rs ON rs.reservation_id = r.id AND rs.seat_id = s.id;
      IF sold <> wanted THEN
        RAISE EXCEPTION 'SEATS_CONFLICT';
      END IF;

      payload := jsonb_build_object(
          'reservationId', r.id, 'userId', r.user_id, 'showtimeId', r.showtime_id,
          'performanceId', r.performance_id, 'seats', seats, 'amount', r.amount,
          'discount', r.discount, 'total', r.total, 'confirmedAt', p->>'confirmed_at')
        || CASE WHEN r.booking_number IS NULL THEN '{}'::jsonb
                ELSE jsonb_build_object('bookingNumber', r.booking_number) END;
      INSERT INTO outbox (event_type, event_version, aggregate_type, aggregate_id, payload)
      VALUES ('reservation.confirmed', (p->>'event_version')::int, 'reservation', r.id::text, payload);

      RETURN jsonb_build_object(
        'user_id', r.user_id, 'showtime_id', r.showtime_id, 'performance_id', r.performance_id,
        'seat_ids', (SELECT coalesce(jsonb_agg(e->'seatId'), '[]') FROM jsonb_array_elements(seats) e));
    END
    $fn$`.execute(db);
}
