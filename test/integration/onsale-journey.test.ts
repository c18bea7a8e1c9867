import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser, type TestShowtime, type TestUser } from '../factories.ts';
import { complete, gatewayPayment, pay, setupCheckout, type CheckoutHarness } from '../checkout.ts';
import { startWorker, waitFor, type Worker } from '../tickets-support.ts';
import { createCoupon, issue } from '../coupons.ts';
import { admitted, holdWith, myCoupons, reserveWith, seatStatuses } from './journey.ts';

type TicketJson = {
  id: string;
  reservationId: string;
  status: string;
  code: string;
  seat: { seatId: string };
};

/**
 * One buyer's onsale, through every module on the real stores: waiting room → admission-gated hold →
 * reservation with an issued coupon → sandbox payment → confirmation (seat map, sales ranking, coupon,
 * admission slot) → tickets from the worker → check-in; then a second purchase cancelled and refunded.
 */
describe('onsale journey across modules', () => {
  let h: CheckoutHarness;
  let worker: Worker;
  let admin: TestUser;
  let buyer: TestUser;
  let other: TestUser;
  let st: TestShowtime;

  beforeAll(async () => {
    h = await setupCheckout();
    worker = await startWorker(h.env, h.overrides);
    [admin, buyer, other] = await Promise.all([
      createUser(h.container, { role: 'ADMIN' }),
      createUser(h.container),
      createUser(h.container),
    ]);
    // 8½ days before the show: the default policy refunds 90 %.
    st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 4,
      startsAt: new Date(Date.now() + 8.5 * 86_400_000),
      queue: { enabled: true, admitPerSecond: 100, maxActive: 10 },
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await h.close();
  });

  const tickets = async (user: TestUser) =>
    (await h.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: user.headers })).json<
      TicketJson[]
    >();
  const checkIn = (code: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/check-ins',
      headers: admin.headers,
      payload: { code },
    });
  const reservation = (id: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1/reservations/${id}`, headers: buyer.headers });

  it('queue → gated hold → coupon reservation → payment → tickets → check-in', async () => {
    const seatIds = [st.seats[0]!.id, st.seats[1]!.id];
    const token = await admitted(h.app, h.container, buyer, st.showtimeId);
    const otherToken = await admitted(h.app, h.container, other, st.showtimeId);

    const noToken = await holdWith(h.app, buyer, st.showtimeId, seatIds);
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('ADMISSION_REQUIRED');
    const foreign = await holdWith(h.app, buyer, st.showtimeId, seatIds, otherToken);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('ADMISSION_REQUIRED');
    const held = await holdWith(h.app, buyer, st.showtimeId, seatIds, token);
    expect(held.statusCode).toBe(201);
    expect(await seatStatuses(h.app, st.showtimeId, seatIds)).toEqual(['HELD', 'HELD']);

    // 10 % capped at 5,000 KRW on a 200,000 KRW order.
    const couponId = await createCoupon(h.app, admin, { discountValue: 10, maxDiscount: 5_000, stock: 5 });
    const issued = await issue(h.app, buyer, couponId);
    expect(issued.statusCode).toBe(201);
    const userCouponId = issued.json<{ userCouponId: string }>().userCouponId;

    const res = await reserveWith(h.app, buyer, held.json().id, { token, userCouponId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'PENDING_PAYMENT',
      amount: 200_000,
      discount: 5_000,
      total: 195_000,
    });
    const { id: reservationId, payment } = res.json<{ id: string; payment: { id: string } }>();

    const paid = await pay(h.gatewayUrl, payment.id);
    expect(paid).toMatchObject({ status: 'PAID' });
    const done = await complete(h.app, buyer, payment.id);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ reservationId, status: 'CONFIRMED' });

    // SOLD is read through a one-second cache: meanwhile the seats show HELD, never AVAILABLE.
    for (const status of await seatStatuses(h.app, st.showtimeId, seatIds))
      expect(status).not.toBe('AVAILABLE');
    await waitFor(
      () => seatStatuses(h.app, st.showtimeId, seatIds),
      (s) => s.every((x) => x === 'SOLD'),
      5_000,
      'seats SOLD on the seat map',
    );
    const ranking = await h.app.inject({ method: 'GET', url: '/api/v1/rankings/performances?by=sales' });
    expect(ranking.statusCode).toBe(200);
    const ranked = ranking.json<{ score: number; performance: { id: string } }[]>();
    expect(ranked.find((r) => r.performance.id === st.performanceId)?.score).toBe(2);
    expect((await myCoupons(h.app, buyer)).find((c) => c.id === userCouponId)?.status).toBe('USED');
    // Confirmation released the buyer's admission: only the other admitted user holds a slot.
    expect(await h.container.waitingRoom.repository.activeCount(st.showtimeId)).toBe(1);
    const stale = await holdWith(h.app, buyer, st.showtimeId, [st.seats[2]!.id], token);
    expect(stale.json().code).toBe('ADMISSION_REQUIRED');

    const mine = await waitFor(
      () => tickets(buyer),
      (list) => list.length === 2,
      20_000,
      'two tickets',
    );
    expect(mine.map((t) => t.seat.seatId).sort()).toEqual([...seatIds].sort());
    expect(
      mine.every((t) => t.status === 'ISSUED' && t.code.length > 0 && t.reservationId === reservationId),
    ).toBe(true);
    const detail = (await reservation(reservationId)).json<{ status: string; tickets: { id: string }[] }>();
    expect(detail.status).toBe('CONFIRMED');
    expect(detail.tickets.map((t) => t.id).sort()).toEqual(mine.map((t) => t.id).sort());

    const first = await checkIn(mine[0]!.code);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ ticketId: mine[0]!.id, status: 'USED' });
    const again = await checkIn(mine[0]!.code);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TICKET_ALREADY_USED');
  });

  it('a second purchase cancelled: refund per policy, tickets revoked, seats on sale again', async () => {
    const seatId = st.seats[3]!.id;
    const token = await admitted(h.app, h.container, buyer, st.showtimeId);
    const held = await holdWith(h.app, buyer, st.showtimeId, [seatId], token);
    expect(held.statusCode).toBe(201);
    const res = await reserveWith(h.app, buyer, held.json().id, { token });
    expect(res.statusCode).toBe(201);
    const { id: reservationId, payment } = res.json<{ id: string; payment: { id: string } }>();
    await pay(h.gatewayUrl, payment.id);
    expect((await complete(h.app, buyer, payment.id)).json().status).toBe('CONFIRMED');
    const issued = await waitFor(
      async () => (await tickets(buyer)).filter((t) => t.reservationId === reservationId),
      (list) => list.length === 1,
      20_000,
      'the second ticket',
    );

    const cancelled = await h.app.inject({
      method: 'POST',
      url: `/api/v1/reservations/${reservationId}/cancel`,
      headers: buyer.headers,
    });
    expect(cancelled.statusCode).toBe(200);
    // 8 whole days before the show: 90 % of 100,000 KRW.
    expect(cancelled.json()).toMatchObject({ id: reservationId, status: 'CANCELLED', refundAmount: 90_000 });
    expect(await gatewayPayment(h, payment.id)).toMatchObject({
      status: 'PARTIAL_CANCELLED',
      amount: { total: 100_000, paid: 100_000, cancelled: 90_000 },
    });

    const revoked = await waitFor(
      async () => (await tickets(buyer)).filter((t) => t.reservationId === reservationId),
      (list) => list.every((t) => t.status === 'REVOKED'),
      20_000,
      'revocation',
    );
    const scan = await checkIn(revoked[0]!.code);
    expect(scan.statusCode).toBe(409);
    expect(scan.json().code).toBe('TICKET_REVOKED');
    expect(issued[0]!.code).toBe(revoked[0]!.code);
    await waitFor(
      () => seatStatuses(h.app, st.showtimeId, [seatId]),
      (s) => s[0] === 'AVAILABLE',
      5_000,
      'the seat AVAILABLE again',
    );
    // The seat can be bought again by someone else.
    const otherToken = await admitted(h.app, h.container, other, st.showtimeId);
    expect((await holdWith(h.app, other, st.showtimeId, [seatId], otherToken)).statusCode).toBe(201);
  });
});
