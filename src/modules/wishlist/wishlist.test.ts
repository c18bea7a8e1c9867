import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import { WishlistRepository } from './wishlist.repository.ts';
import { WishlistService } from './wishlist.service.ts';

describe('wishlist (찜)', () => {
  let t: TestApp & { env: TestEnv };
  let me: TestUser;
  let other: TestUser;
  let shows: string[];
  beforeAll(async () => {
    t = await setupTestApp();
    me = await createUser(t.container);
    other = await createUser(t.container);
    shows = [];
    for (let i = 0; i < 3; i++) shows.push((await createShowtimeWithSeats(t.container)).performanceId);
  });
  afterAll(() => t.close());

  const put = (who: TestUser | undefined, id: string) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/users/me/wishlist/${id}`, headers: who?.headers ?? {} });
  const del = (who: TestUser, id: string) =>
    t.app.inject({ method: 'DELETE', url: `/api/v1/users/me/wishlist/${id}`, headers: who.headers });
  const ids = async (who: TestUser) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/users/me/wishlist/ids', headers: who.headers })).json<
      string[]
    >();
  const list = (who: TestUser, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/users/me/wishlist${query}`, headers: who.headers });
  const rows = async (userId: string) =>
    Number(
      (
        await sql<{ n: string }>`SELECT count(*) AS n FROM wishes WHERE user_id = ${userId}`.execute(
          t.container.db,
        )
      ).rows[0]!.n,
    );

  it('adds and removes idempotently, and lists newest wish first as GET /performances items', async () => {
    const [a, b] = shows as [string, string];
    expect((await put(me, a)).statusCode).toBe(204);
    expect((await put(me, a)).statusCode).toBe(204);
    expect((await put(me, b)).statusCode).toBe(204);
    expect(await ids(me)).toEqual([b, a]);

    const page = await list(me, '?size=1');
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body).toMatchObject({ page: 1, size: 1, total: 2 });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([b]);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/performances?size=100' }))
      .json()
      .items.find((i: { id: string }) => i.id === b);
    expect(body.items[0]).toEqual(listed);

    expect((await del(me, b)).statusCode).toBe(204);
    expect((await del(me, b)).statusCode).toBe(204);
    expect(await ids(me)).toEqual([a]);
    expect((await del(me, a)).statusCode).toBe(204);
    expect(await ids(me)).toEqual([]);
    expect((await list(me)).json()).toMatchObject({ items: [], total: 0 });
  });

  it('shows each caller only their own list, and refuses anonymous callers', async () => {
    const [a, , c] = shows as [string, string, string];
    await put(me, a);
    await put(other, c);
    expect(await ids(me)).toEqual([a]);
    expect(await ids(other)).toEqual([c]);
    expect((await list(other)).json().items.map((i: { id: string }) => i.id)).toEqual([c]);
    expect((await put(undefined, a)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/me/wishlist/ids' })).statusCode).toBe(
      401,
    );
    await del(me, a);
    await del(other, c);
  });

  it('answers 404 PERFORMANCE_NOT_FOUND for an unknown performance, on PUT and DELETE', async () => {
    const unknown = randomUUID();
    for (const res of [await put(me, unknown), await del(me, unknown)]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'PERFORMANCE_NOT_FOUND' });
    }
    expect(await rows(me.id)).toBe(0);
  });

  it('keeps one row when the same PUT arrives many times at once', async () => {
    const [a] = shows as [string];
    const answers = await Promise.all(Array.from({ length: 12 }, () => put(me, a)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(12).fill(204));
    expect(await rows(me.id)).toBe(1);
    await del(me, a);
  });

  it('refuses a wish past the cap with 409 WISHLIST_FULL, also when the adds race', async () => {
    const capped = new WishlistService({
      db: t.container.db,
      readRouting: t.container.readRouting,
      repo: new WishlistRepository(),
      performances: { isListed: async () => true, summaries: async () => [] },
      clock: t.container.clock,
      limit: 2,
    });
    const user = await createUser(t.container);
    const outcomes = await Promise.allSettled(shows.map((id) => capped.add(user.id, id)));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'WISHLIST_FULL',
      status: 409,
    });
    expect(await rows(user.id)).toBe(2);
    // A wish already held is no new row: repeating it at the cap still succeeds.
    const held = (await capped.ids(user.id))[0]!;
    await expect(capped.add(user.id, held)).resolves.toBeUndefined();
  });

  it('puts wishCount in the detail, changed once the cached detail is refilled', async () => {
    const [a] = shows as [string];
    const detail = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/performances/${a}` })).json<{ wishCount: number }>();
    // Other tests here may have left wishes for it: count from what the detail shows now.
    await t.container.catalog.admin.updatePerformance(a, { runningMinutes: 149 });
    const before = (await detail()).wishCount;
    await put(me, a);
    await put(other, a);
    // Cached for everyone: the count is as old as the entry until it is refilled.
    expect((await detail()).wishCount).toBe(before);
    await t.container.catalog.admin.updatePerformance(a, { runningMinutes: 150 });
    expect((await detail()).wishCount).toBe(before + 2);
    await del(other, a);
    await t.container.catalog.admin.updatePerformance(a, { runningMinutes: 151 });
    expect((await detail()).wishCount).toBe(before + 1);
  });
});
