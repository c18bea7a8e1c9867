import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/context.ts';
import {
  createShowtimeWithSeats,
  createUser,
  type TestShowtime,
  type TestUser,
} from '../../../test/factories.ts';
import { confirmedData, envelope } from '../../../test/tickets-support.ts';
import { Metrics } from '../../infra/metrics.ts';
import { parseEvent } from '../events/event-schemas.ts';
import { maskEmail, startOfSeoulDay } from './door.service.ts';
import { TicketSigner } from './ticket-code.ts';
import { TicketsRepository } from './tickets.repository.ts';
import { TicketsService } from './tickets.service.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface DoorShowtimeJson {
  id: string;
  title: string;
  startsAt: string;
  venue: string;
  ticketsIssued: number;
  checkedIn: number;
}

describe('the door: check-in names show, date, seat and holder, and refuses with a reason', () => {
  let t: TestApp;
  let issuer: TicketsService;
  let staff: TestUser;
  let buyer: TestUser;
  /** The door's showtime (tonight) and another one (tomorrow night). */
  let tonight: TestShowtime;
  let tomorrow: TestShowtime;
  const tonightAt = new Date(Date.now() + 3 * HOUR);
  const tomorrowAt = new Date(Date.now() + 27 * HOUR);

  beforeAll(async () => {
    t = await setupTestApp();
    const c = t.container;
    issuer = new TicketsService({
      ...c,
      repo: new TicketsRepository(),
      signer: TicketSigner.fromConfig(c.config),
      metrics: new Metrics('worker'),
    });
    staff = await createUser(c, { role: 'STAFF' });
    buyer = await createUser(c, { email: 'kimcs@example.com', nickname: '관객' });
    tonight = await createShowtimeWithSeats(c, {
      rows: 1,
      seatsPerRow: 10,
      startsAt: tonightAt,
      title: '오늘 밤의 햄릿',
    });
    tomorrow = await createShowtimeWithSeats(c, {
      rows: 1,
      seatsPerRow: 10,
      startsAt: tomorrowAt,
      title: '내일의 햄릿',
    });
  });
  afterAll(() => t.close());

  const seatsUsed = new Map<string, number>();
  /** Issues a ticket for the next free seat of `st`, as the issuance consumer does; returns its code. */
  async function ticketFor(
    st: TestShowtime,
    ticketType?: { code: string; name: string; proofRequired: boolean },
  ): Promise<{ id: string; code: string; reservationId: string }> {
    const n = seatsUsed.get(st.showtimeId) ?? 0;
    seatsUsed.set(st.showtimeId, n + 1);
    const seat = st.seats[n]!;
    const data = confirmedData(st, buyer.id, [seat]);
    if (ticketType) data.seats[0]!.ticketType = ticketType;
    const { ticketIds } = await issuer.issue(
      parseEvent('reservation.confirmed', envelope('reservation.confirmed', data)),
    );
    const row = await t.container.db
      .selectFrom('tickets')
      .select(['id', 'code'])
      .where('id', '=', ticketIds[0]!)
      .executeTakeFirstOrThrow();
    return { ...row, reservationId: data.reservationId };
  }

  const scan = (code: string, showtimeId?: string, user: TestUser = staff) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/check-ins',
      headers: user.headers,
      payload: showtimeId ? { code, showtimeId } : { code },
    });

  const showOf = (st: TestShowtime, title: string, at: Date) => ({
    showtimeId: st.showtimeId,
    performanceId: st.performanceId,
    title,
    startsAt: at.toISOString(),
    venue: '테스트홀',
  });
  const holder = { nickname: '관객', email: 'ki***@example.com' };

  it('admits a ticket at its own door and names the show, date, seat and holder', async () => {
    const ticket = await ticketFor(tonight);
    const res = await scan(ticket.code, tonight.showtimeId);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      ticketId: ticket.id,
      status: 'USED',
      showtimeId: tonight.showtimeId,
      seat: { section: 'A', row: 'A', number: expect.any(Number), grade: 'R' },
      ticketType: null,
      usedAt: expect.any(String),
      show: showOf(tonight, '오늘 밤의 햄릿', tonightAt),
      holder,
    });
    // The door sees a masked email, never the whole address.
    expect(res.body).not.toContain('kimcs@');
  });

  it('names the ticket type and whether its proof is checked, admitted or refused', async () => {
    const youth = { code: 'YOUTH', name: '청소년', proofRequired: true };
    const ticket = await ticketFor(tonight, youth);
    const admitted = await scan(ticket.code, tonight.showtimeId);
    expect(admitted.statusCode).toBe(200);
    expect(admitted.json()).toMatchObject({ ticketId: ticket.id, ticketType: youth });
    const again = await scan(ticket.code, tonight.showtimeId);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'TICKET_ALREADY_USED', ticketType: youth });
    const elsewhere = await ticketFor(tomorrow, { code: 'ADULT', name: '일반', proofRequired: false });
    expect((await scan(elsewhere.code, tonight.showtimeId)).json()).toMatchObject({
      code: 'WRONG_SHOWTIME',
      ticketType: { code: 'ADULT', name: '일반', proofRequired: false },
    });
  });

  it("refuses another showtime's ticket with 409 WRONG_SHOWTIME naming that showtime, and leaves it valid", async () => {
    const ticket = await ticketFor(tomorrow);
    const res = await scan(ticket.code, tonight.showtimeId);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'WRONG_SHOWTIME',
      status: 409,
      ticketId: ticket.id,
      ticketStatus: 'ISSUED',
      showtimeId: tomorrow.showtimeId,
      gateShowtimeId: tonight.showtimeId,
      show: showOf(tomorrow, '내일의 햄릿', tomorrowAt),
      seat: { section: 'A', row: 'A', grade: 'R' },
      holder,
      usedAt: null,
    });
    expect(res.json().detail).toContain('내일의 햄릿');
    // Not marked: it still admits at its own door tomorrow.
    const own = await scan(ticket.code, tomorrow.showtimeId);
    expect(own.statusCode).toBe(200);
  });

  it('refuses a used ticket with 409 TICKET_ALREADY_USED saying when it was used', async () => {
    const ticket = await ticketFor(tonight);
    const first = await scan(ticket.code, tonight.showtimeId);
    expect(first.statusCode).toBe(200);
    const usedAt = first.json().usedAt as string;
    const again = await scan(ticket.code, tonight.showtimeId);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'TICKET_ALREADY_USED',
      ticketId: ticket.id,
      ticketStatus: 'USED',
      usedAt,
      show: showOf(tonight, '오늘 밤의 햄릿', tonightAt),
      seat: { section: 'A', row: 'A', grade: 'R' },
      holder,
    });
    // Without a door showtime (older clients) the answer is the same.
    expect((await scan(ticket.code)).json()).toMatchObject({ code: 'TICKET_ALREADY_USED', usedAt });
  });

  it('refuses a revoked ticket with 409 TICKET_REVOKED, at its own door and at any other', async () => {
    const ticket = await ticketFor(tonight);
    await issuer.revoke(
      parseEvent(
        'reservation.cancelled',
        envelope('reservation.cancelled', {
          reservationId: ticket.reservationId,
          userId: buyer.id,
          refundAmount: 0,
          cancelledAt: new Date().toISOString(),
        }),
      ),
    );
    for (const door of [tonight.showtimeId, tomorrow.showtimeId, undefined]) {
      const res = await scan(ticket.code, door);
      expect(res.statusCode, String(door)).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'TICKET_REVOKED',
        ticketId: ticket.id,
        ticketStatus: 'REVOKED',
        show: showOf(tonight, '오늘 밤의 햄릿', tonightAt),
        holder,
      });
    }
  });

  it('still admits any showtime when the client names no door (API compatibility)', async () => {
    const ticket = await ticketFor(tomorrow);
    const res = await scan(ticket.code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ showtimeId: tomorrow.showtimeId, show: { title: '내일의 햄릿' } });
  });

  it('lets exactly one of 20 concurrent scans at the right door in', async () => {
    const ticket = await ticketFor(tonight);
    const scans = await Promise.all(Array.from({ length: 20 }, () => scan(ticket.code, tonight.showtimeId)));
    expect(scans.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const rest = scans.filter((r) => r.statusCode !== 200);
    expect(rest.map((r) => r.json().code)).toEqual(Array(19).fill('TICKET_ALREADY_USED'));
  });

  it("lists today's and the coming days' showtimes for STAFF with tickets issued and checked in", async () => {
    const c = t.container;
    const now = new Date();
    const dayStart = startOfSeoulDay(now);
    const make = (startsAt: Date, title: string) =>
      createShowtimeWithSeats(c, {
        rows: 1,
        seatsPerRow: 3,
        startsAt,
        salesOpenAt: new Date(startsAt.getTime() - 3 * DAY),
        salesCloseAt: startsAt,
        title,
      });
    const yesterday = await make(new Date(dayStart.getTime() - HOUR), '어제 공연');
    const earlyToday = await make(new Date(dayStart.getTime() + 60_000), '오늘 첫 공연');
    const inTwoDays = await make(new Date(now.getTime() + 2 * DAY), '모레 공연');
    const inTenDays = await make(new Date(now.getTime() + 10 * DAY), '열흘 뒤 공연');
    const a = await ticketFor(earlyToday);
    await ticketFor(earlyToday);
    expect((await scan(a.code, earlyToday.showtimeId)).statusCode).toBe(200);

    const list = async (query = '', user = staff) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/admin/check-ins/showtimes${query}`,
        headers: user.headers,
      });
    const res = await list();
    expect(res.statusCode).toBe(200);
    const items = res.json<DoorShowtimeJson[]>();
    const ids = items.map((s) => s.id);
    expect(ids).toContain(earlyToday.showtimeId);
    expect(ids).toContain(inTwoDays.showtimeId);
    expect(ids).not.toContain(yesterday.showtimeId);
    expect(ids).not.toContain(inTenDays.showtimeId);
    expect(items.map((s) => s.startsAt)).toEqual([...items.map((s) => s.startsAt)].sort());
    expect(items.find((s) => s.id === earlyToday.showtimeId)).toMatchObject({
      title: '오늘 첫 공연',
      venue: '테스트홀',
      ticketsIssued: 2,
      checkedIn: 1,
    });
    expect(items.find((s) => s.id === inTwoDays.showtimeId)).toMatchObject({
      ticketsIssued: 0,
      checkedIn: 0,
    });

    const further = (await list('?days=14')).json<DoorShowtimeJson[]>().map((s) => s.id);
    expect(further).toContain(inTenDays.showtimeId);
    expect((await list('?days=0')).statusCode).toBe(400);
    expect((await list('', await createUser(c))).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/admin/check-ins/showtimes' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('describes the answers in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const checkIn = doc.paths['/api/v1/admin/check-ins'].post.responses;
    const ok = checkIn['200'].content['application/json'].schema.properties;
    expect(Object.keys(ok)).toEqual(expect.arrayContaining(['seat', 'show', 'holder', 'usedAt']));
    const refused = checkIn['409'].content['application/json'].schema.properties;
    expect(Object.keys(refused)).toEqual(
      expect.arrayContaining(['code', 'showtimeId', 'show', 'seat', 'holder', 'usedAt', 'ticketStatus']),
    );
    expect(doc.paths['/api/v1/admin/check-ins/showtimes'].get.responses['200']).toBeDefined();
  });

  it('masks the email and finds the Seoul day', () => {
    expect(maskEmail('kimcs@example.com')).toBe('ki***@example.com');
    expect(maskEmail('abc@example.com')).toBe('a***@example.com');
    expect(maskEmail('a@b.kr')).toBe('a***@b.kr');
    // 00:30 in Seoul on Dec 1 is 15:30 UTC on Nov 30; the Seoul day began at 15:00 UTC.
    expect(startOfSeoulDay(new Date('2026-11-30T15:30:00Z')).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(startOfSeoulDay(new Date('2026-11-30T14:59:00Z')).toISOString()).toBe('2026-11-29T15:00:00.000Z');
  });
});
