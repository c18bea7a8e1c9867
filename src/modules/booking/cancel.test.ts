import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp, type App } from '../../app.ts';
import { AppError } from '../../errors.ts';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { withOwnMetrics } from '../../../test/context.ts';
import {
  complete,
  gatewayPayment,
  hold,
  pay,
  reserve,
  setupCheckout,
  type CheckoutHarness,
} from '../../../test/checkout.ts';
import { createBookingModule } from './index.ts';
import { parseRefundPolicy, refundPercent } from './cancel.service.ts';
import type { DiscountPort, SalesRanking } from './ports.ts';

const DAY = 86_400_000;

describe('refund policy', () => {
  const rules = parseRefundPolicy('10:100,7:90,3:80,1:70');
  const now = new Date('2026-01-01T12:00:00Z');
  const at = (days: number, hours = 0) => new Date(now.getTime() + days * DAY + hours * 3_600_000);

  it('refunds by whole days before the show and refuses the show day', () => {
    expect(refundPercent(rules, at(30), now)).toBe(100);
    expect(refundPercent(rules, at(10), now)).toBe(100);
    expect(refundPercent(rules, at(9, 23), now)).toBe(90);
    expect(refundPercent(rules, at(7), now)).toBe(90);
    expect(refundPercent(rules, at(3), now)).toBe(80);
    expect(refundPercent(rules, at(1), now)).toBe(70);
    expect(refundPercent(rules, at(0, 23), now)).toBeUndefined();
    expect(refundPercent(rules, at(-1), now)).toBeUndefined();
  });

  it('rejects a malformed policy', () => {
    expect(() => parseRefundPolicy('10:100,x:5')).toThrow(/REFUND_POLICY/);
    expect(() => parseRefundPolicy('0:100')).toThrow(/REFUND_POLICY/);
  });
});

describe('cancelling a confirmed reservation (with coupon and ranking ports)', () => {
  let h: CheckoutHarness;
  let app: App;
  const sales: [string, number][] = [];
  const coupons = new Map<string, 'RESERVED' | 'USED' | 'AVAILABLE'>();
  const ranking: SalesRanking = { recordSales: async (p, n) => void sales.push([p, n]) };
  const discounts: DiscountPort = {
    reserve: async (_tx, input) => {
      if (input.userCouponId === '00000000-0000-4000-8000-000000000000')
        throw new AppError('COUPON_NOT_APPLICABLE');
      coupons.set(input.reservationId, 'RESERVED');
      return 10_000;
    },
    consume: async (_tx, id) => void coupons.set(id, 'USED'),
    restore: async (_tx, id) => void coupons.set(id, 'AVAILABLE'),
  };

  beforeAll(async () => {
    h = await setupCheckout();
    const booking = createBookingModule(withOwnMetrics(h.container), { ranking, discounts });
    app = await buildApp({ ...h.container, apiRoutes: booking.routes, booking });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  async function confirmed(daysBefore: number, withCoupon: boolean) {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      startsAt: new Date(Date.now() + daysBefore * DAY + 3 * 3_600_000),
    });
    const user = await createUser(h.container);
    const held = await hold(app, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    const res = await reserve(
      app,
      user,
      held.json().id,
      undefined,
      withCoupon ? { userCouponId: crypto.randomUUID() } : {},
    );
    expect(res.statusCode).toBe(201);
    const r = res.json();
    await pay(h.gatewayUrl, r.payment.id);
    expect((await complete(app, user, r.payment.id)).json().status).toBe('CONFIRMED');
    return { st, user, r };
  }
  const cancel = (user: { headers: Record<string, string> }, id: string) =>
    app.inject({ method: 'POST', url: `/api/v1/reservations/${id}/cancel`, headers: user.headers });

  it('applies the coupon discount and consumes it on confirmation', async () => {
    const { r } = await confirmed(20, true);
    expect(r).toMatchObject({ amount: 200_000, discount: 10_000, total: 190_000 });
    expect(coupons.get(r.id)).toBe('USED');
    expect(sales.at(-1)?.[1]).toBe(2);
  });

  it('a failed coupon reservation rolls the whole reservation back', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const held = await hold(app, user, st.showtimeId, [st.seats[0]!.id]);
    const res = await reserve(app, user, held.json().id, undefined, {
      userCouponId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(422);
    const n = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM reservations WHERE user_id = ${user.id}`.execute(h.container.db);
    expect(n.rows[0]!.n).toBe(0);
    expect((await reserve(app, user, held.json().id)).statusCode).toBe(201);
  });

  it('8 days before: 90 % refunded by partial cancel, seats AVAILABLE, coupon stays used, ranking corrected', async () => {
    const { st, user, r } = await confirmed(8, true);
    const res = await cancel(user, r.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: r.id, status: 'CANCELLED', refundAmount: 171_000 });
    const payment = await gatewayPayment(h, r.payment.id);
    expect(payment).toMatchObject({
      status: 'PARTIAL_CANCELLED',
      amount: { total: 190_000, paid: 190_000, cancelled: 171_000 },
    });
    const seats = await sql<{
      status: string;
    }>`SELECT status FROM seats WHERE showtime_id = ${st.showtimeId}`.execute(h.container.db);
    expect(seats.rows.map((s) => s.status)).toEqual(['AVAILABLE', 'AVAILABLE']);
    expect(coupons.get(r.id)).toBe('USED');
    expect(sales.at(-1)).toEqual([st.performanceId, -2]);
    const ev = await sql<{ event_type: string; payload: { refundAmount: number } }>`
      SELECT event_type, payload FROM outbox WHERE aggregate_id = ${r.id} ORDER BY id`.execute(
      h.container.db,
    );
    expect(ev.rows.map((e) => e.event_type)).toEqual(['reservation.confirmed', 'reservation.cancelled']);
    expect(ev.rows[1]!.payload.refundAmount).toBe(171_000);
    // Cancelling again answers the same and refunds nothing more.
    expect((await cancel(user, r.id)).json()).toEqual({
      id: r.id,
      status: 'CANCELLED',
      refundAmount: 171_000,
    });
    expect(((await gatewayPayment(h, r.payment.id)).amount as { cancelled: number }).cancelled).toBe(171_000);
    // The seats can be sold again.
    const other = await createUser(h.container);
    expect((await hold(app, other, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(201);
  });

  it('10+ days before: full refund and the coupon restored; concurrent cancels refund once', async () => {
    const { user, r } = await confirmed(15, true);
    const results = await Promise.all([cancel(user, r.id), cancel(user, r.id), cancel(user, r.id)]);
    for (const res of results.filter((x) => x.statusCode === 200)) {
      expect(res.json()).toEqual({ id: r.id, status: 'CANCELLED', refundAmount: 190_000 });
    }
    expect(results.some((x) => x.statusCode === 200)).toBe(true);
    const payment = await gatewayPayment(h, r.payment.id);
    expect(payment).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 190_000 } });
    expect(coupons.get(r.id)).toBe('AVAILABLE');
  });

  it('on the show day, or for an unpaid reservation → 409 NOT_CANCELLABLE', async () => {
    const { user, r } = await confirmed(0, false);
    const res = await cancel(user, r.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NOT_CANCELLABLE');
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 1 });
    const held = await hold(app, user, st.showtimeId, [st.seats[0]!.id]);
    const pending = (await reserve(app, user, held.json().id)).json();
    expect((await cancel(user, pending.id)).statusCode).toBe(409);
  });
});
