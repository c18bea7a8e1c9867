import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  setupTestApp,
  withOwnMetrics,
  type TestApp,
  type TestEnv,
} from '../../../test/context.ts';
import { createUser, createUsers, type TestUser } from '../../../test/factories.ts';
import { createCatalogModule, type CatalogModule } from './index.ts';
import { flushCounts } from './view-flush.ts';
import { categoryId, createPerformance, createVenue } from '../../../test/catalog-fixtures.ts';

describe('views and rankings', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;
  let catalog: CatalogModule;
  let venueId: string;
  let musical: string;

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await createUser(t.container, { role: 'ADMIN' });
    catalog = createCatalogModule(withOwnMetrics(t.container));
    venueId = await createVenue(t.app, admin);
    musical = await categoryId(t);
  });
  afterAll(() => t.close());

  const view = (id: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}`, headers });
  const ranking = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/rankings/performances?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      rank: number;
      score: number;
      performance: { id: string; title: string; posterUrl: string };
    }[];
  };
  const viewCountInDb = async (id: string) =>
    (
      await sql<{ n: number }>`SELECT view_count AS n FROM performances WHERE id = ${id}`.execute(
        t.container.db,
      )
    ).rows[0]!.n;

  it('counts a view once per viewer per day: anonymous by client address, signed-in by user', async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical, title: '조회수 공연' });
    const anonymous = (remoteAddress: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}`, headers, remoteAddress });
    // 200 cookieless GETs from one address (and a fresh made-up cookie on some) are one viewer.
    for (let i = 0; i < 200; i++) {
      const res = await anonymous('198.51.100.7', i % 2 ? { cookie: `ct_vid=${randomUUID()}` } : {});
      expect(res.statusCode).toBe(200);
    }
    const daily = async () => {
      t.container.catalog.rankings.forget(); // computed rankings are cached for 2 s
      return (await ranking('by=views&period=daily&limit=100')).find((e) => e.performance.id === id)?.score;
    };
    expect(await daily()).toBe(1);
    // A second address is a second viewer; the same IPv6 /64 is still one.
    await anonymous('198.51.100.8');
    await anonymous('2001:db8:7:7::1');
    await anonymous('2001:db8:7:7::2');
    expect(await daily()).toBe(3);
    const user = await createUser(t.container);
    await view(id, user.headers);
    await view(id, user.headers);
    expect(await daily()).toBe(4);
  });

  it('counts at most VIEW_COUNT_PER_ADDRESS_PER_MINUTE performances per anonymous address per minute', async () => {
    const limit = { VIEW_COUNT_PER_ADDRESS_PER_MINUTE: '3' };
    const [limited, second] = [await createTestApp(t.env, limit), await createTestApp(t.env, limit)];
    const total = async () => {
      t.container.catalog.rankings.forget(); // computed rankings are cached for 2 s
      const top = await ranking('by=views&period=daily&limit=100');
      return top.filter((e) => ids.includes(e.performance.id)).reduce((n, e) => n + e.score, 0);
    };
    let ids: string[] = [];
    try {
      ids = await Promise.all(
        ['가', '나', '다', '라', '마'].map((x) =>
          createPerformance(t.app, admin, { venueId, categoryId: musical, title: `주소 제한 ${x}` }),
        ),
      );
      const minuteAtStart = Math.floor(Date.now() / 60_000);
      for (const id of ids) {
        const res = await limited.app.inject({
          method: 'GET',
          url: `/api/v1/performances/${id}`,
          remoteAddress: '203.0.113.50',
        });
        expect(res.statusCode).toBe(200);
      }
      await limited.container.catalog.rankings.flushViews();
      // Another instance (its own process budget) is held by the shared limit in Redis.
      for (const id of ids)
        await second.app.inject({
          method: 'GET',
          url: `/api/v1/performances/${id}`,
          remoteAddress: '203.0.113.50',
        });
      await second.container.catalog.rankings.flushViews();
      const sameMinute = Math.floor(Date.now() / 60_000) === minuteAtStart;
      const counted = await total();
      // Crossing a minute boundary mid-test opens a second minute's budget.
      if (sameMinute) expect(counted).toBe(3);
      else expect(counted).toBeLessThanOrEqual(6);
      // A signed-in user is not held by the address limit.
      const user = await createUser(t.container);
      for (const id of ids) await view(id, user.headers);
      expect(await total()).toBe(counted + 5);
    } finally {
      await limited.close();
      await second.close();
    }
  });

  it('ranks by views over realtime, daily and weekly windows, hiding deleted performances', async () => {
    const ids = await Promise.all(
      ['많이 본 공연', '덜 본 공연', '중간 공연', '삭제될 공연'].map((title) =>
        createPerformance(t.app, admin, { venueId, categoryId: musical, title }),
      ),
    );
    const viewers = await createUsers(t.container, 12);
    const plan = [5, 1, 3, 9]; // distinct viewers per performance
    for (const [i, id] of ids.entries()) {
      for (const v of viewers.slice(0, plan[i])) await view(id, v.headers);
    }
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/performances/${ids[3]}`,
      headers: admin.headers,
    });
    for (const period of ['realtime', 'daily', 'weekly']) {
      const top = (await ranking(`by=views&period=${period}&limit=100`)).filter((e) =>
        ids.includes(e.performance.id),
      );
      expect(top.map((e) => [e.performance.id, e.score])).toEqual([
        [ids[0], 5],
        [ids[2], 3],
        [ids[1], 1],
      ]);
    }
    const limited = await ranking('by=views&period=daily&limit=2');
    expect(limited.map((e) => e.rank)).toEqual([1, 2]);
    expect(limited[0]!.performance.posterUrl).toMatch(/\.svg$/);
  });

  it('ranks by confirmed seats through the SalesRanking port, corrected by cancellations', async () => {
    const [a, b] = await Promise.all(
      ['매진 공연', '보통 공연'].map((title) =>
        createPerformance(t.app, admin, { venueId, categoryId: musical, title }),
      ),
    );
    await catalog.salesRanking.recordSales(a!, 2);
    await catalog.salesRanking.recordSales(b!, 4);
    await catalog.salesRanking.recordSales(a!, 6);
    await catalog.salesRanking.recordSales(b!, -1);
    const top = await ranking('by=sales&period=daily');
    expect(top.map((e) => [e.performance.id, e.score])).toEqual([
      [a, 8],
      [b, 3],
    ]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/rankings/performances?by=likes' })).statusCode,
    ).toBe(400);
  });

  it('writes counts to PostgreSQL exactly once with two workers running the flush job', async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical, title: '플러시 공연' });
    const workers = await Promise.all([
      createTestApp(t.env, { VIEW_FLUSH_INTERVAL_MS: '100' }, 'worker'),
      createTestApp(t.env, { VIEW_FLUSH_INTERVAL_MS: '100' }, 'worker'),
    ]);
    try {
      for (const w of workers) for (const job of w.container.background) await job.start();
      const viewers = await createUsers(t.container, 30);
      for (const [i, v] of viewers.entries()) {
        await view(id, v.headers);
        if (i % 10 === 9) await new Promise((r) => setTimeout(r, 150)); // let flushes interleave with views
      }
      const deadline = Date.now() + 5_000;
      while ((await viewCountInDb(id)) < 30 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      // Several more intervals: a double write would show up as more than 30.
      await new Promise((r) => setTimeout(r, 500));
      expect(await viewCountInDb(id)).toBe(30);
    } finally {
      for (const w of workers) for (const job of w.container.background) await job.stop();
      await Promise.all(workers.map((w) => w.close()));
    }
  });

  it('never applies a batch twice, even when flushers race without the lease', async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical, title: '경합 공연' });
    const before = await viewCountInDb(id);
    const viewers = await createUsers(t.container, 7);
    for (const v of viewers) await view(id, v.headers);
    // Views reach Redis in batches; send this instance's pending batch before flushing to PostgreSQL.
    await t.container.catalog.rankings.flushViews();
    await Promise.all(Array.from({ length: 6 }, () => flushCounts(t.container.redis, t.container.db)));
    await flushCounts(t.container.redis, t.container.db);
    expect((await viewCountInDb(id)) - before).toBe(7);
  });
});
