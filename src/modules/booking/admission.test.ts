import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import { complete, pay, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import type { QueueView } from '../waiting-room/waiting-room.service.ts';

describe('queued showtimes and the admission gate (the real waiting room)', () => {
  let h: CheckoutHarness;

  beforeAll(async () => {
    h = await setupCheckout();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Enters the waiting room over HTTP and runs the admission ticker until the user is admitted. */
  const admit = async (showtimeId: string, user: TestUser): Promise<string> => {
    const url = `/api/v1/showtimes/${showtimeId}/queue`;
    expect((await h.app.inject({ method: 'POST', url, headers: user.headers })).statusCode).toBeLessThan(300);
    for (let i = 0; i < 200; i++) {
      await h.container.waitingRoom.ticker.tickOnce();
      const view = (await h.app.inject({ method: 'GET', url, headers: user.headers })).json() as QueueView;
      if (view.status === 'ADMITTED') return view.admissionToken!;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('not admitted');
  };

  it('holds and reservations need the token; the slot is released after confirmation', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      queue: { enabled: true, admitPerSecond: 100, maxActive: 100 },
    });
    const open = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const other = await createUser(h.container);
    const holdReq = (showtimeId: string, seatId: string, token?: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/showtimes/${showtimeId}/holds`,
        headers: { ...user.headers, ...(token ? { 'x-admission-token': token } : {}) },
        payload: { seatIds: [seatId] },
      });
    expect((await holdReq(st.showtimeId, st.seats[0]!.id)).statusCode).toBe(403);
    // Another user's admission does not admit this one.
    const othersToken = await admit(st.showtimeId, other);
    expect((await holdReq(st.showtimeId, st.seats[0]!.id, othersToken)).statusCode).toBe(403);
    // A showtime without a queue needs no token.
    expect((await holdReq(open.showtimeId, open.seats[0]!.id)).statusCode).toBe(201);

    const token = await admit(st.showtimeId, user);
    const held = await holdReq(st.showtimeId, st.seats[0]!.id, token);
    expect(held.statusCode).toBe(201);
    const reserve = (t?: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/reservations',
        headers: {
          ...user.headers,
          'idempotency-key': `adm-${t ? 'token' : 'none'}`,
          ...(t ? { 'x-admission-token': t } : {}),
        },
        payload: { holdId: held.json().id },
      });
    expect((await reserve()).statusCode).toBe(403);
    const res = await reserve(token);
    expect(res.statusCode).toBe(201);
    await pay(h.gatewayUrl, res.json().payment.id);
    expect((await complete(h.app, user, res.json().payment.id)).json().status).toBe('CONFIRMED');
    // Checkout released the user's slot: the token admits no longer.
    await expect(
      h.container.waitingRoom.gate.assertAdmitted({ showtimeId: st.showtimeId, userId: user.id, token }),
    ).rejects.toMatchObject({ code: 'ADMISSION_REQUIRED' });
  });
});
