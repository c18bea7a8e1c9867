import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { App } from '../../app.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/context.ts';
import { ManualClock } from '../../../test/clock.ts';
import { createCoupon, issue } from '../../../test/coupons.ts';
import {
  complete,
  gatewayPayment,
  hold,
  pay,
  reserve,
  setupCheckout,
  type CheckoutHarness,
} from '../../../test/checkout.ts';
import { parseRefundPolicy, refundPercent } from './cancel.service.ts';

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

describe('cancelling a confirmed reservation (with the real coupons and rankings)', () => {
  let h: CheckoutHarness;
  let app: App;
  let admin: TestUser;
  let couponId: string;

  beforeAll(async () => {
    h = await setupCheckout();
    app = h.app;
    admin = await createUser(h.container, { role: 'ADMIN' });
    couponId = await createCoupon(app, admin, {
      discountType: 'FIXED',
      discountValue: 10_000,
      maxDiscount: undefined,
      minOrderAmount: 30_000,
    });
  });
  afterAll(async () => {
    await h.close();
  });

  /** A coupon of the user's, issued through the coupons API. */
  async function userCoupon(user: TestUser): Promise<string> {
    const res = await issue(app, user, couponId);
    expect(res.statusCode).toBe(201);
    return res.json<{ userCouponId: string }>().userCouponId;
  }
  async function couponStatus(user: TestUser, userCouponId: string): Promise<string | undefined> {
    const res = await app.inject({ method: 'GET', url: '/api/v1/users/me/coupons', headers: user.headers });
    return res.json<{ id: string; status: string }[]>().find((c) => c.id === userCouponId)?.status;
  }
  /** The performance's score in the realtime sales ranking (the catalogue's, fed by checkout). */
  async function salesScore(performanceId: string): Promise<number> {
    h.container.catalog.rankings.forget();
    const top = await h.container.catalog.rankings.top({ by: 'sales', period: 'realtime', limit: 100 });
    return top.find((e) => e.performance.id === performanceId)?.score ?? 0;
  }

  async function confirmed(daysBefore: number, withCoupon: boolean) {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      startsAt: new Date(Date.now() + daysBefore * DAY + 3 * 3_600_000),
    });
    const user = await createUser(h.container);
    const userCouponId = withCoupon ? await userCoupon(user) : undefined;
    const held = await hold(app, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    const res = await reserve(app, user, held.json().id, undefined, userCouponId ? { userCouponId } : {});
    expect(res.statusCode).toBe(201);
    const r = res.json();
    await pay(h.gatewayUrl, r.payment.id);
    expect((await complete(app, user, r.payment.id)).json().status).toBe('CONFIRMED');
    return { st, user, r, userCouponId: userCouponId! };
  }
  const cancel = (user: { headers: Record<string, string> }, id: string) =>
    app.inject({ method: 'POST', url: `/api/v1/reservations/${id}/cancel`, headers: user.headers });

  it('applies the coupon discount and consumes it on confirmation', async () => {
    const { st, user, r, userCouponId } = await confirmed(20, true);
    expect(r).toMatchObject({ amount: 200_000, discount: 10_000, total: 190_000 });
    expect(await couponStatus(user, userCouponId)).toBe('USED');
    expect(await salesScore(st.performanceId)).toBe(2);
  });

  it('a failed coupon reservation rolls the whole reservation back', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const held = await hold(app, user, st.showtimeId, [st.seats[0]!.id]);
    // Someone else's coupon is not applicable.
    const others = await userCoupon(await createUser(h.container));
    const res = await reserve(app, user, held.json().id, undefined, { userCouponId: others });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('COUPON_NOT_APPLICABLE');
    const n = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM reservations WHERE user_id = ${user.id}`.execute(h.container.db);
    expect(n.rows[0]!.n).toBe(0);
    expect((await reserve(app, user, held.json().id)).statusCode).toBe(201);
  });

  it('8 days before: 90 % refunded by partial cancel, seats AVAILABLE, coupon stays used, ranking corrected', async () => {
    const { st, user, r, userCouponId } = await confirmed(8, true);
    expect(await salesScore(st.performanceId)).toBe(2);
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
    expect(await couponStatus(user, userCouponId)).toBe('USED');
    expect(await salesScore(st.performanceId)).toBe(0);
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
    const { user, r, userCouponId } = await confirmed(15, true);
    const results = await Promise.all([cancel(user, r.id), cancel(user, r.id), cancel(user, r.id)]);
    for (const res of results.filter((x) => x.statusCode === 200)) {
      expect(res.json()).toEqual({ id: r.id, status: 'CANCELLED', refundAmount: 190_000 });
    }
    expect(results.some((x) => x.statusCode === 200)).toBe(true);
    const payment = await gatewayPayment(h, r.payment.id);
    expect(payment).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 190_000 } });
    expect(await couponStatus(user, userCouponId)).toBe('AVAILABLE');
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

describe('the cancel deadline follows the injected clock', () => {
  let h: CheckoutHarness;
  const clock = new ManualClock();
  let app: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    h = await setupCheckout();
    const t = await createTestApp(h.env, h.overrides, 'api', { clock });
    app = t.app;
    close = t.close;
  });
  afterAll(async () => {
    await close();
    await h.close();
  });

  it('a reservation cancellable today is refused once the clock reaches the show day', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      startsAt: new Date(clock.nowMs() + 12 * DAY),
    });
    const user = await createUser(h.container);
    const confirm = async (seatId: string) => {
      const held = await hold(app, user, st.showtimeId, [seatId]);
      const r = (await reserve(app, user, held.json().id)).json();
      await pay(h.gatewayUrl, r.payment.id);
      expect((await complete(app, user, r.payment.id)).json().status).toBe('CONFIRMED');
      return r.id as string;
    };
    const early = await confirm(st.seats[0]!.id);
    const late = await confirm(st.seats[1]!.id);
    const cancel = (id: string) =>
      app.inject({ method: 'POST', url: `/api/v1/reservations/${id}/cancel`, headers: user.headers });

    // Eight days on (four before the show): 80 % back.
    clock.advance(8 * DAY);
    expect((await cancel(early)).json()).toMatchObject({ status: 'CANCELLED', refundAmount: 80_000 });
    // Twelve days on: the show day, no cancellation, no sleeping.
    clock.advance(4 * DAY - 3_600_000);
    const refused = await cancel(late);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('NOT_CANCELLABLE');
  });
});

describe('the refund quote equals the refund the cancel makes (ManualClock across the policy)', () => {
  let h: CheckoutHarness;
  const clock = new ManualClock();
  let app: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    h = await setupCheckout();
    const t = await createTestApp(h.env, h.overrides, 'api', { clock });
    app = t.app;
    close = t.close;
  });
  afterAll(async () => {
    await close();
    await h.close();
  });

  // REFUND_POLICY 10:100,7:90,3:80,1:70 (100,000 a seat): one second either side of every threshold.
  const S = 1_000;
  const cases: { name: string; before: number; cancellable: boolean; refund: number }[] = [
    { name: '10 days + 1 s', before: 10 * DAY + S, cancellable: true, refund: 100_000 },
    { name: '10 days − 1 s', before: 10 * DAY - S, cancellable: true, refund: 90_000 },
    { name: '7 days + 1 s', before: 7 * DAY + S, cancellable: true, refund: 90_000 },
    { name: '7 days − 1 s', before: 7 * DAY - S, cancellable: true, refund: 80_000 },
    { name: '3 days + 1 s', before: 3 * DAY + S, cancellable: true, refund: 80_000 },
    { name: '3 days − 1 s', before: 3 * DAY - S, cancellable: true, refund: 70_000 },
    { name: 'deadline (1 day) + 1 s', before: DAY + S, cancellable: true, refund: 70_000 },
    { name: 'deadline exactly', before: DAY, cancellable: true, refund: 70_000 },
    { name: 'deadline − 1 s', before: DAY - S, cancellable: false, refund: 0 },
  ];

  it.each(cases)('$name before the show', async ({ before, cancellable, refund }) => {
    const startsAt = new Date(clock.nowMs() + 20 * DAY);
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 1, startsAt });
    const user = await createUser(h.container);
    const held = await hold(app, user, st.showtimeId, [st.seats[0]!.id]);
    const r = (await reserve(app, user, held.json().id)).json();
    expect(r.bookingNumber).toMatch(/^CT[0-9]{6}[0-9A-HJKMNP-TV-Z]{6}$/);
    await pay(h.gatewayUrl, r.payment.id);
    expect((await complete(app, user, r.payment.id)).json().status).toBe('CONFIRMED');
    const detail = await app.inject({
      method: 'GET',
      url: `/api/v1/reservations/${r.id}`,
      headers: user.headers,
    });
    expect(detail.json().bookingNumber).toBe(r.bookingNumber);

    const saved = clock.nowMs();
    clock.set(startsAt.getTime() - before);
    try {
      const q = await app.inject({
        method: 'GET',
        url: `/api/v1/reservations/${r.id}/refund-quote`,
        headers: user.headers,
      });
      expect(q.statusCode).toBe(200);
      const quote = q.json();
      expect(quote).toMatchObject({
        cancellable,
        refundAmount: refund,
        fee: cancellable ? 100_000 - refund : 0,
        deadline: new Date(startsAt.getTime() - DAY).toISOString(),
        policy: { cancelDeadlineHoursBefore: 24 },
      });
      // Another user's reservation is not found, like its detail.
      const other = await createUser(h.container);
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/v1/reservations/${r.id}/refund-quote`,
        headers: other.headers,
      });
      expect(foreign.statusCode).toBe(404);

      const c = await app.inject({
        method: 'POST',
        url: `/api/v1/reservations/${r.id}/cancel`,
        headers: user.headers,
      });
      if (!cancellable) {
        expect(c.statusCode).toBe(409);
        return;
      }
      expect(c.json()).toMatchObject({ status: 'CANCELLED', refundAmount: quote.refundAmount });
      const payment = await gatewayPayment(h, r.payment.id);
      expect((payment.amount as { cancelled: number }).cancelled).toBe(quote.refundAmount);
      const row = await sql<{ refund_amount: number }>`
        SELECT refund_amount FROM reservations WHERE id = ${r.id}`.execute(h.container.db);
      expect(row.rows[0]!.refund_amount).toBe(quote.refundAmount);
      // Once cancelled the quote says what was refunded and that cancelling is over.
      const after = await app.inject({
        method: 'GET',
        url: `/api/v1/reservations/${r.id}/refund-quote`,
        headers: user.headers,
      });
      expect(after.json()).toMatchObject({ cancellable: false, refundAmount: quote.refundAmount });
    } finally {
      clock.set(saved);
    }
  });
});
