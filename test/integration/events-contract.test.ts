import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser, type TestShowtime, type TestUser } from '../factories.ts';
import { checkout, complete, pay, setupCheckout, type CheckoutHarness } from '../checkout.ts';
import { createCoupon, issue } from '../coupons.ts';
import { toEnvelope } from '../../src/infra/outbox-relay.ts';
import { EVENT_SCHEMAS, parseEvent, type EventType } from '../../src/modules/events/event-schemas.ts';
import { hold, reserve } from '../checkout.ts';

type OutboxRow = {
  event_id: string;
  event_type: string;
  event_version: number;
  payload: Record<string, unknown>;
  created_at: Date;
};

/**
 * The events checkout really writes, read back from the outbox and wrapped as the relay publishes them,
 * pass their versioned contracts: a consumer never dead-letters a genuine event.
 */
describe('checkout events against their contracts', () => {
  let h: CheckoutHarness;
  let user: TestUser;
  let st: TestShowtime;
  let nextSeat = 0;

  beforeAll(async () => {
    h = await setupCheckout();
    user = await createUser(h.container);
    st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 10, maxTicketsPerUser: 10 });
  });
  afterAll(() => h.close());

  const seat = () => st.seats[nextSeat++]!.id;

  async function eventsOf(reservationId: string): Promise<OutboxRow[]> {
    const { rows } = await sql<OutboxRow>`
      SELECT event_id, event_type, event_version, payload, created_at
        FROM outbox WHERE aggregate_id = ${reservationId} ORDER BY id`.execute(h.container.db);
    return rows;
  }

  /** The one event of `type` for the reservation, parsed exactly as a consumer parses what it receives. */
  async function parsed<T extends EventType>(reservationId: string, type: T) {
    const rows = (await eventsOf(reservationId)).filter((r) => r.event_type === type);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.event_version).toBe(EVENT_SCHEMAS[type].version);
    // Through JSON, as the message travels.
    const body: unknown = JSON.parse(JSON.stringify(toEnvelope(rows[0]!)));
    return parseEvent(type, body).data;
  }

  async function paid(seatIds: string[], extra: object = {}) {
    const held = await hold(h.app, user, st.showtimeId, seatIds);
    expect(held.statusCode).toBe(201);
    const res = await reserve(h.app, user, held.json().id, undefined, extra);
    expect(res.statusCode).toBe(201);
    const r = res.json<{ id: string; bookingNumber: string; payment: { id: string } }>();
    await pay(h.gatewayUrl, r.payment.id);
    expect((await complete(h.app, user, r.payment.id)).json().status).toBe('CONFIRMED');
    return r;
  }

  it('reservation.confirmed (with a coupon)', async () => {
    const admin = await createUser(h.container, { role: 'ADMIN' });
    const couponId = await createCoupon(h.app, admin);
    const userCouponId = (await issue(h.app, user, couponId)).json<{ userCouponId: string }>().userCouponId;
    const seats = [seat(), seat()];
    const r = await paid(seats, { userCouponId });
    const data = await parsed(r.id, 'reservation.confirmed');
    expect(data).toMatchObject({
      reservationId: r.id,
      userId: user.id,
      showtimeId: st.showtimeId,
      performanceId: st.performanceId,
      amount: 200_000,
      discount: 5_000,
      total: 195_000,
    });
    expect(data.seats.map((s) => s.seatId).sort()).toEqual([...seats].sort());
    expect(data.bookingNumber).toBe(r.bookingNumber);
  });

  it('reservation.failed (payment declined)', async () => {
    const r = await checkout(h, user, st.showtimeId, [seat()]);
    await pay(h.gatewayUrl, r.payment.id, { outcome: 'failed' });
    expect((await complete(h.app, user, r.payment.id)).json().status).toBe('FAILED');
    const data = await parsed(r.id, 'reservation.failed');
    expect(data).toMatchObject({ reservationId: r.id, userId: user.id, showtimeId: st.showtimeId });
    expect(data.reason.length).toBeGreaterThan(0);
  });

  it('reservation.expired (the recovery job)', async () => {
    const r = await checkout(h, user, st.showtimeId, [seat()]);
    await sql`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = ${r.id}`.execute(
      h.container.db,
    );
    expect((await h.container.booking.recovery.runOnce()).expired).toBe(1);
    const data = await parsed(r.id, 'reservation.expired');
    expect(data).toMatchObject({ reservationId: r.id, userId: user.id, showtimeId: st.showtimeId });
  });

  it('reservation.cancelled (the buyer cancels)', async () => {
    const seats = [seat()];
    const r = await paid(seats);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/reservations/${r.id}/cancel`,
      headers: user.headers,
    });
    expect(res.statusCode).toBe(200);
    const data = await parsed(r.id, 'reservation.cancelled');
    expect(data).toMatchObject({
      reservationId: r.id,
      userId: user.id,
      showtimeId: st.showtimeId,
      seatIds: seats,
      refundAmount: 100_000,
    });
  });
});
