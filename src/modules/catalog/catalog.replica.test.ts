import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { createPerformance, createVenue } from '../../../test/catalog-fixtures.ts';
import { databaseOnReplica, onReplica, REPLICA, replicaUrl, waitFor } from '../../../test/replica.ts';
import { markerKey } from '../../infra/read-routing.ts';
import { ensureCategories } from '../../seed.ts';

/**
 * The catalogue over a real streaming replica that applies WAL 2 s late (CI starts it and exports
 * PG_REPLICA_URL): anonymous reads go to the replica, yet an admin's edit is what readers get at once.
 */
describe.skipIf(!REPLICA)('catalogue reads over a lagging replica', () => {
  let env: TestEnv;
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;
  let otherAdmin: TestUser;
  let venueId: string;
  let musical: string;

  const onReplicaDb = <T>(query: string, params: unknown[] = []) => onReplica<T>(env.dbName, query, params);
  const replicaTitle = async (id: string): Promise<string | undefined> =>
    (await onReplicaDb<{ title: string }>('SELECT title FROM performances WHERE id = $1', [id]))[0]?.title;
  const title = async (t: TestApp, id: string, headers: Record<string, string> = {}): Promise<unknown> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}`, headers });
    return res.statusCode === 200 ? res.json().title : res.statusCode;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    await databaseOnReplica(env.dbName);
    const overrides = { DATABASE_REPLICA_URL: replicaUrl(env.dbName) };
    // Two API instances: the edit goes through one, readers come through the other as well.
    a = await createTestApp(env, overrides);
    b = await createTestApp(env, overrides);
    expect(a.container.readRouting.hasReplica).toBe(true);
    admin = await createUser(a.container, { role: 'ADMIN' });
    otherAdmin = await createUser(a.container, { role: 'ADMIN' });
    await ensureCategories(a.container);
    // Anonymous reads see the categories once the replica has them.
    await waitFor('categories on the replica', async () => {
      const res = await a.app.inject({ method: 'GET', url: '/api/v1/categories' });
      musical = (res.json() as { id: string; slug: string }[]).find((c) => c.slug === 'musical')?.id ?? '';
      return musical !== '';
    });
    venueId = await createVenue(a.app, admin);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await env?.drop();
  });

  it('reads a replica that really lags', async () => {
    const [row] = await onReplicaDb<{ delay: string; recovering: boolean }>(
      "SELECT current_setting('recovery_min_apply_delay') AS delay, pg_is_in_recovery() AS recovering",
    );
    expect(row?.recovering).toBe(true);
    expect(row?.delay).not.toBe('0');
  });

  it('after an admin edits a title, anonymous readers get the new title at once and keep getting it', async () => {
    const id = await createPerformance(a.app, admin, {
      venueId,
      categoryId: musical,
      title: '오페라의 유령',
    });
    await waitFor('the performance on the replica', async () => (await replicaTitle(id)) === '오페라의 유령');
    // Every layer warm on both instances, filled from the replica.
    expect(await title(a, id)).toBe('오페라의 유령');
    expect(await title(b, id)).toBe('오페라의 유령');
    // As if the admin's earlier write were long ago: their own reads are no longer sent to the primary,
    // so only the cache's refill rule can keep the old row out.
    await a.container.redis.del(markerKey(admin.id));

    const patched = await a.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${id}`,
      headers: admin.headers,
      payload: { title: '오페라의 유령 25주년' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().title).toBe('오페라의 유령 25주년');
    // The replica has not applied the edit: a refill from it would cache the old title for 5 minutes.
    expect(await replicaTitle(id)).toBe('오페라의 유령');

    expect(await title(b, id)).toBe('오페라의 유령 25주년');
    expect(await title(a, id)).toBe('오페라의 유령 25주년');
    const list = await b.app.inject({ method: 'GET', url: '/api/v1/performances?q=25주년' });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
    // And keeps returning it, while the replica catches up and after: Redis holds the new row.
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 300));
      expect(await title(b, id)).toBe('오페라의 유령 25주년');
    }
    expect(await a.container.redis.get(`perf:{pf:${id}}:detail:v2`)).toContain('오페라의 유령 25주년');
    await waitFor('the edit on the replica', async () => (await replicaTitle(id)) === '오페라의 유령 25주년');
  });

  it('sends the admin who just wrote to the primary, and other readers to the replica', async () => {
    const created = await a.app.inject({
      method: 'POST',
      url: '/api/v1/admin/venues',
      headers: admin.headers,
      payload: {
        name: '세종문화회관 대극장',
        address: '서울 종로구 세종대로 175',
        sections: [{ name: '1층', grade: 'R', rows: 2, seatsPerRow: 10 }],
      },
    });
    expect(created.statusCode).toBe(201);
    const venue = created.json().id as string;
    expect(await a.container.redis.exists(markerKey(admin.id))).toBe(1);
    const venuesAs = async (user: TestUser): Promise<string[]> => {
      const res = await b.app.inject({ method: 'GET', url: '/api/v1/admin/venues', headers: user.headers });
      expect(res.statusCode).toBe(200);
      return res.json().map((v: { id: string }) => v.id);
    };

    // The writer reads the primary (on any instance); another admin reads the replica, which lags.
    expect(await venuesAs(admin)).toContain(venue);
    expect(await venuesAs(otherAdmin)).not.toContain(venue);
    expect(await onReplicaDb('SELECT 1 FROM venues WHERE id = $1', [venue])).toEqual([]);
    await waitFor('the venue on the replica', async () => (await venuesAs(otherAdmin)).includes(venue));
  });

  it('a search right after an admin creates a performance finds it, for the admin and anonymously', async () => {
    const id = await createPerformance(a.app, admin, {
      venueId,
      categoryId: musical,
      title: '지킬 앤 하이드',
    });
    expect(await replicaTitle(id)).toBeUndefined();
    const url = `/api/v1/performances?q=${encodeURIComponent('지킬')}`;
    const asAdmin = await b.app.inject({ method: 'GET', url, headers: admin.headers });
    expect(asAdmin.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
    const anonymous = await b.app.inject({ method: 'GET', url });
    expect(anonymous.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('anonymous reads pick the replica without a store call; a warm detail read touches no store', async () => {
    const id = await createPerformance(a.app, admin, { venueId, categoryId: musical, title: '위키드' });
    expect(await title(b, id)).toBe('위키드'); // warms b's in-process cache
    await b.container.catalog.rankings.flushViews(); // the view counted above, sent now
    const redis = b.container.redis;
    const calls: string[] = [];
    // The reads a request would make: the marker (EXISTS) and the detail cache (GET/MGET). View counting
    // is batched off the request path and not watched here.
    const spies = (['exists', 'get', 'mget'] as const).map((name) => {
      const original = redis[name].bind(redis) as (...args: unknown[]) => unknown;
      const spy = vi.spyOn(redis, name).mockImplementation(((...args: unknown[]) => {
        calls.push(name);
        return original(...args);
      }) as never);
      return spy;
    });
    try {
      expect(await title(b, id)).toBe('위키드');
      const res = await b.app.inject({ method: 'GET', url: '/api/v1/categories' });
      expect(res.statusCode).toBe(200);
      expect(calls).toEqual([]);
      // A signed-in reader's lag-tolerant read asks for their marker (one EXISTS), a warm detail does not.
      expect(await title(b, id, otherAdmin.headers)).toBe('위키드');
      expect(calls).toEqual([]);
      await b.app.inject({ method: 'GET', url: '/api/v1/categories', headers: otherAdmin.headers });
      expect(calls).toEqual(['exists']);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
