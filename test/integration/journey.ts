import type { App } from '../../src/app.ts';
import type { Container } from '../../src/container.ts';
import type { TestUser } from '../factories.ts';
import { newKey } from '../checkout.ts';
import { waitFor } from '../tickets-support.ts';

/** HTTP steps shared by the cross-module suites: queue, holds and reservations with an admission token. */

export const admissionHeader = (token?: string): Record<string, string> =>
  token ? { 'x-admission-token': token } : {};

export function holdWith(app: App, user: TestUser, showtimeId: string, seatIds: string[], token?: string) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/showtimes/${showtimeId}/holds`,
    headers: { ...user.headers, ...admissionHeader(token) },
    payload: { seatIds },
  });
}

export function reserveWith(
  app: App,
  user: TestUser,
  holdId: string,
  opts: { token?: string; userCouponId?: string; key?: string } = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/reservations',
    headers: { ...user.headers, 'idempotency-key': opts.key ?? newKey(), ...admissionHeader(opts.token) },
    payload: { holdId, ...(opts.userCouponId ? { userCouponId: opts.userCouponId } : {}) },
  });
}

/** Enters the queue over HTTP and ticks the admission ticker until the user is admitted; the token. */
export async function admitted(
  app: App,
  container: Container,
  user: TestUser,
  showtimeId: string,
): Promise<string> {
  const url = `/api/v1/showtimes/${showtimeId}/queue`;
  const entered = await app.inject({ method: 'POST', url, headers: user.headers });
  if (entered.statusCode !== 200)
    throw new Error(`queue entry answered ${entered.statusCode}: ${entered.body}`);
  const view = await waitFor(
    async () => {
      await container.waitingRoom.ticker.tickOnce();
      return (await app.inject({ method: 'GET', url, headers: user.headers })).json<{
        status: string;
        admissionToken?: string;
      }>();
    },
    (v) => v.status === 'ADMITTED',
    10_000,
    'admission',
  );
  return view.admissionToken!;
}

export type SeatMap = { seats: { id: string; status: string }[] };

export async function seatStatuses(app: App, showtimeId: string, seatIds: string[]): Promise<string[]> {
  const map = (
    await app.inject({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}/seats` })
  ).json<SeatMap>();
  return seatIds.map((id) => map.seats.find((s) => s.id === id)?.status ?? 'MISSING');
}

export async function myCoupons(app: App, user: TestUser) {
  const res = await app.inject({ method: 'GET', url: '/api/v1/users/me/coupons', headers: user.headers });
  return res.json<{ id: string; status: string }[]>();
}
