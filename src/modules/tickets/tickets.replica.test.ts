import { randomUUID } from 'node:crypto';
import { REPLICA, replicaUrl, waitFor } from '../../../test/replica.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import {
  createShowtimeWithSeats,
  createUser,
  type TestShowtime,
  type TestUser,
} from '../../../test/factories.ts';
import { confirmedData, envelope } from '../../../test/tickets-support.ts';
import { Metrics } from '../../infra/metrics.ts';
import { parseEvent } from '../events/event-schemas.ts';
import { TicketSigner } from './ticket-code.ts';
import { TicketsRepository } from './tickets.repository.ts';
import { TicketsService } from './tickets.service.ts';

/**
 * "My tickets" over a real streaming replica that applies WAL 2 seconds late (PG_REPLICA_URL, see
 * test/read-replica.test.ts). Issuing tickets marks their holder as having just written, so the holder
 * reads the primary and sees them at once; a user not marked reads the replica, which lags.
 */
describe.skipIf(!REPLICA)('my tickets read from the replica, except right after tickets changed', () => {
  let env: TestEnv;
  let t: TestApp;
  let replica: pg.Client;
  let service: TicketsService;
  let show: TestShowtime;
  let holder: TestUser;
  let quiet: TestUser;

  const ticketsOnReplica = async (userId: string): Promise<number> =>
    Number(
      (await replica.query<{ n: string }>('SELECT count(*) AS n FROM tickets WHERE user_id = $1', [userId]))
        .rows[0]!.n,
    );
  const myTickets = async (user: TestUser) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: user.headers })).json<unknown[]>();

  beforeAll(async () => {
    env = await createTestEnv();
    await waitFor('test database on the replica', async () => {
      const probe = new pg.Client({ connectionString: replicaUrl('postgres') });
      await probe.connect();
      try {
        const { rows } = await probe.query('SELECT 1 FROM pg_database WHERE datname = $1', [env.dbName]);
        return rows.length === 1;
      } finally {
        await probe.end();
      }
    });
    replica = new pg.Client({ connectionString: replicaUrl(env.dbName) });
    await replica.connect();
    t = await createTestApp(env, { DATABASE_REPLICA_URL: replicaUrl(env.dbName) });
    const c = t.container;
    // The consumer's service, as the worker builds it: same database, Redis and read routing.
    service = new TicketsService({
      ...c,
      repo: new TicketsRepository(),
      signer: TicketSigner.fromConfig(c.config),
      metrics: new Metrics('worker'),
    });
    show = await createShowtimeWithSeats(c, { rows: 1, seatsPerRow: 4 });
    [holder, quiet] = await Promise.all([createUser(c), createUser(c)]);
  });
  afterAll(async () => {
    await replica?.end();
    await t?.close();
    await env?.drop();
  });

  it('shows issued tickets to their holder at once; an unmarked reader gets the lagging replica', async () => {
    const [s1, s2, s3] = show.seats;
    const issued = await service.issue(
      parseEvent(
        'reservation.confirmed',
        envelope('reservation.confirmed', confirmedData(show, holder.id, [s1!, s2!])),
      ),
    );
    expect(issued.ticketIds).toHaveLength(2);
    // Tickets of another user written without a marker (as a lagging read would miss them).
    await t.container.db.transaction().execute(async (tx) => {
      const data = confirmedData(show, quiet.id, [s3!]);
      await new TicketsRepository().insertTicketsUnlessRevoked(tx, [
        {
          id: randomUUID(),
          reservation_id: data.reservationId,
          user_id: quiet.id,
          performance_id: show.performanceId,
          showtime_id: show.showtimeId,
          seat_id: s3!.id,
          section: s3!.section,
          row_label: s3!.row,
          number: s3!.number,
          grade: s3!.grade,
          price: s3!.price,
          code: 'not-scanned-in-this-test',
        },
      ]);
    });

    expect(await myTickets(holder)).toHaveLength(2);
    expect(await myTickets(quiet)).toHaveLength(0);
    // Checked after the reads above: the replica was still behind while they were answered.
    expect(await ticketsOnReplica(holder.id)).toBe(0);
    expect(await ticketsOnReplica(quiet.id)).toBe(0);

    await waitFor('tickets on the replica', async () => (await ticketsOnReplica(quiet.id)) === 1);
    expect(await myTickets(quiet)).toHaveLength(1);
  });
});
