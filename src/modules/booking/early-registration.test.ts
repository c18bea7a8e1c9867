import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { hold, pay, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { waitFor } from '../../../test/processes.ts';

const PRE_REGISTER = 'POST /payments/:paymentId/pre-register';

describe('reserve: the payment registered while the reservation is written', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout();
  });
  afterAll(() => h.close());

  const registeredAmount = async (paymentId: string) =>
    (
      await sql<{
        total_amount: number;
      }>`SELECT total_amount FROM gateway_payments WHERE id = ${paymentId}`.execute(h.container.db)
    ).rows[0]?.total_amount;

  it('asks the gateway before the catalogue answers, and the buyer pays that registration', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2, price: 40_000 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    expect(held.statusCode).toBe(201);
    h.gateway.calls.clear();

    // The catalogue's read waits behind a lock on the seats: only a registration sent before that read
    // answers can reach the gateway meanwhile.
    const locker = await h.container.db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      await sql`LOCK TABLE seats IN ACCESS EXCLUSIVE MODE`.execute(conn);
      const pending = reserve(h.app, user, held.json().id);
      const reached = await waitFor(
        'the pre-registration',
        async () => (h.gateway.calls.get(PRE_REGISTER) ?? 0) > 0,
        5_000,
      ).then(
        () => true,
        () => false,
      );
      await sql`COMMIT`.execute(conn);
      return { pending, reached };
    });
    expect(locker.reached).toBe(true);
    const reserved = await locker.pending;
    expect(reserved.statusCode).toBe(201);
    const paymentId = reserved.json().payment.id as string;
    expect(reserved.json()).toMatchObject({ amount: 80_000, total: 80_000 });
    expect(h.gateway.calls.get(PRE_REGISTER)).toBe(1);
    expect(await registeredAmount(paymentId)).toBe(80_000);
    // The buyer pays the payment the answer names, for that amount.
    const paid = await pay(h.gatewayUrl, paymentId);
    expect(paid.status).toBe('PAID');
  });

  it('registers again under a new payment id when the price changed since the hold', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2, price: 30_000 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    expect(held.json().amount).toBe(30_000);
    await sql`UPDATE seats SET price = 35000 WHERE id = ${st.seats[0]!.id}`.execute(h.container.db);
    h.gateway.calls.clear();

    const reserved = await reserve(h.app, user, held.json().id);
    expect(reserved.statusCode).toBe(201);
    expect(reserved.json()).toMatchObject({ amount: 35_000, total: 35_000 });
    // The early registration (the hold's 30,000) is left unused; the reservation's payment is the
    // second one, registered with what the buyer is asked to pay.
    expect(h.gateway.calls.get(PRE_REGISTER)).toBe(2);
    expect(await registeredAmount(reserved.json().payment.id)).toBe(35_000);
  });

  it('with chosen ticket types, registers once, after the price is known', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2, price: 30_000 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    h.gateway.calls.clear();
    const reserved = await reserve(h.app, user, held.json().id, undefined, {
      ticketTypes: { [st.seats[0]!.id]: 'ADULT' },
    });
    expect(reserved.statusCode).toBe(201);
    expect(h.gateway.calls.get(PRE_REGISTER)).toBe(1);
    expect(await registeredAmount(reserved.json().payment.id)).toBe(reserved.json().total);
  });
});
