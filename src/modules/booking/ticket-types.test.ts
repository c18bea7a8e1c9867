import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complete,
  gatewayPayment,
  hold,
  newKey,
  pay,
  reserve,
  setupCheckout,
  type CheckoutHarness,
} from '../../../test/checkout.ts';
import {
  createShowtimeWithSeats,
  createUser,
  type TestShowtime,
  type TestUser,
} from '../../../test/factories.ts';
import { createCoupon, issue } from '../../../test/coupons.ts';

/*
 * Ticket types at checkout over the real stores: the server prices each seat as the type the buyer
 * picked (the catalogue's rule), the coupon applies to that sum, the reservation and its confirmation
 * event say what each seat was sold as, and a cancellation refunds by the policy from what was paid.
 */

const LIST = 150_000;
const YOUTH_PRICE = 120_000; // 20 % off
const VETERAN_PRICE = 75_000; // 50 % off

describe('ticket types at checkout', () => {
  let h: CheckoutHarness;
  let admin: TestUser;
  let st: TestShowtime;
  let next = 0;
  const seats = (n: number) => st.seats.slice(next, (next += n)).map((s) => s.id);

  beforeAll(async () => {
    h = await setupCheckout();
    admin = await createUser(h.container, { role: 'ADMIN' });
    // 8½ days ahead: the default policy (10:100,7:90,…) refunds 90 %.
    st = await createShowtimeWithSeats(h.container, {
      rows: 2,
      seatsPerRow: 10,
      price: LIST,
      maxTicketsPerUser: 10,
      startsAt: new Date(Date.now() + 8.5 * 86400_000),
    });
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${st.performanceId}`,
      headers: admin.headers,
      payload: {
        ticketTypes: [
          { code: 'YOUTH', name: '청소년', discountPercent: 20, proofRequired: true },
          { code: 'VETERAN', name: '국가유공자', discountPercent: 50, proofRequired: true },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(() => h?.close());

  async function heldBy(user: TestUser, seatIds: string[]): Promise<string> {
    const res = await hold(h.app, user, st.showtimeId, seatIds);
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  }

  it('prices each seat by its type, applies the coupon after, and refunds by the policy from what was paid', async () => {
    const buyer = await createUser(h.container);
    const couponId = await createCoupon(h.app, admin, {
      name: '만원 할인',
      discountType: 'FIXED',
      discountValue: 10_000,
      maxDiscount: undefined,
      minOrderAmount: 250_000,
    });
    const userCouponId = (await issue(h.app, buyer, couponId)).json<{ userCouponId: string }>().userCouponId;
    const [adultSeat, youthSeat] = seats(2) as [string, string];
    const holdId = await heldBy(buyer, [adultSeat, youthSeat]);

    // The quote prices the order as the types make it: 270,000 reaches the coupon's 250,000 minimum.
    const quoted = await h.app.inject({
      method: 'GET',
      url: `/api/v1/holds/${holdId}/coupon-quotes?ticketTypes=${youthSeat}:YOUTH`,
      headers: buyer.headers,
    });
    expect(quoted.statusCode).toBe(200);
    expect(quoted.json()).toEqual([
      expect.objectContaining({ userCouponId, applicable: true, discount: 10_000, total: 260_000 }),
    ]);
    // Two youth seats would make 240,000: below the minimum, and the quote says so.
    const both = await h.app.inject({
      method: 'GET',
      url: `/api/v1/holds/${holdId}/coupon-quotes?ticketTypes=${youthSeat}:YOUTH,${adultSeat}:YOUTH`,
      headers: buyer.headers,
    });
    expect(both.json()[0]).toMatchObject({ applicable: false, reason: 'MIN_ORDER_NOT_MET' });

    const res = await reserve(h.app, buyer, holdId, newKey(), {
      userCouponId,
      ticketTypes: { [youthSeat]: 'YOUTH' },
      booker: { name: ' 김관객 ', phone: '010-1234-5678' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<{
      id: string;
      amount: number;
      discount: number;
      total: number;
      payment: { id: string };
    }>();
    expect(created).toMatchObject({ amount: LIST + YOUTH_PRICE, discount: 10_000, total: 260_000 });

    const detail = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reservations/${created.id}`,
      headers: buyer.headers,
    });
    expect(detail.json()).toMatchObject({
      booker: { name: '김관객', phone: '01012345678' },
      seats: [
        { id: adultSeat, price: LIST, ticketType: { code: 'ADULT', name: '일반', proofRequired: false } },
        {
          id: youthSeat,
          price: YOUTH_PRICE,
          ticketType: { code: 'YOUTH', name: '청소년', proofRequired: true },
        },
      ],
    });

    // The gateway is asked for exactly the typed total, and confirmation tells tickets what each seat is.
    expect(await gatewayPayment(h, created.payment.id)).toMatchObject({ amount: { total: 260_000 } });
    await pay(h.gatewayUrl, created.payment.id);
    expect((await complete(h.app, buyer, created.payment.id)).json()).toMatchObject({ status: 'CONFIRMED' });
    const event = await sql<{ payload: { seats: { seatId: string; price: number; ticketType?: object }[] } }>`
      SELECT payload FROM outbox WHERE event_type = 'reservation.confirmed' AND aggregate_id = ${created.id}`.execute(
      h.container.db,
    );
    expect(event.rows[0]!.payload.seats).toEqual([
      expect.objectContaining({
        seatId: adultSeat,
        price: LIST,
        ticketType: { code: 'ADULT', name: '일반', proofRequired: false },
      }),
      expect.objectContaining({
        seatId: youthSeat,
        price: YOUTH_PRICE,
        ticketType: { code: 'YOUTH', name: '청소년', proofRequired: true },
      }),
    ]);

    // 8 whole days before the show: 90 % of the 260,000 paid, not of the list prices.
    const quote = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reservations/${created.id}/refund-quote`,
      headers: buyer.headers,
    });
    expect(quote.json()).toMatchObject({ cancellable: true, refundAmount: 234_000, fee: 26_000 });
    const cancelled = await h.app.inject({
      method: 'POST',
      url: `/api/v1/reservations/${created.id}/cancel`,
      headers: buyer.headers,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ refundAmount: 234_000 });
    const payment = await gatewayPayment(h, created.payment.id);
    expect((payment.amount as { cancelled: number }).cancelled).toBe(234_000);
  });

  it('charges the list price when no type is named, and half for a veteran', async () => {
    const buyer = await createUser(h.container);
    const [a, b] = seats(2) as [string, string];
    const plain = await reserve(h.app, buyer, await heldBy(buyer, [a]));
    expect(plain.json()).toMatchObject({ amount: LIST, total: LIST });
    const veteran = await reserve(h.app, buyer, await heldBy(buyer, [b]), newKey(), {
      ticketTypes: { [b]: 'VETERAN' },
    });
    expect(veteran.json()).toMatchObject({ amount: VETERAN_PRICE, total: VETERAN_PRICE });
  });

  it('refuses a type the performance does not sell, or a seat outside the hold, with 422 and nothing reserved', async () => {
    const buyer = await createUser(h.container);
    const [a, outside] = seats(2) as [string, string];
    const holdId = await heldBy(buyer, [a]);

    const unknown = await reserve(h.app, buyer, holdId, newKey(), { ticketTypes: { [a]: 'STUDENT' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'TICKET_TYPE_UNAVAILABLE', seatId: a, ticketType: 'STUDENT' });
    const elsewhere = await reserve(h.app, buyer, holdId, newKey(), { ticketTypes: { [outside]: 'YOUTH' } });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json()).toMatchObject({ code: 'TICKET_TYPE_UNAVAILABLE', seatId: outside });
    const quote = await h.app.inject({
      method: 'GET',
      url: `/api/v1/holds/${holdId}/coupon-quotes?ticketTypes=${a}:STUDENT`,
      headers: buyer.headers,
    });
    expect(quote.statusCode).toBe(422);

    const badPhone = await reserve(h.app, buyer, holdId, newKey(), {
      booker: { name: '김관객', phone: '02-123-4567' },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    // The hold is still free to reserve: the refusals left nothing behind.
    const key = newKey();
    const ok = await reserve(h.app, buyer, holdId, key, { ticketTypes: { [a]: 'YOUTH' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ total: YOUTH_PRICE });
    // The same key with other ticket types is another request.
    const reused = await reserve(h.app, buyer, holdId, key, { ticketTypes: { [a]: 'VETERAN' } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});
