import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser, type TestShowtime } from '../../../test/factories.ts';
import { complete, hold, pay, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { createCoupon, issue } from '../../../test/coupons.ts';
import { countStatements, counted, isTransactionControl, NAMED } from '../../../test/statements.ts';
import { toEnvelope } from '../../infra/outbox-relay.ts';
import { EVENT_SCHEMAS, parseEvent } from '../events/event-schemas.ts';
import { BookingRepository } from './booking.repository.ts';

/**
 * The confirmation of a paid reservation without a coupon is one statement, `booking_confirm`
 * (migrations 0165 and 0170): the reservation's move, the seats sold through the catalogue's `catalog_sell`, and
 * the `reservation.confirmed` event, all or nothing. A coupon purchase keeps the transaction, which
 * runs the coupons module's statement too; both write the same event.
 */
describe('confirm in one statement', () => {
  let h: CheckoutHarness;
  let restore: () => void;
  const repo = new BookingRepository();
  const version = EVENT_SCHEMAS['reservation.confirmed'].version;

  beforeAll(async () => {
    h = await setupCheckout();
    restore = countStatements();
  });
  afterAll(async () => {
    restore();
    await h.close();
  });

  async function reserved(st: TestShowtime, seatIds: string[], extra: object = {}) {
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, seatIds);
    expect(held.statusCode, held.body).toBe(201);
    const res = await reserve(h.app, user, held.json().id, undefined, extra);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<{ id: string; bookingNumber: string; payment: { id: string } }>();
    return { user, ...r };
  }

  const confirmedEvents = async (reservationId: string) =>
    (
      await sql<{
        event_id: string;
        event_type: string;
        event_version: number;
        payload: Record<string, unknown>;
        created_at: Date;
      }>`
        SELECT event_id, event_type, event_version, payload, created_at FROM outbox
         WHERE aggregate_id = ${reservationId} AND event_type = 'reservation.confirmed'`.execute(
        h.container.db,
      )
    ).rows;

  const statusOf = async (reservationId: string) =>
    (
      await sql<{ status: string; step: string; payment_status: string; confirmed_at: Date | null }>`
        SELECT status, step, payment_status, confirmed_at FROM reservations WHERE id = ${reservationId}`.execute(
        h.container.db,
      )
    ).rows[0]!;

  const seatStatuses = async (seatIds: string[]) =>
    (
      await sql<{ status: string }>`
        SELECT status FROM seats WHERE id = ANY(${seatIds}::uuid[]) ORDER BY sort_order`.execute(
        h.container.db,
      )
    ).rows.map((r) => r.status);

  it('completes a purchase with one write statement, outside any BEGIN/COMMIT', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4, price: 50_000 });
    const r = await reserved(st, [st.seats[0]!.id, st.seats[1]!.id]);
    await pay(h.gatewayUrl, r.payment.id);
    const done = await counted(() => complete(h.app, r.user, r.payment.id));
    expect(done.result.json()).toMatchObject({ reservationId: r.id, status: 'CONFIRMED' });
    // The reservation read and the confirmation: the transaction sent five (BEGIN, move, sell, event, COMMIT).
    expect(done.sent.length, done.sent.join('\n')).toBe(2);
    expect(done.sent.filter((q) => q.includes('booking_confirm('))).toHaveLength(1);
    // Both are prepared statements (parsed once per connection).
    expect(
      done.sent.every((q) => q.startsWith(NAMED)),
      done.sent.join('\n'),
    ).toBe(true);
    expect(done.sent.some(isTransactionControl)).toBe(false);
    expect(await statusOf(r.id)).toMatchObject({
      status: 'CONFIRMED',
      step: 'CONFIRMED',
      payment_status: 'PAID',
    });
    expect(await seatStatuses([st.seats[0]!.id, st.seats[1]!.id])).toEqual(['SOLD', 'SOLD']);
  });

  it('writes the event of the contract, as the transaction path writes it', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 2,
      seatsPerRow: 3,
      price: 70_000,
      maxTicketsPerUser: 4,
    });
    // Held in the other order: the event lists seats in seat-map order.
    const seats = [st.seats[4]!, st.seats[1]!];
    const r = await reserved(
      st,
      seats.map((s) => s.id),
    );
    await pay(h.gatewayUrl, r.payment.id);
    expect((await complete(h.app, r.user, r.payment.id)).json().status).toBe('CONFIRMED');
    const [row] = await confirmedEvents(r.id);
    expect(row!.event_version).toBe(version);
    // Parsed as a consumer parses what the relay publishes.
    const data = parseEvent(
      'reservation.confirmed',
      JSON.parse(JSON.stringify(toEnvelope(row!))) as unknown,
    ).data;
    const { confirmed_at } = await statusOf(r.id);
    expect(data).toEqual({
      reservationId: r.id,
      userId: r.user.id,
      showtimeId: st.showtimeId,
      performanceId: st.performanceId,
      bookingNumber: r.bookingNumber,
      seats: [st.seats[1]!, st.seats[4]!].map((s) => ({
        seatId: s.id,
        section: s.section,
        row: s.row,
        number: s.number,
        grade: s.grade,
        price: 70_000,
        ticketType: { code: 'ADULT', name: expect.any(String) as string, proofRequired: false },
      })),
      amount: 140_000,
      discount: 0,
      total: 140_000,
      confirmedAt: confirmed_at!.toISOString(),
    });

    // A coupon purchase goes through the transaction: the same fields, the same seat fields.
    const admin = await createUser(h.container, { role: 'ADMIN' });
    const couponId = await createCoupon(h.app, admin);
    const other = await createUser(h.container);
    const userCouponId = (await issue(h.app, other, couponId)).json<{ userCouponId: string }>().userCouponId;
    const held = await hold(h.app, other, st.showtimeId, [st.seats[0]!.id]);
    const withCoupon = (await reserve(h.app, other, held.json().id, undefined, { userCouponId })).json<{
      id: string;
      payment: { id: string };
    }>();
    await pay(h.gatewayUrl, withCoupon.payment.id);
    const viaTransaction = await counted(() => complete(h.app, other, withCoupon.payment.id));
    expect(viaTransaction.result.json().status).toBe('CONFIRMED');
    expect(viaTransaction.sent.some((q) => q.includes('booking_confirm('))).toBe(false);
    const [couponRow] = await confirmedEvents(withCoupon.id);
    const couponData = couponRow!.payload as unknown as typeof data;
    expect(Object.keys(couponData).sort()).toEqual(Object.keys(data).sort());
    expect(Object.keys(couponData.seats[0]!).sort()).toEqual(Object.keys(data.seats[0]!).sort());
    expect(couponData.seats[0]!.ticketType).toEqual(data.seats[0]!.ticketType);
  });

  it('returns only what the saga reads: the event stays in the outbox (migration 0170)', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 3 });
    const seatIds = [st.seats[2]!.id, st.seats[0]!.id];
    const r = await reserved(st, seatIds);
    const { rows } = await sql<{ r: Record<string, unknown> }>`
      SELECT booking_confirm(${JSON.stringify({
        reservation_id: r.id,
        confirmed_at: new Date().toISOString(),
        event_version: version,
      })}::jsonb) AS r`.execute(h.container.db);
    expect(rows[0]!.r).toEqual({
      user_id: r.user.id,
      showtime_id: st.showtimeId,
      performance_id: st.performanceId,
      seat_ids: [st.seats[0]!.id, st.seats[2]!.id],
    });
    expect(await confirmedEvents(r.id)).toHaveLength(1);
  });

  it('writes nothing when a seat cannot be sold, and the buyer is refunded', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 3 });
    const [a, b] = [st.seats[0]!.id, st.seats[1]!.id];
    const r = await reserved(st, [a, b]);
    await pay(h.gatewayUrl, r.payment.id);
    // The catalogue disagrees about one seat (the live-seat index makes this a should-never-happen).
    await sql`UPDATE seats SET status = 'SOLD' WHERE id = ${b}`.execute(h.container.db);
    expect(await repo.confirmAtOnce(h.container.db, r.id, new Date(), version)).toBe('SEATS_CONFLICT');
    expect((await statusOf(r.id)).status).toBe('PENDING_PAYMENT');
    expect(await seatStatuses([a])).toEqual(['AVAILABLE']);
    expect(await confirmedEvents(r.id)).toHaveLength(0);

    const done = await complete(h.app, r.user, r.payment.id);
    expect(done.json()).toMatchObject({ status: 'FAILED' });
    expect(await seatStatuses([a])).toEqual(['AVAILABLE']);
    expect(await confirmedEvents(r.id)).toHaveLength(0);
  });

  it('moves a reservation once when confirmations race', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 3 });
    const seatIds = [st.seats[0]!.id, st.seats[2]!.id];
    const r = await reserved(st, seatIds);
    await pay(h.gatewayUrl, r.payment.id);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => repo.confirmAtOnce(h.container.db, r.id, new Date(), version)),
    );
    const moved = outcomes.filter((o) => typeof o === 'object');
    expect(moved).toHaveLength(1);
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(7);
    expect(new Set(moved[0]!.seatIds)).toEqual(new Set(seatIds));
    expect(await confirmedEvents(r.id)).toHaveLength(1);
    expect(await seatStatuses(seatIds)).toEqual(['SOLD', 'SOLD']);
    // Complete after the race answers from the row.
    expect((await complete(h.app, r.user, r.payment.id)).json().status).toBe('CONFIRMED');
    expect(await confirmedEvents(r.id)).toHaveLength(1);
  });

  it('refuses a reservation with a coupon, whose use is the coupons module’s statement', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const admin = await createUser(h.container, { role: 'ADMIN' });
    const couponId = await createCoupon(h.app, admin);
    const user = await createUser(h.container);
    const userCouponId = (await issue(h.app, user, couponId)).json<{ userCouponId: string }>().userCouponId;
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    const r = (await reserve(h.app, user, held.json().id, undefined, { userCouponId })).json<{
      id: string;
    }>();
    await expect(repo.confirmAtOnce(h.container.db, r.id, new Date(), version)).rejects.toMatchObject({
      code: 'P0001',
      message: 'COUPON_NEEDS_TRANSACTION',
    });
    expect((await statusOf(r.id)).status).toBe('PENDING_PAYMENT');
    expect(await seatStatuses([st.seats[0]!.id])).toEqual(['AVAILABLE']);
  });
});
