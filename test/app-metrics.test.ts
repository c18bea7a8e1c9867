import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainer, type Container } from '../src/container.ts';
import { setupTestApp, type TestApp, type TestEnv } from './context.ts';
import { createShowtimeWithSeats, createUsers } from './factories.ts';

/** The value of one series in a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^(\w+)(?:\{([^}]*)\})? (\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k as string, v as string]),
    );
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return 0;
}

describe('module metrics move with the work they count', () => {
  let t: TestApp & { env: TestEnv };
  let worker: Container;
  const apiMetrics = async () => (await t.container.metrics.render()).body;
  const workerMetrics = async () => (await worker.metrics.render()).body;

  beforeAll(async () => {
    t = await setupTestApp();
    worker = await createContainer(t.env.config(), 'worker');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('exports per-showtime queue gauges from the worker, and the tick duration and admissions', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      queue: { enabled: true, admitPerSecond: 2, maxActive: 1000 },
    });
    const users = await createUsers(t.container, 5);
    for (const u of users) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/showtimes/${showtimeId}/queue`,
        headers: u.headers,
      });
      expect(res.statusCode).toBeLessThan(300);
    }
    const before = await workerMetrics();
    expect(sample(before, 'waiting_room_waiting', { showtime_id: showtimeId })).toBe(5);
    expect(sample(before, 'waiting_room_active', { showtime_id: showtimeId })).toBe(0);
    // API instances do not read the queues at scrape time.
    expect(await apiMetrics()).not.toContain('waiting_room_waiting{');

    // The first tick may already admit someone when the machine is slow (the rate clock runs from the
    // first entry): count what both ticks admitted.
    const admittedBy = (reports: Awaited<ReturnType<typeof worker.waitingRoom.ticker.tickOnce>>) =>
      reports.find((r) => r.showtimeId === showtimeId)?.admitted.length ?? 0;
    let admitted = admittedBy(await worker.waitingRoom.ticker.tickOnce());
    await new Promise((r) => setTimeout(r, 1_100));
    admitted += admittedBy(await worker.waitingRoom.ticker.tickOnce());
    expect(admitted).toBeGreaterThan(0);

    const after = await workerMetrics();
    expect(sample(after, 'waiting_room_waiting', { showtime_id: showtimeId })).toBe(5 - admitted);
    expect(sample(after, 'waiting_room_active', { showtime_id: showtimeId })).toBe(admitted);
    expect(sample(after, 'waiting_room_admissions_total')).toBe(admitted);
    expect(sample(after, 'waiting_room_tick_duration_seconds_count')).toBe(2);
  });

  it('counts catalogue cache lookups by cache, layer and result', async () => {
    const { performanceId, showtimeId } = await createShowtimeWithSeats(t.container);
    const count = async (cache: string, layer: string, result: string) =>
      sample(await apiMetrics(), 'cache_requests_total', { cache, layer, result });
    const lruHits = await count('performance', 'lru', 'hit');
    const redisMisses = await count('performance', 'redis', 'miss');
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/performances/${performanceId}` });
      expect(res.statusCode).toBe(200);
    }
    // First read: LRU miss, Redis miss (filled from PostgreSQL); second read: LRU hit.
    expect(await count('performance', 'lru', 'hit')).toBe(lruHits + 1);
    expect(await count('performance', 'redis', 'miss')).toBe(redisMisses + 1);

    const seatmapHits = await count('seatmap', 'lru', 'hit');
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}/seats` });
      expect(res.statusCode).toBe(200);
    }
    expect(await count('seatmap', 'lru', 'hit')).toBe(seatmapHits + 1);

    const searchMisses = await count('search', 'lru', 'miss');
    const searchHits = await count('search', 'lru', 'hit');
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/performances?q=metrics-probe` });
      expect(res.statusCode).toBe(200);
    }
    expect(await count('search', 'lru', 'miss')).toBe(searchMisses + 1);
    expect(await count('search', 'lru', 'hit')).toBe(searchHits + 1);
  });

  it('exports event-loop lag and database pool usage', async () => {
    const text = await apiMetrics();
    expect(text).toContain('# TYPE nodejs_eventloop_lag_p99_seconds gauge');
    expect(sample(text, 'db_pool_connections', { pool: 'primary', state: 'total' })).toBeGreaterThan(0);
  });
});
