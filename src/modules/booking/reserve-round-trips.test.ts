import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { hold, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { countStatements, counted, isTransactionControl, NAMED } from '../../../test/statements.ts';

/**
 * Issue 23's budget for the purchase: an ordinary reservation (no coupon) sends at most 4 statements to
 * PostgreSQL, BEGIN and COMMIT included, counted at the driver for the request's own async context
 * (test/statements.ts).
 */
const BUDGET = 4;

describe('reserve: database round trips', () => {
  let h: CheckoutHarness;
  let restore: () => void;
  beforeAll(async () => {
    h = await setupCheckout();
    restore = countStatements();
  });
  afterAll(async () => {
    restore();
    await h.close();
  });

  it(`an ordinary purchase sends at most ${BUDGET} statements, and its replay no more`, async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4, price: 50_000 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id, st.seats[1]!.id]);
    expect(held.statusCode).toBe(201);
    const key = 'round-trips-1';
    const first = await counted(() => reserve(h.app, user, held.json().id, key));
    expect(first.result.statusCode).toBe(201);
    expect(first.result.json()).toMatchObject({ amount: 100_000, total: 100_000, status: 'PENDING_PAYMENT' });
    // The counter sees the request's statements (a broken counter would pass any budget).
    expect(first.sent.length).toBeGreaterThan(0);
    expect(first.sent.length, first.sent.join('\n')).toBeLessThanOrEqual(BUDGET);
    // The write is the one statement of migration 0145, outside any BEGIN/COMMIT.
    expect(first.sent.some((q) => q.includes('booking_reserve('))).toBe(true);
    expect(first.sent.some(isTransactionControl)).toBe(false);
    // The catalogue read, the write and the stored answer go as prepared statements (parsed once per
    // connection).
    expect(
      first.sent.filter((q) => q.startsWith(NAMED)),
      first.sent.join('\n'),
    ).toHaveLength(3);

    const replay = await counted(() => reserve(h.app, user, held.json().id, key));
    expect(replay.result.statusCode).toBe(201);
    expect(replay.result.json()).toEqual(first.result.json());
    expect(replay.sent.length, replay.sent.join('\n')).toBeLessThanOrEqual(BUDGET);
  });

  it('with ticket types chosen and a booker named, still within the budget', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2, price: 40_000 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    const res = await counted(() =>
      reserve(h.app, user, held.json().id, undefined, {
        ticketTypes: { [st.seats[0]!.id]: 'ADULT' },
        booker: { name: '김관객', phone: '010-1234-5678' },
      }),
    );
    expect(res.result.statusCode).toBe(201);
    expect(res.sent.length, res.sent.join('\n')).toBeLessThanOrEqual(BUDGET);
  });
});
