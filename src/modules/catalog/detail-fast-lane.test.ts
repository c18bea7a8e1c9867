import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { categoryId, createPerformance, createVenue } from '../../../test/catalog-fixtures.ts';
import {
  comparable,
  fromInject,
  fromSocket,
  UUID,
  type Answer,
  listenLocally,
} from '../../../test/fast-lane.ts';

/**
 * The cached performance detail answered by the fast lane (src/http/fast-lane.ts) over the socket,
 * against the route's own answer through `inject` (Fastify alone): same status, headers and body, the
 * view counted once per viewer as the route counts it.
 */
describe('the fast lane: a cached performance detail, answered before Fastify', () => {
  let t: TestApp & { env: TestEnv };
  let base: string;
  let admin: TestUser;
  let venueId: string;
  let musical: string;

  beforeAll(async () => {
    t = await setupTestApp();
    base = await listenLocally(t.app);
    admin = await createUser(t.container, { role: 'ADMIN' });
    venueId = await createVenue(t.app, admin);
    musical = await categoryId(t);
  });
  afterAll(async () => {
    t.app.server.closeAllConnections();
    await t.close();
  });

  const path = (id: string) => `/api/v1/performances/${id}`;
  const throughFastify = async (id: string, headers: Record<string, string> = {}): Promise<Answer> =>
    fromInject(await t.app.inject({ method: 'GET', url: path(id), headers }));
  const overSocket = async (id: string, headers: Record<string, string> = {}): Promise<Answer> =>
    fromSocket(await fetch(`${base}${path(id)}`, { headers }));
  /** Views of the day as the rankings count them (the batch sent first). */
  const dailyViews = async (id: string): Promise<number> => {
    await t.container.catalog.rankings.flushViews();
    t.container.catalog.rankings.forget();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/rankings/performances?by=views&period=daily&limit=100',
    });
    const found = (res.json() as { score: number; performance: { id: string } }[]).find(
      (e) => e.performance.id === id,
    );
    return found?.score ?? 0;
  };

  it('sends the route’s answer, anonymous and signed in, and counts the view as the route does', async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical, title: '빠른 길 공연' });
    const user = await createUser(t.container);
    const route = await throughFastify(id); // fills the cache; one view from 127.0.0.1
    expect(route.status).toBe(200);

    let before = t.app.fastLane.answered;
    const lane = await overSocket(id);
    expect(t.app.fastLane.answered - before).toBe(1);
    expect(lane.headers['x-request-id']).toMatch(UUID);
    expect(comparable(lane, ['x-request-id'])).toEqual(comparable(route, ['x-request-id']));
    // The same address: one viewer whichever way it came.
    expect(await dailyViews(id)).toBe(1);

    // A signed-in viewer seen only by the lane is counted, by user: a second viewer.
    const viewer = await createUser(t.container);
    before = t.app.fastLane.answered;
    await overSocket(id, viewer.headers);
    await overSocket(id, viewer.headers);
    expect(t.app.fastLane.answered - before).toBe(2);
    expect(await dailyViews(id)).toBe(2);

    before = t.app.fastLane.answered;
    const signedIn = await overSocket(id, user.headers);
    expect(t.app.fastLane.answered - before).toBe(1);
    expect(comparable(signedIn, ['x-request-id'])).toEqual(
      comparable(await throughFastify(id, user.headers), ['x-request-id']),
    );
    await overSocket(id, user.headers);
    expect(await dailyViews(id)).toBe(3);
  });

  it('leaves to Fastify what it cannot answer from the cache or a verified token', async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical, title: '느린 길 공연' });
    const draft = await createPerformance(t.app, admin, {
      venueId,
      categoryId: musical,
      title: '공개 전 공연',
      status: 'DRAFT',
    });
    const before = t.app.fastLane.answered;
    // Not cached yet: the route fills the cache.
    expect((await overSocket(id)).status).toBe(200);
    expect(t.app.fastLane.answered - before).toBe(0);
    // A token it cannot verify without a promise (here: no token at all of ours) goes to the route,
    // which treats an invalid token as anonymous.
    expect((await overSocket(id, { authorization: 'Bearer not-a-token' })).status).toBe(200);
    expect((await overSocket(id, { authorization: 'Basic eDp5' })).status).toBe(200);
    // A query string, an unknown id, a draft (only admins see it).
    expect((await fromSocket(await fetch(`${base}${path(id)}?x=1`))).status).toBe(200);
    expect((await overSocket('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    await throughFastify(draft, admin.headers);
    expect((await overSocket(draft)).status).toBe(404);
    expect((await overSocket(draft, admin.headers)).status).toBe(200);
    expect(t.app.fastLane.answered - before).toBe(0);
  });
});
