import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import {
  checkout,
  gatewayPayment,
  hold,
  pay,
  reserve,
  setupCheckout,
  type CheckoutHarness,
} from '../../../test/checkout.ts';
import { createTestApp, type TestApp } from '../../../test/context.ts';
import { ManualClock } from '../../../test/clock.ts';

describe('checkout recovery job', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout();
  });
  afterAll(() => h.close());

  const reservation = (id: string) =>
    h.container.db.selectFrom('reservations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = async (id: string) =>
    (
      await sql<{
        event_type: string;
      }>`SELECT event_type FROM outbox WHERE aggregate_id = ${id} ORDER BY id`.execute(h.container.db)
    ).rows.map((r) => r.event_type);
  const age = (id: string, column: 'created_at' | 'expires_at' | 'updated_at', seconds: number) =>
    sql`UPDATE reservations SET ${sql.ref(column)} = now() - make_interval(secs => ${seconds}) WHERE id = ${id}`.execute(
      h.container.db,
    );

  it('finishes a checkout whose payment is PAID but whose confirmation never happened', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    // The buyer paid, but the webhook was lost and the buyer's complete call never arrived.
    await pay(h.gatewayUrl, r.payment.id);
    await age(r.id, 'created_at', 60);
    const counts = await h.container.booking.recovery.runOnce();
    expect(counts.settled).toBe(1);
    expect((await reservation(r.id)).status).toBe('CONFIRMED');
    expect(await events(r.id)).toEqual(['reservation.confirmed']);
    // Running again changes nothing.
    await age(r.id, 'created_at', 60);
    await h.container.booking.recovery.runOnce();
    expect(await events(r.id)).toEqual(['reservation.confirmed']);
  });

  it('expires an unpaid reservation: seats released for others, payment voided, event written', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    await age(r.id, 'expires_at', 1);
    expect((await h.container.booking.recovery.runOnce()).expired).toBe(1);
    const row = await reservation(r.id);
    expect(row).toMatchObject({ status: 'EXPIRED', step: 'PAYMENT_CANCELLED' });
    expect(await events(r.id)).toEqual(['reservation.expired']);
    expect((await gatewayPayment(h, r.payment.id)).status).toBe('CANCELLED');
    // The buyer can no longer pay the voided payment.
    await expect(pay(h.gatewayUrl, r.payment.id)).rejects.toThrow(/409/);
    const other = await createUser(h.container);
    const held = await hold(h.app, other, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    expect(held.statusCode).toBe(201);
    expect((await reserve(h.app, other, held.json().id)).statusCode).toBe(201);
  });

  it('a payment that landed just before the deadline still confirms', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    await pay(h.gatewayUrl, r.payment.id);
    await age(r.id, 'expires_at', 1);
    await h.container.booking.recovery.runOnce();
    expect((await reservation(r.id)).status).toBe('CONFIRMED');
  });

  it('expires during a gateway outage, then voids the payment (refunding a late payment) when it is back', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    await age(r.id, 'expires_at', 1);
    h.gateway.faults.errorRate = 1;
    try {
      await h.container.booking.recovery.runOnce();
    } finally {
      h.gateway.faults.errorRate = 0;
    }
    expect(await reservation(r.id)).toMatchObject({ status: 'EXPIRED', step: 'CANCEL_PAYMENT_PENDING' });
    // The seat is already free for others even though the gateway has not been told yet.
    const other = await createUser(h.container);
    expect((await hold(h.app, other, st.showtimeId, [st.seats[0]!.id])).statusCode).toBe(201);
    // Meanwhile the buyer paid the still-open payment.
    await pay(h.gatewayUrl, r.payment.id);
    await age(r.id, 'updated_at', 60);
    expect((await h.container.booking.recovery.runOnce()).compensated).toBe(1);
    expect((await reservation(r.id)).step).toBe('PAYMENT_CANCELLED');
    const payment = await gatewayPayment(h, r.payment.id);
    expect(payment.status).toBe('CANCELLED');
    expect(payment.amount).toMatchObject({ total: 100_000, paid: 100_000, cancelled: 100_000 });
  });

  it('refunds instead of confirming when the catalogue says a seat is already SOLD', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkout(h, user, st.showtimeId, [st.seats[0]!.id]);
    await pay(h.gatewayUrl, r.payment.id);
    await sql`UPDATE seats SET status = 'SOLD' WHERE id = ${st.seats[0]!.id}`.execute(h.container.db);
    await age(r.id, 'created_at', 60);
    await h.container.booking.recovery.runOnce();
    expect(await reservation(r.id)).toMatchObject({ status: 'FAILED', failure_code: 'SEATS_CONFLICT' });
    expect((await gatewayPayment(h, r.payment.id)).status).toBe('CANCELLED');
  });
});

describe('reservation deadlines follow the injected clock', () => {
  let h: CheckoutHarness;
  let t: TestApp;
  const clock = new ManualClock();
  beforeAll(async () => {
    h = await setupCheckout();
    t = await createTestApp(h.env, h.overrides, 'api', { clock });
  });
  afterAll(async () => {
    await t.close();
    await h.close();
  });

  it('expires an unpaid reservation once the clock passes its deadline, not before', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 1 });
    const user = await createUser(h.container);
    const held = await hold(t.app, user, st.showtimeId, [st.seats[0]!.id]);
    const created = await reserve(t.app, user, held.json().id);
    expect(created.statusCode).toBe(201);
    const r = created.json() as { id: string; expiresAt: string };
    const ttlMs = t.container.config.RESERVATION_TTL_SECONDS * 1000;
    expect(Date.parse(r.expiresAt)).toBe(clock.nowMs() + ttlMs);
    const status = async () =>
      (
        await h.container.db
          .selectFrom('reservations')
          .select('status')
          .where('id', '=', r.id)
          .executeTakeFirstOrThrow()
      ).status;

    clock.advance(ttlMs - 1_000);
    await t.container.booking.recovery.runOnce();
    expect(await status()).toBe('PENDING_PAYMENT');

    clock.advance(2_000);
    await t.container.booking.recovery.runOnce();
    expect(await status()).toBe('EXPIRED');
  });
});
