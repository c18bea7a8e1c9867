import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';
import {
  checkoutWith,
  deposit,
  gatewayPayment,
  setupCheckout,
  webhook,
  type CheckoutHarness,
} from '../../../test/checkout.ts';

const HOUR = 3_600_000;
const ROUNDS = 12;

/**
 * A deposit and the expiry of its virtual account, racing: the bank takes the money on time by the
 * gateway's clock while the shop's clock is already past the deadline and its expiry job runs. Whatever
 * the interleaving, each reservation ends one way: CONFIRMED with the money kept, or EXPIRED with the
 * seats released and every won refunded (or never taken).
 */
describe('virtual account: deposit and expiry racing', () => {
  let h: CheckoutHarness;
  const shopClock = new ManualClock();
  const bankClock = new ManualClock();
  beforeAll(async () => {
    h = await setupCheckout({}, {}, { clock: shopClock, gatewayClock: bankClock });
  });
  afterAll(() => h.close());

  it(`${ROUNDS} rounds of concurrent deposit, webhooks and expiry end in exactly one outcome each`, async () => {
    const outcomes: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const start = Date.now();
      shopClock.set(start);
      bankClock.set(start);
      const st = await createShowtimeWithSeats(h.container, {
        rows: 1,
        seatsPerRow: 2,
        price: 10_000,
        startsAt: new Date(start + 5 * 24 * HOUR),
      });
      const user = await createUser(h.container);
      const r = await checkoutWith(h, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id], {
        payMethod: 'VIRTUAL_ACCOUNT',
      });
      const due = new Date(r.payment.virtualAccount!.dueAt).getTime();
      // The bank books the deposit a second before the deadline; the shop is a second past it.
      bankClock.set(due - 1000);
      shopClock.set(due + 1000);

      const depositing = (async () => {
        // Staggered so that either side gets there first in some rounds.
        await new Promise((resolve) => setTimeout(resolve, (round % 4) * 30));
        const res = await deposit(h.gatewayUrl, r.payment.id);
        // 409: the expiry closed the account first; the money never left the buyer.
        if (res.status === 200) await webhook(h, r.payment.id);
        return res.status;
      })();
      const [depositStatus] = await Promise.all([
        depositing,
        h.container.booking.recovery.runOnce(),
        webhook(h, r.payment.id, { id: `early-${round}` }),
        h.container.booking.recovery.runOnce(),
      ]);
      // Let any refund the race left for later be retried, then look.
      shopClock.advance(60_000);
      await h.container.booking.recovery.runOnce();

      const row = await h.container.db
        .selectFrom('reservations')
        .select(['status', 'step', 'confirmed_at'])
        .where('id', '=', r.id)
        .executeTakeFirstOrThrow();
      const payment = (await gatewayPayment(h, r.payment.id)) as {
        status: string;
        amount: { paid: number; cancelled: number };
      };
      const seats = (
        await sql<{ status: string }>`SELECT status FROM seats WHERE showtime_id = ${st.showtimeId}`.execute(
          h.container.db,
        )
      ).rows.map((s) => s.status);
      const key = `${row.status}/deposit ${depositStatus}/${payment.status}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      if (row.status === 'CONFIRMED') {
        expect(payment).toMatchObject({ status: 'PAID', amount: { paid: 20_000, cancelled: 0 } });
        expect(seats).toEqual(['SOLD', 'SOLD']);
      } else {
        expect(row.status).toBe('EXPIRED');
        expect(row.confirmed_at).toBeNull();
        expect(payment.status).toBe('CANCELLED');
        // Either nothing was deposited, or all of it went back.
        expect(payment.amount.cancelled).toBe(payment.amount.paid);
        expect(seats).toEqual(['AVAILABLE', 'AVAILABLE']);
      }
    }
    console.log('deposit/expiry race outcomes', outcomes);
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(ROUNDS);
  });

  it('the database refuses the impossible endings: an expired reservation confirmed, an account both closed and paid', async () => {
    const start = Date.now();
    shopClock.set(start);
    bankClock.set(start);
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkoutWith(h, user, st.showtimeId, [st.seats[0]!.id], { payMethod: 'VIRTUAL_ACCOUNT' });
    await expect(
      sql`UPDATE reservations SET status = 'EXPIRED', confirmed_at = now() WHERE id = ${r.id}`.execute(
        h.container.db,
      ),
    ).rejects.toThrow(/reservations_expired_never_confirmed/);
    await expect(
      sql`UPDATE gateway_payments SET closed_at = now(), paid_at = now() WHERE id = ${r.payment.id}`.execute(
        h.container.db,
      ),
    ).rejects.toThrow(/gateway_payments_deposit_or_closed/);
    await expect(
      sql`UPDATE reservations SET virtual_account = '{}'::jsonb, pay_method = 'CARD' WHERE id = ${r.id}`.execute(
        h.container.db,
      ),
    ).rejects.toThrow(/reservations_virtual_account_method/);
  });
});
