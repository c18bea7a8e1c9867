import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import {
  BrokerProxy,
  confirmedData,
  startWorker,
  waitFor,
  writeEvent,
} from '../../../test/tickets-support.ts';
import { TICKET_QUEUES } from './index.ts';

/** Delivery guarantees on the real broker: outages, a killed worker, poison and permanent failures. */
describe('tickets: reliable issuance', () => {
  let t: TestApp & { env: TestEnv };
  let buyer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await setupTestApp({ TICKET_ISSUE_RETRY_DELAY_MS: '50', TICKET_ISSUE_MAX_ATTEMPTS: '3' });
    buyer = await createUser(t.container);
    admin = await createUser(t.container, { role: 'ADMIN' });
  });
  afterAll(async () => {
    await t.close();
  });

  const db = () => t.container.db;
  const ticketStats = async (showtimeId: string) =>
    (
      await sql<{ tickets: number; seats: number; max_per_seat: number | null }>`
        SELECT count(*)::int AS tickets, count(DISTINCT seat_id)::int AS seats,
               (SELECT max(n)::int FROM (SELECT count(*) AS n FROM tickets WHERE showtime_id = ${showtimeId}
                                         GROUP BY seat_id) x) AS max_per_seat
        FROM tickets WHERE showtime_id = ${showtimeId}`.execute(db())
    ).rows[0]!;

  /** `count` one-seat purchases of one showtime, written to the outbox as checkout confirms them. */
  async function confirmPurchases(count: number) {
    const st = await createShowtimeWithSeats(t.container, { rows: Math.ceil(count / 50), seatsPerRow: 50 });
    const seats = st.seats.slice(0, count);
    // A few transactions at a time, like concurrent checkouts.
    for (let i = 0; i < seats.length; i += 10) {
      const chunk = seats.slice(i, i + 10);
      await Promise.all(
        chunk.map((seat) =>
          writeEvent(t.container, 'reservation.confirmed', confirmedData(st, buyer.id, [seat])),
        ),
      );
    }
    return st;
  }

  it('issues every ticket exactly once after a broker outage during 50 purchases', async () => {
    const proxy = new BrokerProxy();
    await proxy.up();
    const worker = await startWorker(t.env, { AMQP_URL: proxy.url });
    try {
      await waitFor(async () => worker.container.broker.connected, Boolean, 10_000, 'broker connection');
      await proxy.down();
      const st = await confirmPurchases(50);
      // The relay keeps the events while the broker is unreachable, and says so in its metrics.
      const metricsDown = await waitFor(
        async () => (await worker.container.metrics.render()).body,
        (body) => /outbox_publish_failures_total\{[^}]*\} [1-9]/.test(body),
        10_000,
      );
      expect(metricsDown).toMatch(/outbox_backlog\{[^}]*\} 50\b/);
      expect(metricsDown).toMatch(/outbox_oldest_unpublished_age_seconds\{[^}]*\} [0-9.]+/);
      expect((await ticketStats(st.showtimeId)).tickets).toBe(0);

      await proxy.up();
      const stats = await waitFor(
        () => ticketStats(st.showtimeId),
        (s) => s.tickets >= 50,
        30_000,
        '50 tickets',
      );
      expect(stats).toEqual({ tickets: 50, seats: 50, max_per_seat: 1 });
      const metricsUp = (await worker.container.metrics.render()).body;
      expect(metricsUp).toMatch(/outbox_published_total\{[^}]*type="reservation.confirmed"[^}]*\} 50\b/);
    } finally {
      await worker.stop();
      await proxy.down();
    }
  }, 90_000);

  it('issues exactly one ticket per seat when a worker is killed mid-batch and another takes over', async () => {
    const st = await confirmPurchases(300);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
      env: { ...process.env, ...t.env.env, OUTBOX_RELAY_BATCH_SIZE: '10' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let atKill: number;
    try {
      atKill = (
        await waitFor(
          () => ticketStats(st.showtimeId),
          (s) => s.tickets >= 20,
          30_000,
          'first tickets',
        )
      ).tickets;
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    expect(atKill).toBeLessThan(300);

    const worker = await startWorker(t.env);
    try {
      const stats = await waitFor(
        () => ticketStats(st.showtimeId),
        (s) => s.tickets >= 300,
        40_000,
        '300 tickets',
      );
      expect(stats).toEqual({ tickets: 300, seats: 300, max_per_seat: 1 });
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM outbox WHERE event_type = 'ticket.issued'
        AND payload->>'showtimeId' = ${st.showtimeId}`.execute(db());
      expect(rows[0]!.n).toBe(300);
    } finally {
      await worker.stop();
    }
  }, 120_000);

  it('dead-letters poison and permanently failing issuances, records them and emits ticket.issuance_failed', async () => {
    const worker = await startWorker(t.env);
    try {
      // Poison: a payload that breaks the v1 schema goes to the DLQ at once, without retries.
      const poisonReservation = randomUUID();
      await writeEvent(t.container, 'reservation.confirmed', { reservationId: poisonReservation });
      // Permanent: the seat already holds a valid ticket of another reservation (sold twice upstream).
      const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 1 });
      await writeEvent(t.container, 'reservation.confirmed', confirmedData(st, buyer.id, st.seats));
      await waitFor(
        () => ticketStats(st.showtimeId),
        (s) => s.tickets === 1,
      );
      const doubleSold = confirmedData(st, buyer.id, st.seats);
      await writeEvent(t.container, 'reservation.confirmed', doubleSold);
      // Not JSON at all: recorded too, with no reservation to compensate.
      await worker.container.broker.connect();
      const ch = await (await import('amqplib')).connect('amqp://guest:guest@127.0.0.1:5672');
      const raw = await ch.createChannel();
      raw.sendToQueue(`${t.env.env.AMQP_QUEUE_PREFIX}.${TICKET_QUEUES.issue}`, Buffer.from('{not json'), {
        messageId: 'garbage-1',
      });
      await raw.close();
      await ch.close();

      const failures = await waitFor(
        async () =>
          (
            await t.app.inject({
              method: 'GET',
              url: '/api/v1/admin/issuance-failures',
              headers: admin.headers,
            })
          ).json() as {
            reservationId: string | null;
            reason: string;
            attempts: number;
            messageId: string;
          }[],
        (list) => list.length >= 3,
        20_000,
        'three recorded failures',
      );
      const byReservation = new Map(failures.map((f) => [f.reservationId, f]));
      expect(byReservation.get(poisonReservation)).toMatchObject({ attempts: 1 });
      expect(byReservation.get(poisonReservation)!.reason).toMatch(/invalid reservation.confirmed v1 data/);
      expect(byReservation.get(doubleSold.reservationId)).toMatchObject({ attempts: 3 });
      expect(byReservation.get(doubleSold.reservationId)!.reason).toMatch(/tickets_one_valid_per_seat/);
      expect(failures.find((f) => f.messageId === 'garbage-1')).toMatchObject({ reservationId: null });

      const { rows: emitted } = await sql<{
        aggregate_id: string;
        payload: { reservationId: string; reason: string };
      }>`
        SELECT aggregate_id, payload FROM outbox WHERE event_type = 'ticket.issuance_failed'`.execute(db());
      expect(emitted.map((e) => e.payload.reservationId).sort()).toEqual(
        [poisonReservation, doubleSold.reservationId].sort(),
      );
      expect((await ticketStats(st.showtimeId)).tickets).toBe(1);

      const metrics = (await worker.container.metrics.render()).body;
      expect(metrics).toMatch(/broker_dead_lettered_total\{[^}]*reason="permanent"[^}]*\} 2\b/);
      expect(metrics).toMatch(/broker_dead_lettered_total\{[^}]*reason="exhausted"[^}]*\} 1\b/);
      expect(metrics).toMatch(/broker_retried_total\{[^}]*\} 2\b/);

      const forbidden = await t.app.inject({
        method: 'GET',
        url: '/api/v1/admin/issuance-failures',
        headers: buyer.headers,
      });
      expect(forbidden.statusCode).toBe(403);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
