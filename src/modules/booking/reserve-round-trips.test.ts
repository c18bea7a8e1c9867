import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { hold, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';

/**
 * Issue 23's budget for the purchase: an ordinary reservation (no coupon) sends at most 4 statements to
 * PostgreSQL, BEGIN and COMMIT included. Counted at the driver (every `Client.query` of pg, so nothing
 * Kysely or a repository does escapes), for the request's own async context only: the sandbox gateway
 * and background work on the same pool are not the request's statements.
 */
const BUDGET = 4;

const statements = new AsyncLocalStorage<string[]>();
const original = pg.Client.prototype.query;

function textOf(config: unknown): string {
  if (typeof config === 'string') return config;
  return String((config as { text?: string } | undefined)?.text ?? config);
}

async function counted<T>(run: () => PromiseLike<T>): Promise<{ result: T; sent: string[] }> {
  const sent: string[] = [];
  // inject() returns a thenable that dispatches the request when its then() is called: call it here,
  // inside the context, not from the job an `await` would schedule (which runs outside it).
  const result = await statements.run(
    sent,
    () => new Promise<T>((resolve, reject) => run().then(resolve, reject)),
  );
  return { result, sent };
}

describe('reserve: database round trips', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout();
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      statements.getStore()?.push(textOf(args[0]).replace(/\s+/g, ' ').slice(0, 160));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
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
    expect(first.sent.some((q) => /^\s*(begin|commit)\b/i.test(q))).toBe(false);

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
