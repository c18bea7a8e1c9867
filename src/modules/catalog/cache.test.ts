import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import {
  categoryId,
  createPerformance,
  createShowtime,
  createVenue,
  queryCount,
} from '../../../test/catalog-fixtures.ts';

/** Polls until `check` holds or the deadline passes; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe('catalogue caches across instances', () => {
  let env: TestEnv;
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;
  let venueId: string;
  let musical: string;

  beforeAll(async () => {
    env = await createTestEnv();
    a = await createTestApp(env);
    b = await createTestApp(env);
    admin = await createUser(a.container, { role: 'ADMIN' });
    venueId = await createVenue(a.app, admin);
    musical = await categoryId(a);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await env.drop();
  });

  const title = async (app: TestApp, id: string): Promise<string | number> => {
    const res = await app.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` });
    return res.statusCode === 200 ? (res.json().title as string) : res.statusCode;
  };

  it('an update through one instance is served by the other within 1 s', async () => {
    const id = await createPerformance(a.app, admin, {
      venueId,
      categoryId: musical,
      title: '오페라의 유령',
    });
    // Warm every layer on both instances.
    expect(await title(a, id)).toBe('오페라의 유령');
    expect(await title(b, id)).toBe('오페라의 유령');
    expect(await title(b, id)).toBe('오페라의 유령');

    const patched = await a.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${id}`,
      headers: admin.headers,
      payload: { title: '오페라의 유령 월드투어' },
    });
    expect(patched.statusCode).toBe(200);
    expect(await title(a, id)).toBe('오페라의 유령 월드투어');
    expect(await within(1_000, async () => (await title(b, id)) === '오페라의 유령 월드투어')).toBe(true);
  });

  it('200 concurrent cold reads of one performance reach the database exactly once', async () => {
    const id = await createPerformance(a.app, admin, { venueId, categoryId: musical, title: '캣츠' });
    // Drop what the create left in Redis and in b's process: b is cold for this id.
    await b.container.redis.del(`perf:{pf:${id}}:detail:v2`);
    const before = await queryCount(b.container);
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => b.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` })),
    );
    const after = await queryCount(b.container);
    expect(responses.every((r) => r.statusCode === 200 && r.json().title === '캣츠')).toBe(true);
    expect(after - before).toBe(1);
    // Warm reads do not touch the database at all.
    await Promise.all(
      Array.from({ length: 50 }, () => b.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` })),
    );
    expect(await queryCount(b.container)).toBe(after);
  });

  it('a deleted performance is 404 everywhere at once: detail, list, showtimes, seat map, poster', async () => {
    const id = await createPerformance(a.app, admin, {
      venueId,
      categoryId: musical,
      title: '지킬 앤 하이드',
    });
    const st = await createShowtime(a.app, admin, id);
    const urls = [
      `/api/v1/performances/${id}`,
      `/api/v1/performances/${id}/showtimes`,
      `/api/v1/showtimes/${st.id}/seats`,
      `/api/v1/posters/${id}.svg`,
    ];
    const search = `/api/v1/performances?q=${encodeURIComponent('지킬')}`;
    // Warm every cache on both instances.
    for (const app of [a, b]) {
      for (const url of urls) expect((await app.app.inject({ method: 'GET', url })).statusCode).toBe(200);
      expect((await app.app.inject({ method: 'GET', url: search })).json().total).toBe(1);
    }

    const del = await a.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/performances/${id}`,
      headers: admin.headers,
    });
    expect(del.statusCode).toBe(204);
    // The deleting instance answers 404 immediately, the other as soon as the message lands.
    for (const url of urls) expect((await a.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await a.app.inject({ method: 'GET', url: search })).json().total).toBe(0);
    const allGone = async (): Promise<boolean> => {
      for (const url of urls)
        if ((await b.app.inject({ method: 'GET', url })).statusCode !== 404) return false;
      return (await b.app.inject({ method: 'GET', url: search })).json().total === 0;
    };
    expect(await within(1_000, allGone)).toBe(true);
  });

  it('a repeated public search is served from the page cache; SEARCH_CACHE_MS=0 reads the database each time', async () => {
    await createPerformance(a.app, admin, { venueId, categoryId: musical, title: '노트르담 드 파리' });
    const search = `/api/v1/performances?q=${encodeURIComponent('노트르담')}`;
    const queriesOf = async (app: TestApp, times: number): Promise<number> => {
      const before = await queryCount(app.container);
      for (let i = 0; i < times; i++) {
        expect((await app.app.inject({ method: 'GET', url: search })).json().total).toBe(1);
      }
      return (await queryCount(app.container)) - before;
    };
    // On the instance that wrote it: another instance hears of the write through pub/sub, a moment later.
    const cached = await queriesOf(a, 3);
    // The database path (the in-process index answers without it: search-index.test.ts).
    const uncached = await createTestApp(env, { SEARCH_CACHE_MS: '0', SEARCH_INDEX: 'false' });
    try {
      // Its first search also reads the categories (genre words), once per minute.
      await uncached.app.inject({
        method: 'GET',
        url: `/api/v1/performances?q=${encodeURIComponent('파리')}`,
      });
      const perSearch = await queriesOf(uncached, 1);
      expect(perSearch).toBeGreaterThan(0);
      expect(cached).toBe(perSearch);
      expect(await queriesOf(uncached, 3)).toBe(3 * perSearch);
    } finally {
      await uncached.close();
    }
  });
});
