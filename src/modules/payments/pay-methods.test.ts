import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';
import {
  checkoutWith,
  complete,
  deposit,
  gatewayPayment,
  hold,
  reserve,
  setupCheckout,
  webhook,
  type CheckoutHarness,
} from '../../../test/checkout.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Every PortOne v2 method end to end on the real stores and the sandbox gateway, with one manual clock
 * for the shop and the gateway so deposit deadlines can be crossed.
 */
describe('payment methods: card, easy pay, transfer and virtual account', () => {
  let h: CheckoutHarness;
  const clock = new ManualClock();
  beforeAll(async () => {
    h = await setupCheckout({}, {}, { clock });
  });
  afterAll(() => h.close());
  // Holds live in Redis on its own clock: each test starts the manual clock at the real time.
  beforeEach(() => clock.set(Date.now()));

  const reservation = (id: string) =>
    h.container.db.selectFrom('reservations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const seatStatuses = async (showtimeId: string) =>
    (
      await sql<{
        status: string;
      }>`SELECT status FROM seats WHERE showtime_id = ${showtimeId} ORDER BY id`.execute(h.container.db)
    ).rows.map((r) => r.status);
  const cancellations = async (paymentId: string) =>
    (
      await sql<{ amount: number; refund_account: Record<string, string> | null }>`
        SELECT amount, refund_account FROM gateway_cancellations
        WHERE payment_id = ${paymentId} AND amount > 0 ORDER BY created_at`.execute(h.container.db)
    ).rows;
  /** Acts as the buyer on the sandbox's checkout page, submitting the form it served. */
  async function payOnPage(checkoutUrl: string): Promise<string> {
    const page = await fetch(checkoutUrl);
    const html = await page.text();
    const fields = new URLSearchParams({ outcome: 'paid' });
    for (const m of html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) {
      fields.set(m[1]!, m[2]!.replaceAll('&amp;', '&'));
    }
    const res = await fetch(new URL(checkoutUrl).origin + new URL(checkoutUrl).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    return html;
  }
  async function paidOnce(user: TestUser, method: { payMethod?: string; easyPayProvider?: string }) {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2, price: 40_000 });
    const r = await checkoutWith(h, user, st.showtimeId, [st.seats[0]!.id], method);
    const html = await payOnPage(r.payment.checkoutUrl);
    const done = await complete(h.app, user, r.payment.id);
    return { st, r, html, done };
  }

  it('card (the default, as older clients send it): the browser request and a confirmed reservation', async () => {
    const user = await createUser(h.container);
    const { r, done } = await paidOnce(user, {});
    expect(done.json().status).toBe('CONFIRMED');
    expect(r.payment.payMethod).toBe('CARD');
    expect(r.payment.request).toEqual({
      storeId: 'store-sandbox',
      channelKey: 'channel-key-sandbox',
      paymentId: r.payment.id,
      orderName: expect.stringContaining('1매'),
      totalAmount: 40_000,
      currency: 'KRW',
      payMethod: 'CARD',
      redirectUrl: expect.stringContaining(`/checkout/complete?reservationId=${r.id}`),
    });
    expect((await gatewayPayment(h, r.payment.id)).method).toMatchObject({ type: 'PaymentMethodCard' });
    expect((await reservation(r.id)).pay_method).toBe('CARD');
  });

  for (const provider of ['KAKAOPAY', 'TOSSPAY', 'NAVERPAY'] as const) {
    it(`easy pay with ${provider}: the sandbox page pays with it, the payment says so`, async () => {
      const user = await createUser(h.container);
      const { r, html, done } = await paidOnce(user, { payMethod: 'EASY_PAY', easyPayProvider: provider });
      expect(r.payment.request).toMatchObject({
        payMethod: 'EASY_PAY',
        easyPay: { easyPayProvider: provider },
      });
      expect(r.payment.checkoutUrl).toContain(`easyPayProvider=${provider}`);
      expect(html).toContain(
        { KAKAOPAY: '카카오페이', TOSSPAY: '토스페이', NAVERPAY: '네이버페이' }[provider],
      );
      expect(done.json().status).toBe('CONFIRMED');
      expect((await gatewayPayment(h, r.payment.id)).method).toEqual({
        type: 'PaymentMethodEasyPay',
        provider,
      });
      expect(await reservation(r.id)).toMatchObject({ pay_method: 'EASY_PAY', easy_pay_provider: provider });
    });
  }

  it('bank transfer: paid at the sandbox page, confirmed', async () => {
    const user = await createUser(h.container);
    const { r, html, done } = await paidOnce(user, { payMethod: 'TRANSFER' });
    expect(html).toContain('계좌이체');
    expect(done.json().status).toBe('CONFIRMED');
    expect((await gatewayPayment(h, r.payment.id)).method).toMatchObject({ type: 'PaymentMethodTransfer' });
  });

  it('an easy-pay provider must go with EASY_PAY, and EASY_PAY needs one', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    const without = await reserve(h.app, user, held.json().id, undefined, { payMethod: 'EASY_PAY' });
    expect(without.statusCode).toBe(400);
    const mixed = await reserve(h.app, user, held.json().id, undefined, {
      payMethod: 'CARD',
      easyPayProvider: 'KAKAOPAY',
    });
    expect(mixed.statusCode).toBe(400);
    const unknown = await reserve(h.app, user, held.json().id, undefined, { payMethod: 'BITCOIN' });
    expect(unknown.statusCode).toBe(400);
  });

  it('virtual account paid before the deadline → CONFIRMED on the deposit webhook; seats held meanwhile', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      price: 30_000,
      startsAt: new Date(clock.nowMs() + 5 * DAY),
    });
    const user = await createUser(h.container);
    const seatIds = [st.seats[0]!.id, st.seats[1]!.id];
    const r = await checkoutWith(h, user, st.showtimeId, seatIds, { payMethod: 'VIRTUAL_ACCOUNT' });
    const account = r.payment.virtualAccount!;
    expect(account).toMatchObject({ bank: 'SHINHAN', accountNumber: expect.stringMatching(/^\d{10,}$/) });
    expect(new Date(account.dueAt).getTime()).toBe(clock.nowMs() + 24 * HOUR);
    expect(r.expiresAt).toBe(account.dueAt);
    expect(r.payment.request).toBeUndefined();
    const detail = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reservations/${r.id}`,
      headers: user.headers,
    });
    expect(detail.json().payment).toMatchObject({ payMethod: 'VIRTUAL_ACCOUNT', virtualAccount: account });

    // Twenty hours later the seats are still held: nobody else can take them, the job does not expire it.
    clock.advance(20 * HOUR);
    const other = await createUser(h.container);
    expect((await hold(h.app, other, st.showtimeId, [seatIds[0]!])).statusCode).toBe(409);
    expect((await h.container.booking.recovery.runOnce()).expired).toBe(0);
    expect((await reservation(r.id)).status).toBe('PENDING_PAYMENT');

    expect((await deposit(h.gatewayUrl, r.payment.id)).status).toBe(200);
    expect((await webhook(h, r.payment.id)).statusCode).toBe(200);
    expect((await reservation(r.id)).status).toBe('CONFIRMED');
    expect(await seatStatuses(st.showtimeId)).toEqual(['SOLD', 'SOLD']);
    expect(await gatewayPayment(h, r.payment.id)).toMatchObject({
      status: 'PAID',
      amount: { total: 60_000, paid: 60_000, cancelled: 0 },
    });
  });

  it('a waiting virtual account is asked about at the gateway every 10 minutes, not on every run of the job', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      startsAt: new Date(clock.nowMs() + 5 * DAY),
    });
    const user = await createUser(h.container);
    const r = await checkoutWith(h, user, st.showtimeId, [st.seats[0]!.id], { payMethod: 'VIRTUAL_ACCOUNT' });
    const checkedAt = async () => (await reservation(r.id)).last_checked_at?.getTime() ?? null;
    clock.advance(60_000);
    await h.container.booking.recovery.runOnce();
    const first = await checkedAt();
    expect(first).not.toBeNull();
    clock.advance(60_000);
    await h.container.booking.recovery.runOnce();
    expect(await checkedAt()).toBe(first);
    clock.advance(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await h.container.booking.recovery.runOnce();
    expect(await checkedAt()).not.toBe(first);
    expect((await reservation(r.id)).status).toBe('PENDING_PAYMENT');
    // Paid, so it leaves nothing for the next test's expiry run.
    await deposit(h.gatewayUrl, r.payment.id);
    await webhook(h, r.payment.id);
    expect((await reservation(r.id)).status).toBe('CONFIRMED');
  });

  it('virtual account unpaid at the deadline → EXPIRED, seats released, the account closed', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      startsAt: new Date(clock.nowMs() + 5 * DAY),
    });
    const user = await createUser(h.container);
    const r = await checkoutWith(h, user, st.showtimeId, [st.seats[0]!.id], { payMethod: 'VIRTUAL_ACCOUNT' });
    clock.advance(24 * HOUR + 1000);
    expect((await h.container.booking.recovery.runOnce()).expired).toBe(1);
    expect(await reservation(r.id)).toMatchObject({ status: 'EXPIRED', failure_code: 'EXPIRED' });
    expect((await gatewayPayment(h, r.payment.id)).status).toBe('CANCELLED');
    // The account takes no deposit any more.
    expect((await deposit(h.gatewayUrl, r.payment.id)).status).toBe(409);
    const other = await createUser(h.container);
    expect((await hold(h.app, other, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(201);
  });

  it('a deposit after the deadline → EXPIRED, seats released, the deposit refunded to who sent it', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      price: 25_000,
      startsAt: new Date(clock.nowMs() + 5 * DAY),
    });
    const user = await createUser(h.container);
    const r = await checkoutWith(h, user, st.showtimeId, [st.seats[0]!.id], { payMethod: 'VIRTUAL_ACCOUNT' });
    // The bank takes the money a minute late, before the expiry job ran.
    clock.advance(24 * HOUR + 60_000);
    const remitter = { bank: 'WOORI', number: '1002123456789', holderName: '늦은입금' };
    expect((await deposit(h.gatewayUrl, r.payment.id, remitter)).status).toBe(200);
    expect((await webhook(h, r.payment.id)).statusCode).toBe(200);
    expect(await reservation(r.id)).toMatchObject({
      status: 'EXPIRED',
      failure_code: 'DEPOSIT_AFTER_DUE',
      step: 'PAYMENT_CANCELLED',
      confirmed_at: null,
    });
    expect(await gatewayPayment(h, r.payment.id)).toMatchObject({
      status: 'CANCELLED',
      amount: { paid: 25_000, cancelled: 25_000 },
    });
    expect(await cancellations(r.payment.id)).toEqual([{ amount: 25_000, refund_account: remitter }]);
    expect(await seatStatuses(st.showtimeId)).toEqual(['AVAILABLE', 'AVAILABLE']);
    const other = await createUser(h.container);
    expect((await hold(h.app, other, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(201);
    // The job and a repeated webhook change nothing: one refund.
    await h.container.booking.recovery.runOnce();
    expect((await webhook(h, r.payment.id, { id: 'again' })).statusCode).toBe(200);
    expect(await cancellations(r.payment.id)).toHaveLength(1);
  });

  it('cancelling a virtual-account payment close to the show refunds part of it into the account the buyer names', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      price: 50_000,
      // 5 days before: the default policy refunds 80 %.
      startsAt: new Date(clock.nowMs() + 5 * DAY + 3 * HOUR),
    });
    const user = await createUser(h.container);
    const r = await checkoutWith(h, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id], {
      payMethod: 'VIRTUAL_ACCOUNT',
    });
    await deposit(h.gatewayUrl, r.payment.id);
    await webhook(h, r.payment.id);
    expect((await reservation(r.id)).status).toBe('CONFIRMED');

    const url = `/api/v1/reservations/${r.id}/cancel`;
    const missing = await h.app.inject({ method: 'POST', url, headers: user.headers });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('REFUND_ACCOUNT_REQUIRED');
    expect((await reservation(r.id)).status).toBe('CONFIRMED');

    const refundAccount = { bank: 'HANA', number: '123-456789-01', holder: '김환불' };
    const res = await h.app.inject({
      method: 'POST',
      url,
      headers: user.headers,
      payload: { refundAccount },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: r.id, status: 'CANCELLED', refundAmount: 80_000 });
    expect(await gatewayPayment(h, r.payment.id)).toMatchObject({
      status: 'PARTIAL_CANCELLED',
      amount: { total: 100_000, paid: 100_000, cancelled: 80_000 },
    });
    expect(await cancellations(r.payment.id)).toEqual([
      { amount: 80_000, refund_account: { bank: 'HANA', number: '123-456789-01', holderName: '김환불' } },
    ]);
    expect(await seatStatuses(st.showtimeId)).toEqual(['AVAILABLE', 'AVAILABLE']);
  });
});
