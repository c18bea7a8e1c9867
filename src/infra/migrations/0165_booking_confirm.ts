import { sql, type Kysely } from 'kysely';

/**
 * `booking_confirm(jsonb)`: the confirmation of a paid reservation without a coupon as one statement
 * (docs/performance.md, "Confirm in one statement"), where it was BEGIN, the reservation's move, the
 * seats sold, the event and COMMIT. Called alone it is its own transaction: all of it commits or none.
 * Input: {"reservation_id", "confirmed_at" (ISO instant), "event_version"}.
 *
 * 1. PENDING_PAYMENT → CONFIRMED by the conditional UPDATE (the row lock and the race guard at once:
 *    complete, webhook and the recovery job may race, one moves it). Not pending: returns NULL and
 *    writes nothing. A reservation with a coupon raises COUPON_NEEDS_TRANSACTION: its use is the coupons
 *    module's statement, which the caller runs in a transaction of its own instead.
 * 2. Its seats AVAILABLE → SOLD through the catalogue's `catalog_sell`; a seat it could not sell raises
 *    SEATS_CONFLICT, so the move rolls back and the caller refunds.
 * 3. The `reservation.confirmed` event into the outbox, in the shape of its v1 schema
 *    (src/modules/events/event-schemas.ts; booking-confirm.test.ts checks it against that schema and
 *    against the event of the transaction path): the seats in seat-map order with the price and ticket
 *    type they were sold at.
 *
 * Returns {"user_id", "showtime_id", "performance_id", "seat_ids", "event"}; migration 0170 drops "event".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION booking_confirm(p jsonb) RETURNS jsonb
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
        'seat_ids', (SELECT coalesce(jsonb_agg(e->'seatId'), '[]') FROM jsonb_array_elements(seats) e),
        'event', payload);
    END
    $fn$`.execute(db);
}
