import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import {
  checkout,
  complete,
  gatewayPayment,
  hold,
  pay,
  reserve,
  setupCheckout,
  webhook,
  type CheckoutHarness,
} from '../../../test/checkout.ts';

describe('payments: complete, webhook and the checkout saga', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout();
  });
  afterAll(() => h.close());

  const outboxOf = async (reservationId: string) =>
    (
      await sql<{ event_type: string; payload: Record<string, unknown> }>`
        SELECT event_type, payload FROM outbox WHERE aggregate_id = ${reservationId} ORDER BY id`.execute(
        h.container.db,
      )
    ).rows;
  const seatStatuses = async (ids: string[]) =>
    (
      await sql<{ status: string }>`SELECT status FROM seats WHERE id = ANY(${ids}::uuid[])`.execute(
        h.container.db,
      )
    ).rows.map((r) => r.status);

  it('paid for the right amount → CONFIRMED, seats SOLD, one reservation.confirmed event', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4, price: 55_000 });
    const user = await createUser(h.container);
    const seatIds = [st.seats[0]!.id, st.seats[1]!.id];
    const r = await checkout(h, user, st.showtimeId, seatIds);
    expect(r.total).toBe(110_000);
    expect(r.payment.checkoutUrl).toContain(`${h.gatewayUrl}/checkout/${r.payment.id}?redirect=`);
    expect((await gatewayPayment(h, r.payment.id)).amount).toMatchObject({
      total: 110_000,
      paid: 0,
      cancelled: 0,
    });

    await pay(h.gatewayUrl, r.payment.id);
    const res = await complete(h.app, user, r.payment.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reservationId: r.id, status: 'CONFIRMED' });
    expect(await seatStatuses(seatIds)).toEqual(['SOLD', 'SOLD']);
    const events = await outboxOf(r.id);
    expect(events.map((e) => e.event_type)).toEqual(['reservation.confirmed']);
    expect(events[0]!.payload).toMatchObject({ reservationId: r.id, userId: user.id, total: 110_000 });
    // The seat map still shows them taken, and nobody can hold them.
    const other = await createUser(h.container);
    expect((await hold(h.app, other, st.showtimeId, [seatIds[0]!])).statusCode).toBe(409);
    const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/checkout_transitions_total\{[^}]*outcome="CONFIRMED"[^}]*\} 1/);
    const detail = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reservations/${r.id}`,
      headers: user.headers,
    });
    expect(detail.json()).toMatchObject({ status: 'CONFIRMED', total: 110_000, payment: { status: 'PAID' } });
    // Once confirmed, nothing the gateway says moves it: a second complete (or the webhook racing the
    // first) answers without asking, even while the gateway is down.
    h.gateway.faults.failNext = 5;
    try {
      const again = await complete(h.app, user, r.payment.id);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ reservationId: r.id, status: 'CONFIRMED' });
      expect(h.gateway.faults.failNext).toBe(5);
    } finally {
      h.gateway.faults.failNext = 0;
    }
    expect((await outboxOf(r.id)).map((e) => e.event_type)).toEqual(['reservation.confirmed']);
  });

  it('declined at the gateway → FAILED, seats free for others', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    await pay(h.gatewayUrl, r.payment.id, { outcome: 'failed' });
    const res = await complete(h.app, user, r.payment.id);
    expect(res.json()).toEqual({ reservationId: r.id, status: 'FAILED' });
    expect((await outboxOf(r.id)).map((e) => e.event_type)).toEqual(['reservation.failed']);
    const other = await createUser(h.container);
    const again = await hold(h.app, other, st.showtimeId, [st.seats[0]!.id]);
    expect(again.statusCode).toBe(201);
    expect((await reserve(h.app, other, again.json().id)).statusCode).toBe(201);
  });

  it('tampered amount → 409 AMOUNT_MISMATCH, the payment cancelled at the gateway, seats free', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    await pay(h.gatewayUrl, r.payment.id, { amount: 100 });
    const res = await complete(h.app, user, r.payment.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'AMOUNT_MISMATCH', reservationId: r.id });
    const payment = await gatewayPayment(h, r.payment.id);
    expect(payment.status).toBe('CANCELLED');
    expect(payment.amount).toMatchObject({ total: 100_000, paid: 100, cancelled: 100 });
    const row = await h.container.db
      .selectFrom('reservations')
      .select(['status', 'step', 'failure_code'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'FAILED', step: 'PAYMENT_CANCELLED', failure_code: 'AMOUNT_MISMATCH' });
    expect(await seatStatuses([st.seats[0]!.id])).toEqual(['AVAILABLE']);
    expect(await h.container.booking.heldSeatIds(st.showtimeId)).toEqual(new Set());
  });

  it('webhook and complete racing → exactly one confirmation', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    await pay(h.gatewayUrl, r.payment.id);
    const results = await Promise.all([
      complete(h.app, user, r.payment.id),
      webhook(h, r.payment.id),
      complete(h.app, user, r.payment.id),
      webhook(h, r.payment.id, { id: 'another-delivery' }),
    ]);
    expect(results.map((x) => x.statusCode)).toEqual([200, 200, 200, 200]);
    expect(results[0]!.json().status).toBe('CONFIRMED');
    expect(results[2]!.json().status).toBe('CONFIRMED');
    expect((await outboxOf(r.id)).map((e) => e.event_type)).toEqual(['reservation.confirmed']);
  });

  it('complete and webhooks arriving together share one gateway lookup and one confirmation', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    await pay(h.gatewayUrl, r.payment.id);
    h.gateway.calls.clear();
    // A slow gateway keeps the first lookup in flight while the others arrive.
    h.gateway.faults.latencyMs = 300;
    let results;
    try {
      results = await Promise.all([
        complete(h.app, user, r.payment.id),
        webhook(h, r.payment.id),
        webhook(h, r.payment.id, { id: 'second-delivery' }),
      ]);
    } finally {
      h.gateway.faults.latencyMs = 0;
    }
    expect(results.map((x) => x.statusCode)).toEqual([200, 200, 200]);
    expect(results[0]!.json()).toEqual({ reservationId: r.id, status: 'CONFIRMED' });
    expect(h.gateway.calls.get('GET /payments/:paymentId')).toBe(1);
    expect((await outboxOf(r.id)).map((e) => e.event_type)).toEqual(['reservation.confirmed']);
  });

  it('a duplicate webhook has no effect', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    await pay(h.gatewayUrl, r.payment.id);
    const first = await webhook(h, r.payment.id);
    const second = await webhook(h, r.payment.id);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect((await outboxOf(r.id)).map((e) => e.event_type)).toEqual(['reservation.confirmed']);
    const row = await h.container.db
      .selectFrom('reservations')
      .select('status')
      .where('id', '=', r.id)
      .executeTakeFirst();
    expect(row?.status).toBe('CONFIRMED');
  });

  it('once confirmed, a later complete or webhook answers from the reservation without asking the gateway', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    await pay(h.gatewayUrl, r.payment.id);
    h.gateway.calls.clear();
    expect((await complete(h.app, user, r.payment.id)).json().status).toBe('CONFIRMED');
    const lookups = () => h.gateway.calls.get('GET /payments/:paymentId') ?? 0;
    expect(lookups()).toBe(1);
    const again = await complete(h.app, user, r.payment.id);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ reservationId: r.id, status: 'CONFIRMED' });
    expect((await webhook(h, r.payment.id)).statusCode).toBe(200);
    expect(lookups()).toBe(1);
    expect((await outboxOf(r.id)).map((e) => e.event_type)).toEqual(['reservation.confirmed']);
  });

  it('a webhook with a bad signature or a stale timestamp → 401 and no effect', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    await pay(h.gatewayUrl, r.payment.id);
    const forged = await webhook(h, r.payment.id, { secret: 'not-the-secret' });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('INVALID_SIGNATURE');
    const stale = await webhook(h, r.payment.id, { now: Date.now() - 10 * 60_000 });
    expect(stale.statusCode).toBe(401);
    const unsigned = await h.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhook',
      headers: { 'content-type': 'application/json' },
      payload: { data: { paymentId: r.payment.id } },
    });
    expect(unsigned.statusCode).toBe(401);
    const row = await h.container.db
      .selectFrom('reservations')
      .select('status')
      .where('id', '=', r.id)
      .executeTakeFirst();
    expect(row?.status).toBe('PENDING_PAYMENT');
  });

  it("complete for someone else's payment → 404", async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const [owner, other] = [await createUser(h.container), await createUser(h.container)];
    const r = await checkout(h, owner, st.showtimeId, [st.seats[0]!.id]);
    const res = await complete(h.app, other, r.payment.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('PAYMENT_NOT_FOUND');
  });

  it('the gateway delivers signed webhooks that confirm the reservation on their own', async () => {
    const listening = await h.another();
    await listening.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (listening.app.server.address() as { port: number }).port;
    h.gateway.setWebhookUrl(`http://127.0.0.1:${port}/api/v1/payments/webhook`);
    h.gateway.faults.webhooksEnabled = true;
    try {
      const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
      const user = await createUser(h.container);
      const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
      await pay(h.gatewayUrl, r.payment.id);
      let status = 'PENDING_PAYMENT';
      for (let i = 0; i < 50 && status === 'PENDING_PAYMENT'; i++) {
        await new Promise((res) => setTimeout(res, 100));
        const row = await h.container.db
          .selectFrom('reservations')
          .select('status')
          .where('id', '=', r.id)
          .executeTakeFirst();
        status = row!.status;
      }
      expect(status).toBe('CONFIRMED');
    } finally {
      h.gateway.faults.webhooksEnabled = false;
    }
  });
});

describe('payments: gateway timeouts', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    // A deadline a loaded CI machine still meets for an ordinary answer; the hang below is well past it.
    h = await setupCheckout({ PAYMENT_GATEWAY_TIMEOUT_MS: '600', PAYMENT_GATEWAY_RETRIES: '2' });
  });
  afterAll(() => h.close());

  it('pre-register timing out is retried, then compensated: 502, reservation FAILED, seats free', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    Object.assign(h.gateway.faults, { timeoutRate: 1, hangMs: 2_000 });
    h.gateway.calls.clear();
    let res;
    try {
      res = await reserve(h.app, user, held.json().id, 'timeout-key-1');
    } finally {
      Object.assign(h.gateway.faults, { timeoutRate: 0 });
    }
    expect(res.statusCode).toBe(502);
    expect(res.json().code).toBe('PAYMENT_GATEWAY_UNAVAILABLE');
    // One call and two retries.
    expect(h.gateway.calls.get('POST /payments/:paymentId/pre-register')).toBe(3);
    const row = await h.container.db
      .selectFrom('reservations')
      .selectAll()
      .where('hold_id', '=', held.json().id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('FAILED');
    expect(row.failure_code).toBe('PAYMENT_GATEWAY_UNAVAILABLE');
    // The seat is free again, for this user or anyone.
    const other = await createUser(h.container);
    expect((await hold(h.app, other, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(201);
    // The same request replayed gets the same answer.
    const replay = await reserve(h.app, user, held.json().id, 'timeout-key-1');
    expect(replay.statusCode).toBe(502);
  });

  it('two 503s in a row are retried transparently', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    Object.assign(h.gateway.faults, { failNext: 2 });
    h.gateway.calls.clear();
    const res = await reserve(h.app, user, held.json().id);
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('PENDING_PAYMENT');
    expect(h.gateway.calls.get('POST /payments/:paymentId/pre-register')).toBe(3);
  });
});
