import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { AppError } from '../../errors.ts';
import { withOwnMetrics } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { complete, pay, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { createBookingModule } from './index.ts';
import type { AdmissionGate } from './ports.ts';

describe('queued showtimes and the admission gate', () => {
  let h: CheckoutHarness;
  let app: App;
  const released: string[] = [];
  const gate: AdmissionGate = {
    assertAdmitted: async ({ userId, token }) => {
      if (token !== `admitted:${userId}`) throw new AppError('ADMISSION_REQUIRED');
    },
    release: async (_showtimeId, userId) => void released.push(userId),
  };

  beforeAll(async () => {
    h = await setupCheckout();
    const booking = createBookingModule(withOwnMetrics(h.container), { gate });
    app = await buildApp({ ...h.container, apiRoutes: booking.routes, booking });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('holds and reservations need the token; the slot is released after confirmation', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      queue: { enabled: true },
    });
    const open = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const holdReq = (showtimeId: string, seatId: string, token?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/showtimes/${showtimeId}/holds`,
        headers: { ...user.headers, ...(token ? { 'x-admission-token': token } : {}) },
        payload: { seatIds: [seatId] },
      });
    expect((await holdReq(st.showtimeId, st.seats[0]!.id)).statusCode).toBe(403);
    expect((await holdReq(st.showtimeId, st.seats[0]!.id, 'admitted:someone-else')).statusCode).toBe(403);
    // A showtime without a queue needs no token.
    expect((await holdReq(open.showtimeId, open.seats[0]!.id)).statusCode).toBe(201);

    const token = `admitted:${user.id}`;
    const held = await holdReq(st.showtimeId, st.seats[0]!.id, token);
    expect(held.statusCode).toBe(201);
    const reserve = (t?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/reservations',
        headers: {
          ...user.headers,
          'idempotency-key': `adm-${t ?? 'none'}`,
          ...(t ? { 'x-admission-token': t } : {}),
        },
        payload: { holdId: held.json().id },
      });
    expect((await reserve()).statusCode).toBe(403);
    const res = await reserve(token);
    expect(res.statusCode).toBe(201);
    await pay(h.gatewayUrl, res.json().payment.id);
    expect((await complete(app, user, res.json().payment.id)).json().status).toBe('CONFIRMED');
    expect(released).toEqual([user.id]);
  });
});
