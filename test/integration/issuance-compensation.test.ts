import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { checkout, complete, gatewayPayment, pay, setupCheckout, type CheckoutHarness } from '../checkout.ts';
import { createShowtimeWithSeats, createUser } from '../factories.ts';
import { confirmedData, startWorker, waitFor, writeEvent } from '../tickets-support.ts';

/**
 * When tickets cannot be issued for good (dead-lettered after retries), the tickets module records the
 * failure and emits `ticket.issuance_failed`; checkout then refunds the buyer in full, puts the seats
 * back on sale and closes the reservation. Nobody keeps a payment without a ticket or a refund.
 */
describe('issuance failure compensation', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout();
  });
  afterAll(() => h.close());

  it('refunds in full, releases the seats and closes the reservation', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const seat = st.seats[0]!;
    const worker = await startWorker(h.env, {
      ...h.overrides,
      TICKET_ISSUE_MAX_ATTEMPTS: '2',
      TICKET_ISSUE_RETRY_DELAY_MS: '100',
    });
    try {
      // Another (corrupt) confirmation already holds a ticket for the seat: issuing the genuine one must
      // fail for good. Its ticket must exist before the buyer's confirmation arrives, since the consumer
      // handles deliveries concurrently and could otherwise issue the buyer's first.
      const intruder = await createUser(h.container);
      const intruderReservation = confirmedData(st, intruder.id, [seat]);
      await writeEvent(h.container, 'reservation.confirmed', intruderReservation);
      await waitFor(
        async () =>
          (
            await sql<{ n: number }>`SELECT count(*)::int AS n FROM tickets
            WHERE reservation_id = ${intruderReservation.reservationId}`.execute(h.container.db)
          ).rows[0]!.n,
        (n) => n === 1,
        20_000,
        "the intruder's ticket",
      );

      const buyer = await createUser(h.container);
      const reservation = await checkout(h, buyer, st.showtimeId, [seat.id]);
      await pay(h.gatewayUrl, reservation.payment.id);
      const confirmed = await complete(h.app, buyer, reservation.payment.id);
      expect(confirmed.json()).toMatchObject({ status: 'CONFIRMED' });

      const detail = await waitFor(
        async () =>
          (
            await h.app.inject({
              method: 'GET',
              url: `/api/v1/reservations/${reservation.id}`,
              headers: buyer.headers,
            })
          ).json() as { status: string; tickets: unknown[] },
        (r) => r.status === 'CANCELLED',
        20_000,
        'the reservation to be compensated',
      );
      expect(detail.tickets).toEqual([]);

      const payment = await gatewayPayment(h, reservation.payment.id);
      expect(payment).toMatchObject({ status: 'CANCELLED' });
      expect((payment.amount as { cancelled: number }).cancelled).toBe(reservation.total);

      const { rows } = await sql<{ refund_amount: number; failure_code: string; status: string }>`
        SELECT refund_amount, failure_code, status FROM reservations WHERE id = ${reservation.id}`.execute(
        h.container.db,
      );
      expect(rows[0]).toEqual({
        refund_amount: reservation.total,
        failure_code: 'TICKET_ISSUANCE_FAILED',
        status: 'CANCELLED',
      });
      const seatRow = await sql<{ status: string }>`SELECT status FROM seats WHERE id = ${seat.id}`.execute(
        h.container.db,
      );
      expect(seatRow.rows[0]!.status).toBe('AVAILABLE');

      // A redelivered failure event changes nothing: one refund, one cancellation event.
      await worker.container.booking.cancels.compensateIssuanceFailure(reservation.id);
      const events = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM outbox
        WHERE event_type = 'reservation.cancelled' AND aggregate_id = ${reservation.id}`.execute(
        h.container.db,
      );
      expect(events.rows[0]!.n).toBe(1);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
