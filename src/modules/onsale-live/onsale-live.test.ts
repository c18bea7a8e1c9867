import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser, createUsers, type TestUser } from '../../../test/factories.ts';
import { OnsaleLiveRepository, SERIES_LENGTH } from './onsale-live.repository.ts';

describe('GET /admin/showtimes/{id}/live', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;
  beforeAll(async () => {
    t = await setupTestApp();
    admin = await createUser(t.container, { role: 'ADMIN' });
  });
  afterAll(() => t.close());

  const live = (id: string, headers = admin.headers) =>
    t.app.inject({ method: 'GET', url: `/api/v1/admin/showtimes/${id}/live`, headers });
  const sell = async (showtimeId: string, count: number) => {
    await sql`UPDATE seats SET status = 'SOLD' WHERE id IN (
                SELECT id FROM seats WHERE showtime_id = ${showtimeId} AND status = 'AVAILABLE' LIMIT ${count})`.execute(
      t.container.db,
    );
  };

  it('is for admins only, and answers 404 for an unknown showtime and 400 for a bad id', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container);
    const user = await createUser(t.container);
    expect((await live(showtimeId, user.headers)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/admin/showtimes/${showtimeId}/live` })).statusCode,
    ).toBe(401);
    const missing = await live(randomUUID());
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('SHOWTIME_NOT_FOUND');
    const bad = await live('not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('shows the line, admissions, sold seats and their revenue', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      price: 55_000,
      queue: { enabled: true, admitPerSecond: 1, maxActive: 1000 },
    });
    const users = await createUsers(t.container, 4);
    for (const u of users) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/showtimes/${showtimeId}/queue`,
        headers: u.headers,
      });
      expect(res.statusCode).toBeLessThan(300);
    }
    await sell(showtimeId, 3);

    const before = (await live(showtimeId)).json();
    expect(before).toMatchObject({ showtimeId, waiting: 4, active: 0, held: 0, sold: 3, revenue: 165_000 });

    await t.container.waitingRoom.ticker.tickOnce();
    await new Promise((r) => setTimeout(r, 1_100));
    await t.container.waitingRoom.ticker.tickOnce();
    const after = (await live(showtimeId)).json();
    expect(after.active).toBeGreaterThan(0);
    expect(after.waiting + after.active).toBe(4);
  });

  it('keeps a series sampled for queued and watched showtimes, oldest first', async () => {
    const queued = await createShowtimeWithSeats(t.container, {
      queue: { enabled: true, admitPerSecond: 1 },
    });
    const watched = await createShowtimeWithSeats(t.container, { price: 10_000 });
    const idle = await createShowtimeWithSeats(t.container);
    const [u] = await createUsers(t.container, 1);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${queued.showtimeId}/queue`,
      headers: u!.headers,
    });
    expect((await live(watched.showtimeId)).json().series).toEqual([]);

    const service = t.container.onsaleLive.service;
    await service.sampleAll();
    await sell(watched.showtimeId, 2);
    await service.sampleAll();

    const w = (await live(watched.showtimeId)).json();
    expect(w.series).toHaveLength(2);
    expect(w.series.map((p: { sold: number }) => p.sold)).toEqual([0, 2]);
    expect(w.series[1]).toMatchObject({ waiting: 0, active: 0, sold: 2, revenue: 20_000 });
    expect(Date.parse(w.series[1].t)).toBeGreaterThanOrEqual(Date.parse(w.series[0].t));

    const q = (await live(queued.showtimeId)).json();
    expect(q.series).toHaveLength(2);
    expect(q.series[0]).toMatchObject({ waiting: 1, sold: 0 });
    // Neither queued nor watched: not sampled.
    expect((await live(idle.showtimeId)).json().series).toEqual([]);
  });

  it('caps the series', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container);
    const repo = new OnsaleLiveRepository(t.container.redis);
    for (let i = 0; i < SERIES_LENGTH + 5; i++) {
      await repo.append(showtimeId, {
        t: new Date().toISOString(),
        waiting: i,
        active: 0,
        sold: 0,
        revenue: 0,
      });
    }
    const series = (await live(showtimeId)).json().series as { waiting: number }[];
    expect(series).toHaveLength(SERIES_LENGTH);
    expect(series[0]!.waiting).toBe(5);
    expect(series.at(-1)!.waiting).toBe(SERIES_LENGTH + 4);
  });
});
