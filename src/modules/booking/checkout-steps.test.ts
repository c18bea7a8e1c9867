import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { complete, hold, pay, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import type { CheckoutStep } from './checkout-steps.ts';

const RESERVE: CheckoutStep[] = [
  'reserve_hold',
  'reserve_catalogue',
  'reserve_write',
  'reserve_gateway',
  'reserve_answer',
];
const COMPLETE: CheckoutStep[] = ['complete_read', 'settle_gateway', 'settle_apply'];

/** checkout_step_seconds per step: how many were timed and their seconds, from the registry's text. */
async function steps(h: CheckoutHarness): Promise<Map<string, { count: number; sum: number }>> {
  const text = (await h.container.metrics.render()).body;
  const out = new Map<string, { count: number; sum: number }>();
  for (const m of text.matchAll(/^checkout_step_seconds_(count|sum)\{[^}]*\bstep="(\w+)"[^}]*\} (\S+)$/gm)) {
    const [, kind, step, value] = m as unknown as [string, 'count' | 'sum', string, string];
    const entry = out.get(step) ?? { count: 0, sum: 0 };
    entry[kind] = Number(value);
    out.set(step, entry);
  }
  return out;
}

describe('checkout_step_seconds: where a purchase’s time goes', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout();
  });
  afterAll(() => h.close());

  it('times each step of reserve and complete once, within the request’s own time', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2, price: 30_000 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    expect(held.statusCode).toBe(201);
    expect([...(await steps(h)).keys()]).toEqual([]);

    let started = performance.now();
    const reserved = await reserve(h.app, user, held.json().id);
    const reserveSeconds = (performance.now() - started) / 1000;
    expect(reserved.statusCode).toBe(201);
    const afterReserve = await steps(h);
    expect([...afterReserve.keys()].sort()).toEqual([...RESERVE].sort());
    for (const step of RESERVE) {
      expect(afterReserve.get(step)!.count, step).toBe(1);
      expect(afterReserve.get(step)!.sum, step).toBeGreaterThan(0);
    }
    const reserveSteps = RESERVE.reduce((sum, step) => sum + afterReserve.get(step)!.sum, 0);
    expect(reserveSteps).toBeLessThanOrEqual(reserveSeconds);

    await pay(h.gatewayUrl, reserved.json().payment.id);
    started = performance.now();
    const done = await complete(h.app, user, reserved.json().payment.id);
    const completeSeconds = (performance.now() - started) / 1000;
    expect(done.json()).toMatchObject({ status: 'CONFIRMED' });
    const afterComplete = await steps(h);
    for (const step of COMPLETE) expect(afterComplete.get(step)?.count, step).toBe(1);
    const completeSteps = COMPLETE.reduce((sum, step) => sum + afterComplete.get(step)!.sum, 0);
    expect(completeSteps).toBeGreaterThan(0);
    expect(completeSteps).toBeLessThanOrEqual(completeSeconds);
    // Reserve's steps were not timed again.
    for (const step of RESERVE) expect(afterComplete.get(step)!.count, step).toBe(1);
  });

  it('a reservation the catalogue refuses times the hold only', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const held = await hold(h.app, user, st.showtimeId, [st.seats[0]!.id]);
    expect(held.statusCode).toBe(201);
    // Sold meanwhile, as far as the catalogue knows: the reservation stops at its read.
    await sql`UPDATE seats SET status = 'SOLD' WHERE id = ${st.seats[0]!.id}`.execute(h.container.db);
    const before = await steps(h);
    const res = await reserve(h.app, user, held.json().id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SEATS_UNAVAILABLE');
    const after = await steps(h);
    const count = (m: typeof after, step: string) => m.get(step)?.count ?? 0;
    expect(count(after, 'reserve_hold') - count(before, 'reserve_hold')).toBe(1);
    for (const step of RESERVE.slice(1)) expect(count(after, step) - count(before, step), step).toBe(0);
  });
});
