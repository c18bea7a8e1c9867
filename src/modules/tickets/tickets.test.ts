import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import {
  confirmedData,
  envelope,
  startWorker,
  waitFor,
  writeEvent,
  type Worker,
} from '../../../test/tickets-support.ts';
import { parseEvent } from '../events/event-schemas.ts';
import { TicketSigner } from './ticket-code.ts';
import { TicketsRepository } from './tickets.repository.ts';
import { TicketsService } from './tickets.service.ts';
import { Metrics } from '../../infra/metrics.ts';

type TicketJson = {
  id: string;
  reservationId: string;
  bookingNumber: string | null;
  status: string;
  code: string;
  seat: { seatId: string };
  ticketType: { code: string; name: string; proofRequired: boolean } | null;
};

describe('tickets: issuance, QR, check-in, revocation', () => {
  let t: TestApp & { env: TestEnv };
  let worker: Worker;
  let buyer: TestUser;
  let admin: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await setupTestApp({ TICKET_ISSUE_RETRY_DELAY_MS: '50', TICKET_ISSUE_MAX_ATTEMPTS: '2' });
    worker = await startWorker(t.env);
    buyer = await createUser(t.container);
    admin = await createUser(t.container, { role: 'ADMIN' });
    staff = await createUser(t.container, { role: 'STAFF' });
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
  });

  const ticketsOf = async (user: TestUser): Promise<TicketJson[]> =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: user.headers })).json();
  const ticketsOfReservation = async (reservationId: string) =>
    (
      await sql<{ id: string; status: string; seat_id: string }>`
        SELECT id, status, seat_id FROM tickets WHERE reservation_id = ${reservationId}`.execute(
        t.container.db,
      )
    ).rows;
  const checkIn = (code: string, user: TestUser = staff) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/check-ins',
      headers: user.headers,
      payload: { code },
    });

  /** A confirmed purchase of `count` seats, written to the outbox and issued by the worker. */
  async function purchase(
    user: TestUser,
    count = 2,
  ): Promise<{ reservationId: string; tickets: TicketJson[] }> {
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: count });
    const data = confirmedData(st, user.id, st.seats);
    await writeEvent(t.container, 'reservation.confirmed', data);
    await waitFor(
      () => ticketsOfReservation(data.reservationId),
      (rows) => rows.length === count,
    );
    const tickets = (await ticketsOf(user)).filter((x) => x.reservationId === data.reservationId);
    return { reservationId: data.reservationId, tickets };
  }

  it('issues one ticket per seat with a verifiable code, a QR image and a ticket.issued event', async () => {
    const { reservationId, tickets } = await purchase(buyer, 2);
    expect(tickets).toHaveLength(2);
    const signer = TicketSigner.fromConfig(t.container.config);
    for (const ticket of tickets) {
      expect(ticket.status).toBe('ISSUED');
      expect(ticket.code).toMatch(/^[A-Za-z0-9_-]{60,120}$/);
      expect(signer.verify(ticket.code)).toMatchObject({
        ticketId: ticket.id,
        seatId: ticket.seat.seatId,
        kid: 'k1',
      });
    }
    const qr = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tickets/${tickets[0]!.id}/qr.svg`,
      headers: buyer.headers,
    });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const stranger = await createUser(t.container);
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tickets/${tickets[0]!.id}/qr.svg`,
      headers: stranger.headers,
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('TICKET_NOT_FOUND');
    const asAdmin = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tickets/${tickets[0]!.id}/qr.svg`,
      headers: admin.headers,
    });
    expect(asAdmin.statusCode).toBe(200);
    expect(await ticketsOf(stranger)).toEqual([]);

    const issued = await waitFor(
      async () =>
        (
          await sql<{ payload: { reservationId: string; tickets: unknown[] }; published_at: Date | null }>`
            SELECT payload, published_at FROM outbox WHERE event_type = 'ticket.issued'
            AND aggregate_id = ${reservationId}`.execute(t.container.db)
        ).rows,
      (rows) => rows.length === 1 && rows[0]!.published_at !== null,
    );
    expect(issued[0]!.payload.tickets).toHaveLength(2);
    const unauth = await t.app.inject({ method: 'GET', url: '/api/v1/tickets' });
    expect(unauth.statusCode).toBe(401);
  });

  it("copies the booking number and each seat's ticket type onto its ticket; older events give nulls", async () => {
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 2 });
    const data = confirmedData(st, buyer.id, st.seats);
    const youth = { code: 'YOUTH', name: '청소년', proofRequired: true };
    data.bookingNumber = 'CT261130K7Q2XM';
    data.seats[0]!.ticketType = youth;
    await writeEvent(t.container, 'reservation.confirmed', data);
    await waitFor(
      () => ticketsOfReservation(data.reservationId),
      (rows) => rows.length === 2,
    );
    const mine = (await ticketsOf(buyer)).filter((x) => x.reservationId === data.reservationId);
    const bySeat = new Map(mine.map((x) => [x.seat.seatId, x]));
    expect(bySeat.get(st.seats[0]!.id)).toMatchObject({ bookingNumber: 'CT261130K7Q2XM', ticketType: youth });
    // A seat without a type in the same event: the booking number still, no type.
    expect(bySeat.get(st.seats[1]!.id)).toMatchObject({ bookingNumber: 'CT261130K7Q2XM', ticketType: null });

    // An event written before either field existed (as confirmedData writes it): nulls.
    const { tickets } = await purchase(buyer, 1);
    expect(tickets[0]).toMatchObject({ bookingNumber: null, ticketType: null });
  });

  it('issues nothing more for a redelivered or repeated event', async () => {
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 3 });
    const data = confirmedData(st, buyer.id, st.seats);
    const env = envelope('reservation.confirmed', data);
    // The same message twice on the broker (what a relay crash between confirm and UPDATE produces).
    await worker.container.broker.connect();
    for (let i = 0; i < 2; i++) {
      await worker.container.broker.publish('reservation.confirmed', env, { messageId: env.eventId });
    }
    await waitFor(
      () => ticketsOfReservation(data.reservationId),
      (rows) => rows.length === 3,
    );
    // Handled concurrently, and again as a different event for the same reservation.
    const c = worker.container;
    const service = new TicketsService({
      ...c,
      repo: new TicketsRepository(),
      signer: TicketSigner.fromConfig(c.config),
      metrics: new Metrics('worker'),
    });
    const again = await Promise.all([
      service.issue(parseEvent('reservation.confirmed', env)),
      service.issue(parseEvent('reservation.confirmed', env)),
      service.issue(parseEvent('reservation.confirmed', envelope('reservation.confirmed', data))),
    ]);
    expect(again.flatMap((r) => r.ticketIds)).toEqual([]);
    expect(await ticketsOfReservation(data.reservationId)).toHaveLength(3);
  });

  it('leaves no valid ticket when a cancellation races its confirmation', async () => {
    const c = worker.container;
    const service = new TicketsService({
      ...c,
      repo: new TicketsRepository(),
      signer: TicketSigner.fromConfig(c.config),
      metrics: new Metrics('worker'),
    });
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 20 });
    await Promise.all(
      st.seats.map(async (seat) => {
        const data = confirmedData(st, buyer.id, [seat]);
        const cancelled = envelope('reservation.cancelled', { reservationId: data.reservationId });
        await Promise.all([
          service.issue(parseEvent('reservation.confirmed', envelope('reservation.confirmed', data))),
          service.revoke(parseEvent('reservation.cancelled', cancelled)),
        ]);
      }),
    );
    const { rows } = await sql<{ status: string }>`
      SELECT status FROM tickets WHERE showtime_id = ${st.showtimeId}`.execute(t.container.db);
    expect(rows.every((r) => r.status === 'REVOKED')).toBe(true);
  });

  it('lets exactly one of 20 concurrent scans check a ticket in', async () => {
    const { tickets } = await purchase(buyer, 1);
    const code = tickets[0]!.code;
    const scans = await Promise.all(
      Array.from({ length: 20 }, (_, i) => checkIn(code, i % 2 ? staff : admin)),
    );
    const ok = scans.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.json()).toMatchObject({ ticketId: tickets[0]!.id, status: 'USED' });
    const rest = scans.filter((r) => r.statusCode !== 200);
    expect(rest.map((r) => r.statusCode)).toEqual(Array(19).fill(409));
    expect(rest.every((r) => r.json().code === 'TICKET_ALREADY_USED')).toBe(true);
    const [mine] = (await ticketsOf(buyer)).filter((x) => x.id === tickets[0]!.id);
    expect(mine!.status).toBe('USED');
  });

  it('rejects forged, garbled and foreign-key codes with INVALID_TICKET, and buyers at the door', async () => {
    const { tickets } = await purchase(buyer, 1);
    const code = tickets[0]!.code;
    const last = code.at(-2) === 'A' ? 'B' : 'A';
    const tampered = code.slice(0, -2) + last + code.at(-1);
    const otherKey = new TicketSigner({ k1: 'another-secret-0123456789' }, 'k1');
    const claims = TicketSigner.fromConfig(t.container.config).verify(code);
    const forged = otherKey.sign(claims);
    for (const bad of [tampered, forged, 'not-a-ticket', code.slice(0, 40), `${code}AA`]) {
      const res = await checkIn(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('INVALID_TICKET');
    }
    const empty = await checkIn('');
    expect(empty.statusCode).toBe(400);
    const otherGate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/check-ins',
      headers: staff.headers,
      payload: { code, showtimeId: randomUUID() },
    });
    expect(otherGate.statusCode).toBe(409);
    expect(otherGate.json()).toMatchObject({ code: 'WRONG_SHOWTIME', ticketId: tickets[0]!.id });
    const asBuyer = await checkIn(code, buyer);
    expect(asBuyer.statusCode).toBe(403);
    expect((await checkIn(code)).statusCode).toBe(200);
  });

  it('accepts codes of a rotated-out key that is still in the ring', async () => {
    const old = new TicketSigner({ k0: 'old-secret-0123456789abc' }, 'k0');
    const rotated = TicketSigner.fromConfig({
      TICKET_SIGNING_SECRET: 'new-secret-0123456789abc',
      TICKET_SIGNING_KID: 'k1',
      TICKET_SIGNING_KEYS: ['k0:old-secret-0123456789abc'],
    });
    const claims = { ticketId: randomUUID(), showtimeId: randomUUID(), seatId: randomUUID() };
    expect(rotated.verify(old.sign(claims))).toEqual({ ...claims, kid: 'k0' });
    expect(rotated.verify(rotated.sign(claims)).kid).toBe('k1');
    expect(() =>
      new TicketSigner({ k1: 'another-secret-0123456789' }, 'k1').verify(old.sign(claims)),
    ).toThrow('unknown key id');
  });

  it('revokes the tickets of a cancelled reservation, whichever event arrives first', async () => {
    const { reservationId, tickets } = await purchase(buyer, 2);
    const cancelled = {
      reservationId,
      userId: buyer.id,
      refundAmount: 0,
      cancelledAt: new Date().toISOString(),
    };
    await writeEvent(t.container, 'reservation.cancelled', cancelled);
    await writeEvent(t.container, 'reservation.cancelled', cancelled); // a second cancel is a no-op
    await waitFor(
      () => ticketsOfReservation(reservationId),
      (rows) => rows.every((r) => r.status === 'REVOKED'),
    );
    const res = await checkIn(tickets[0]!.code);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'TICKET_REVOKED', ticketId: tickets[0]!.id });

    // Cancellation handled before the confirmation: no ticket is ever valid for that reservation.
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 1 });
    const data = confirmedData(st, buyer.id, st.seats);
    await writeEvent(t.container, 'reservation.cancelled', { reservationId: data.reservationId });
    await waitFor(
      async () =>
        (
          await sql`SELECT 1 FROM ticket_revocations WHERE reservation_id = ${data.reservationId}`.execute(
            t.container.db,
          )
        ).rows,
      (rows) => rows.length === 1,
    );
    const eventId = await writeEvent(t.container, 'reservation.confirmed', data);
    await waitFor(
      async () =>
        (await sql`SELECT 1 FROM processed_events WHERE event_id = ${eventId}`.execute(t.container.db)).rows,
      (rows) => rows.length === 1,
    );
    expect(await ticketsOfReservation(data.reservationId)).toEqual([]);
  });
});
