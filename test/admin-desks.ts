import { sql } from 'kysely';
import type { Container } from '../src/container.ts';
import { complete, hold, pay, reserve, type CheckoutHarness } from './checkout.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from './factories.ts';

/** Test helpers for the admin desks: a buyer with a phone, and a paid order of theirs. */
export async function buyer(
  container: Pick<Container, 'db' | 'tokens'>,
  opts: { nickname?: string; phone?: string; email?: string } = {},
): Promise<TestUser> {
  const user = await createUser(container, {
    ...(opts.nickname ? { nickname: opts.nickname } : {}),
    ...(opts.email ? { email: opts.email } : {}),
  });
  if (opts.phone) {
    await sql`UPDATE users SET phone = ${opts.phone} WHERE id = ${user.id}`.execute(container.db);
  }
  return user;
}

/** hold → reserve (with a booker) → pay → complete: a CONFIRMED order of `seats` seats at 100,000 KRW. */
export async function paidOrder(
  h: CheckoutHarness,
  user: TestUser,
  opts: { seats?: number; booker?: { name: string; phone: string } } = {},
): Promise<{ id: string; bookingNumber: string; total: number; paymentId: string; showtimeId: string }> {
  const n = opts.seats ?? 2;
  const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: n });
  const held = await hold(
    h.app,
    user,
    st.showtimeId,
    st.seats.map((s) => s.id),
  );
  if (held.statusCode !== 201) throw new Error(`hold: ${held.statusCode} ${held.body}`);
  const res = await reserve(
    h.app,
    user,
    held.json().id,
    undefined,
    opts.booker ? { booker: opts.booker } : {},
  );
  if (res.statusCode !== 201) throw new Error(`reserve: ${res.statusCode} ${res.body}`);
  const r = res.json();
  await pay(h.gatewayUrl, r.payment.id);
  const done = await complete(h.app, user, r.payment.id);
  if (done.json().status !== 'CONFIRMED') throw new Error(`complete: ${done.body}`);
  return {
    id: r.id,
    bookingNumber: r.bookingNumber,
    total: r.total,
    paymentId: r.payment.id,
    showtimeId: st.showtimeId,
  };
}
