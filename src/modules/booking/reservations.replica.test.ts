import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLICA, replicaUrl, waitFor } from '../../../test/replica.ts';
import pg from 'pg';
import { markerKey } from '../../infra/read-routing.ts';
import { createTestApp, type TestApp } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { hold, reserve, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';

/**
 * "My reservations" over a real streaming replica that applies WAL two seconds late
 * (`bash scripts/pg-replica.sh start --apply-delay 2s`, then PG_REPLICA_URL=postgres://…:5433/postgres),
 * as in test/read-replica.test.ts.
 */
describe.skipIf(!REPLICA)('my reservations read my own writes while the replica lags', () => {
  let h: CheckoutHarness;
  let t: TestApp;

  beforeAll(async () => {
    h = await setupCheckout();
    // The replica mirrors the whole cluster: the cloned test database reaches it after the delay.
    await waitFor('test database on the replica', async () => {
      const client = new pg.Client({ connectionString: replicaUrl('postgres') });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [h.env.dbName]);
        return rows.length === 1;
      } finally {
        await client.end();
      }
    });
    t = await createTestApp(h.env, { ...h.overrides, DATABASE_REPLICA_URL: replicaUrl(h.env.dbName) });
    expect(t.container.readRouting.hasReplica).toBe(true);
  });
  afterAll(async () => {
    await t?.close();
    await h?.close();
  });

  it('a user who just reserved sees the reservation at once; the replica has not applied it yet', async () => {
    const { app, container } = t;
    const st = await createShowtimeWithSeats(container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(container);
    const held = await hold(app, user, st.showtimeId, [st.seats[0]!.id]);
    expect(held.statusCode).toBe(201);
    const created = await reserve(app, user, held.json().id);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    const mine = () => app.inject({ method: 'GET', url: '/api/v1/reservations', headers: user.headers });
    const detail = () =>
      app.inject({ method: 'GET', url: `/api/v1/reservations/${id}`, headers: user.headers });
    // The writer reads the primary: the list and the detail show the reservation immediately.
    const list = await mine();
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(list.json().items[0].seats.map((s: { id: string }) => s.id)).toEqual([st.seats[0]!.id]);
    expect((await detail()).statusCode).toBe(200);

    // Without the marker the same reads go to the replica, which is still two seconds behind.
    await container.redis.del(markerKey(user.id));
    expect((await mine()).json().items).toEqual([]);
    expect((await detail()).statusCode).toBe(404);

    // And it is a real replica: it catches up.
    await waitFor('replica to apply the reservation', async () => (await mine()).json().items.length === 1);
  });
});
