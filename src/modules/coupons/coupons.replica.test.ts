import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLICA, replicaUrl, waitFor } from '../../../test/replica.ts';
import pg from 'pg';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { createCoupon, issue } from '../../../test/coupons.ts';

/**
 * Read-your-writes for coupons over a real streaming replica that applies WAL 2 seconds late
 * (`bash scripts/pg-replica.sh start --apply-delay 2s`, then PG_REPLICA_URL=postgres://…:5433/postgres).
 * A user who just got a copy sees it at once in "my coupons"; every other reader is served by the
 * replica, which has not applied the write yet.
 */
describe.skipIf(!REPLICA)('coupons read from the replica, except right after the reader wrote', () => {
  let env: TestEnv;
  let t: TestApp;
  let replica: pg.Client;
  let admin: TestUser;
  let otherAdmin: TestUser;
  let alice: TestUser;
  let bob: TestUser;

  /** Counts on the replica itself: proof that it still lags at the moment of the assertions. */
  const onReplica = async (query: string, params: unknown[]): Promise<number> =>
    Number((await replica.query<{ n: string }>(query, params)).rows[0]!.n);
  const copiesOnReplica = (couponId: string, userId: string) =>
    onReplica('SELECT count(*) AS n FROM user_coupons WHERE coupon_id = $1 AND user_id = $2', [
      couponId,
      userId,
    ]);
  const couponOnReplica = (couponId: string) =>
    onReplica('SELECT count(*) AS n FROM coupons WHERE id = $1', [couponId]);

  const get = (url: string, who?: TestUser) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who?.headers ?? {} });
  const myCouponIds = async (who: TestUser) =>
    (await get('/users/me/coupons', who)).json<{ coupon: { id: string } }[]>().map((c) => c.coupon.id);
  const issuableIds = async (who?: TestUser) =>
    (await get('/coupons', who)).json<{ id: string }[]>().map((c) => c.id);
  const issuedCount = async (who: TestUser, couponId: string) =>
    (await get('/admin/coupons?size=100', who))
      .json<{ items: { id: string; issued: number }[] }>()
      .items.find((c) => c.id === couponId)?.issued;

  beforeAll(async () => {
    env = await createTestEnv();
    // The replica mirrors the whole cluster: the freshly cloned test database reaches it after the delay.
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
    [admin, otherAdmin, alice, bob] = await Promise.all([
      createUser(t.container, { role: 'ADMIN' }),
      createUser(t.container, { role: 'ADMIN' }),
      createUser(t.container),
      createUser(t.container),
    ]);
  });
  afterAll(async () => {
    await replica?.end();
    await t?.close();
    await env?.drop();
  });

  it('reads a replica that really lags (the delay this test relies on)', async () => {
    const { rows } = await replica.query<{ delay: string; recovering: boolean }>(
      "SELECT current_setting('recovery_min_apply_delay') AS delay, pg_is_in_recovery() AS recovering",
    );
    expect(rows[0]?.recovering).toBe(true);
    expect(rows[0]?.delay).not.toBe('0');
    expect(t.container.readDb).not.toBe(t.container.db);
  });

  it('shows a user the coupon they just got, while others still read the lagging replica', async () => {
    const couponId = await createCoupon(t.app, admin, { stock: 10 });
    await waitFor('coupon on the replica', async () => (await couponOnReplica(couponId)) === 1);

    expect((await issue(t.app, alice, couponId)).statusCode).toBe(201);

    // Alice just wrote: her list comes from the primary.
    expect(await myCouponIds(alice)).toContain(couponId);
    // Anyone else who did not write reads the replica: it has not applied the issuance yet.
    expect(await issuedCount(otherAdmin, couponId)).toBe(0);
    expect(await t.container.readRouting.readDbFor(bob.id)).toBe(t.container.readDb);
    expect(await t.container.readRouting.readDbFor(alice.id)).toBe(t.container.db);
    // Checked after the reads above: the replica was still behind while they were answered.
    expect(await copiesOnReplica(couponId, alice.id)).toBe(0);

    // And it does catch up: a real replica, not another database.
    await waitFor('issuance on the replica', async () => (await copiesOnReplica(couponId, alice.id)) === 1);
    expect(await issuedCount(otherAdmin, couponId)).toBe(1);
  });

  it('lists a new coupon at once to the admin who created it, not yet to anonymous readers', async () => {
    const couponId = await createCoupon(t.app, admin, { stock: 5 });

    expect(await issuableIds(admin)).toContain(couponId);
    expect(await issuableIds()).not.toContain(couponId);
    expect(await issuableIds(bob)).not.toContain(couponId);
    expect(await couponOnReplica(couponId)).toBe(0);

    await waitFor('coupon on the replica', async () => (await couponOnReplica(couponId)) === 1);
    // The list is cached for a second per database; past that the replica's answer has it too.
    await waitFor('coupon in the anonymous list', async () => (await issuableIds()).includes(couponId));
  });
});
