/** Direct calls to the public API (shared/API.md) for what a journey needs prepared, not clicked. */

import pg from 'pg';

/**
 * The client address the current journey run speaks from (X-Forwarded-For; the e2e stack trusts
 * 127.0.0.1 as its proxy, as the API behind nginx does). Each run has its own, so the per-address
 * limits (logins, verification codes: 10 to 20 a minute) count each run alone, as for real buyers
 * on their own phones; the harness sets it before each run.
 */
let clientAddress: string | null = null;
export function useClientAddress(address: string | null): void {
  clientAddress = address;
}
export function clientHeaders(): Record<string, string> {
  return clientAddress ? { 'x-forwarded-for': clientAddress } : {};
}

export class Api {
  private token: string | null = null;
  constructor(private readonly baseUrl: string) {}

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...clientHeaders(),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async login(email: string, password: string): Promise<void> {
    const result = await this.call<{ accessToken: string }>('POST', '/auth/login', { email, password });
    this.token = result.accessToken;
  }

  /** A verified account, made the way a person would make it (code read from the local mailbox). */
  async signup(
    email: string,
    password: string,
    waitForCode: (email: string) => Promise<string>,
  ): Promise<void> {
    await this.call('POST', '/auth/email-verifications', { email });
    const code = await waitForCode(email);
    const { verificationToken } = await this.call<{ verificationToken: string }>(
      'POST',
      '/auth/email-verifications/confirm',
      { email, code },
    );
    await this.call('POST', '/auth/signup', {
      email,
      password,
      nickname: email.split('@')[0],
      verificationToken,
    });
  }
}

export interface Fixture {
  performanceId: string;
  title: string;
  /** On sale now, behind a waiting room, limit 2 per person. */
  showtimeId: string;
  /** Sales open tomorrow. */
  laterShowtimeId: string;
  /** Another performance whose queued showtimes have not opened sales yet. */
  earlyPerformanceId: string;
  /** Sales open in two hours: its waiting room (30 minutes ahead) is not open yet. */
  notOpenShowtimeId: string;
  /** Sales open in ten minutes: the waiting room is open and entrants wait for the draw. */
  drawShowtimeId: string;
}

/** An admin's catalogue for the journeys: a venue, a performance on sale, two showtimes. */
export async function createFixture(api: Api, suffix: string): Promise<Fixture> {
  const categories = await api.call<Array<{ id: string }>>('GET', '/categories');
  const venue = await api.call<{ id: string }>('POST', '/admin/venues', {
    name: `E2E 아트홀 ${suffix}`,
    address: '서울시 종로구 대학로 1',
    sections: [
      { name: 'A', grade: 'VIP', rows: 1, seatsPerRow: 6 },
      { name: 'B', grade: 'R', rows: 2, seatsPerRow: 6 },
    ],
  });
  const day = (offset: number): string =>
    new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  const title = `E2E 뮤지컬 ${suffix}`;
  const performance = await api.call<{ id: string }>('POST', '/admin/performances', {
    title,
    description: '브라우저 여정 시험용 공연',
    categoryId: categories[0]!.id,
    venueId: venue.id,
    startDate: day(1),
    endDate: day(30),
    runningMinutes: 120,
    ageRating: 0,
    cast: ['홍길동'],
    prices: [
      { grade: 'VIP', price: 100_000 },
      { grade: 'R', price: 70_000 },
    ],
  });
  const at = (ms: number): string => new Date(Date.now() + ms).toISOString();
  const showtime = await api.call<{ id: string }>('POST', `/admin/performances/${performance.id}/showtimes`, {
    startsAt: at(7 * 86400_000),
    salesOpenAt: at(-60_000),
    salesCloseAt: at(6 * 86400_000),
    maxTicketsPerUser: 2,
    queue: { enabled: true, admitPerSecond: 100, maxActive: 100, sessionSeconds: 600 },
  });
  const later = await api.call<{ id: string }>('POST', `/admin/performances/${performance.id}/showtimes`, {
    startsAt: at(8 * 86400_000),
    salesOpenAt: at(86400_000),
    salesCloseAt: at(7 * 86400_000),
    maxTicketsPerUser: 4,
  });
  // A separate performance, so the purchase journeys still find exactly one open showtime.
  const early = await api.call<{ id: string }>('POST', '/admin/performances', {
    title: `E2E 추첨 공연 ${suffix}`,
    description: '대기실 추첨 시험용 공연',
    categoryId: categories[0]!.id,
    venueId: venue.id,
    startDate: day(1),
    endDate: day(30),
    runningMinutes: 90,
    ageRating: 0,
    prices: [
      { grade: 'VIP', price: 100_000 },
      { grade: 'R', price: 70_000 },
    ],
  });
  const queued = (salesInMs: number) =>
    api.call<{ id: string }>('POST', `/admin/performances/${early.id}/showtimes`, {
      startsAt: at(7 * 86400_000 + salesInMs),
      salesOpenAt: at(salesInMs),
      salesCloseAt: at(6 * 86400_000),
      maxTicketsPerUser: 2,
      queue: { enabled: true, admitPerSecond: 100, maxActive: 100, sessionSeconds: 600 },
    });
  const notOpen = await queued(2 * 3600_000);
  const draw = await queued(10 * 60_000);
  return {
    performanceId: performance.id,
    title,
    showtimeId: showtime.id,
    laterShowtimeId: later.id,
    earlyPerformanceId: early.id,
    notOpenShowtimeId: notOpen.id,
    drawShowtimeId: draw.id,
  };
}

export interface DoorFixture {
  title: string;
  /** Starts in three hours: the door serves it. */
  tonightId: string;
  /** Starts tomorrow at the same time. */
  tomorrowId: string;
}

/** A performance with two showtimes on sale now, without a waiting room, for the door journey. */
export async function createDoorFixture(api: Api, suffix: string): Promise<DoorFixture> {
  const categories = await api.call<Array<{ id: string }>>('GET', '/categories');
  const venue = await api.call<{ id: string }>('POST', '/admin/venues', {
    name: `E2E 입구홀 ${suffix}`,
    address: '서울시 마포구 1',
    sections: [{ name: 'A', grade: 'VIP', rows: 1, seatsPerRow: 4 }],
  });
  const day = (offset: number): string =>
    new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  const title = `E2E 입장 공연 ${suffix}`;
  const performance = await api.call<{ id: string }>('POST', '/admin/performances', {
    title,
    description: '입장 확인 여정 시험용 공연',
    categoryId: categories[0]!.id,
    venueId: venue.id,
    startDate: day(0),
    endDate: day(3),
    runningMinutes: 100,
    ageRating: 0,
    prices: [{ grade: 'VIP', price: 50_000 }],
    // The door shows a ticket's type and whether it must ask for the proof.
    ticketTypes: [{ code: 'YOUTH', name: '청소년', discountPercent: 20, proofRequired: true }],
  });
  const at = (ms: number): string => new Date(Date.now() + ms).toISOString();
  const showtime = (startsInHours: number) =>
    api.call<{ id: string }>('POST', `/admin/performances/${performance.id}/showtimes`, {
      startsAt: at(startsInHours * 3600_000),
      salesOpenAt: at(-60_000),
      salesCloseAt: at((startsInHours - 1) * 3600_000),
      maxTicketsPerUser: 4,
    });
  const tonight = await showtime(3);
  const tomorrow = await showtime(27);
  return { title, tonightId: tonight.id, tomorrowId: tomorrow.id };
}

export interface BoughtTicket {
  code: string;
  seat: { section: string; row: string; number: number };
}

/**
 * The admission token of a showtime behind a waiting room, got as a person would: enter the queue
 * and poll until the worker's ticker admits.
 */
async function admission(api: Api, showtimeId: string): Promise<string> {
  type View = { status: string; admissionToken?: string };
  const deadline = Date.now() + 60_000;
  let view = await api.call<View>('POST', `/showtimes/${showtimeId}/queue`);
  while (view.status !== 'ADMITTED' || !view.admissionToken) {
    if (Date.now() > deadline) throw new Error(`not admitted to showtime ${showtimeId} within 60 s`);
    await new Promise((r) => setTimeout(r, 300));
    view = await api.call<View>('GET', `/showtimes/${showtimeId}/queue`);
  }
  return view.admissionToken;
}

/**
 * One seat bought as a person would through the API: through the waiting room if the showtime has
 * one, hold, reserve, pay at the sandbox gateway, complete. Returns the seat and the reservation.
 */
export async function buyOneSeat(
  api: Api,
  gatewayUrl: string,
  showtimeId: string,
  opts: { queued?: boolean; ticketType?: string } = {},
): Promise<{ seatId: string; reservationId: string }> {
  const token = opts.queued ? await admission(api, showtimeId) : null;
  const admitted: Record<string, string> = token ? { 'x-admission-token': token } : {};
  const map = await api.call<{ seats: Array<{ id: string; status: string }> }>(
    'GET',
    `/showtimes/${showtimeId}/seats`,
  );
  const seat = map.seats.find((s) => s.status === 'AVAILABLE');
  if (!seat) throw new Error(`showtime ${showtimeId} has no seat left`);
  const hold = await api.call<{ id: string }>(
    'POST',
    `/showtimes/${showtimeId}/holds`,
    { seatIds: [seat.id] },
    admitted,
  );
  const reservation = await api.call<{ id: string; payment: { id: string } }>(
    'POST',
    '/reservations',
    opts.ticketType ? { holdId: hold.id, ticketTypes: { [seat.id]: opts.ticketType } } : { holdId: hold.id },
    { 'idempotency-key': `e2e-${hold.id}`, ...admitted },
  );
  const paid = await fetch(`${gatewayUrl}/sandbox/payments/${reservation.payment.id}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(10_000),
  });
  if (!paid.ok) throw new Error(`the sandbox payment answered ${paid.status}`);
  const done = await api.call<{ status: string }>('POST', `/payments/${reservation.payment.id}/complete`);
  if (done.status !== 'CONFIRMED') throw new Error(`the purchase ended ${done.status}`);
  return { seatId: seat.id, reservationId: reservation.id };
}

/** One seat of a showtime without a waiting room, bought through the API; then the ticket the worker issues. */
export async function buyOneTicket(
  api: Api,
  gatewayUrl: string,
  showtimeId: string,
  opts: { ticketType?: string } = {},
): Promise<BoughtTicket> {
  const reservation = { id: (await buyOneSeat(api, gatewayUrl, showtimeId, opts)).reservationId };
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const tickets = await api.call<Array<BoughtTicket & { reservationId: string }>>('GET', '/tickets');
    const mine = tickets.find((t) => t.reservationId === reservation.id);
    if (mine) return { code: mine.code, seat: mine.seat };
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no ticket was issued for reservation ${reservation.id}`);
}

/** Door staff have no sign-up of their own: an operator gives an account the STAFF role. */
export async function makeStaff(databaseUrl: string, email: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`UPDATE users SET role = 'STAFF' WHERE email = $1`, [email]);
    if (rowCount !== 1) throw new Error(`no account ${email} to make STAFF`);
  } finally {
    await client.end();
  }
}
