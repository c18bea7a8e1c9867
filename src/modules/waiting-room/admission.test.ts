import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers } from '../../../test/factories.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('admission ticker', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const room = () => t.container.waitingRoom;
  const queued = async (q: { admitPerSecond: number; maxActive: number; sessionSeconds?: number }) =>
    (await createShowtimeWithSeats(t.container, { queue: { enabled: true, ...q } })).showtimeId;
  const fill = async (showtimeId: string, count: number): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const id of ids) await room().repository.enter(showtimeId, id, 0);
    return ids;
  };
  const tick = async (showtimeId: string) => {
    const reports = await room().ticker.tickOnce();
    return reports.find((r) => r.showtimeId === showtimeId) ?? { admitted: [] as string[], now: 0 };
  };

  it('admits admitPerSecond (±5%) over 10 s when the worker job runs', async () => {
    const showtimeId = await queued({ admitPerSecond: 20, maxActive: 100_000 });
    const users = await fill(showtimeId, 400);
    const job = room().background[0]!;
    await job.start();
    try {
      while ((await room().repository.admissionStats(showtimeId)).total === 0) await sleep(50);
      const from = await room().repository.admissionStats(showtimeId);
      await sleep(10_000);
      const to = await room().repository.admissionStats(showtimeId);
      const seconds = (to.lastTickMs - from.lastTickMs) / 1000;
      expect(seconds).toBeGreaterThan(8.5);
      const rate = (to.total - from.total) / seconds;
      expect(rate).toBeGreaterThanOrEqual(19);
      expect(rate).toBeLessThanOrEqual(21);
    } finally {
      await job.stop();
    }
    // The wait estimate follows the measured rate (about 20 per second here).
    const last = await room().service.status(showtimeId, users[399]!);
    expect(last.status).toBe('WAITING');
    expect(last.estimatedWaitSeconds).toBeGreaterThanOrEqual(Math.floor(last.position! / 22));
    expect(last.estimatedWaitSeconds).toBeLessThanOrEqual(Math.ceil(last.position! / 18));
  }, 30_000);

  it('measures the rate from the first tick, even a tick too short to admit anyone', async () => {
    const showtimeId = await queued({ admitPerSecond: 20, maxActive: 100_000 });
    const [first] = await fill(showtimeId, 1);
    // Milliseconds after the line opened: 20/s owes a fraction of one admission, so nobody is admitted.
    expect((await tick(showtimeId)).admitted).toEqual([]);
    const users = [first!, ...(await fill(showtimeId, 99))];
    await sleep(1_000);
    expect((await tick(showtimeId)).admitted.length).toBeGreaterThanOrEqual(19);
    const last = await room().service.status(showtimeId, users[99]!);
    expect(last.status).toBe('WAITING');
    expect(last.estimatedWaitSeconds).toBeGreaterThanOrEqual(Math.floor(last.position! / 21));
    expect(last.estimatedWaitSeconds).toBeLessThanOrEqual(Math.ceil(last.position! / 19));
  });

  it('catches up after a late tick instead of drifting', async () => {
    const showtimeId = await queued({ admitPerSecond: 10, maxActive: 100_000 });
    await fill(showtimeId, 100);
    const first = await tick(showtimeId);
    await sleep(2_500);
    const late = await tick(showtimeId);
    const owed = ((late.now - first.now) * 10) / 1000;
    expect(late.admitted.length).toBeGreaterThanOrEqual(Math.floor(owed));
    expect(late.admitted.length).toBeLessThanOrEqual(Math.floor(owed) + 1);
    expect(late.admitted.length).toBeGreaterThanOrEqual(25);
  });

  it('never exceeds maxActive; a finished or left session frees one slot for the next in line', async () => {
    const showtimeId = await queued({ admitPerSecond: 50, maxActive: 5 });
    const users = await createUsers(t.container, 12);
    for (const u of users) await room().repository.enter(showtimeId, u.id, 0);
    await sleep(300);
    expect((await tick(showtimeId)).admitted).toEqual(users.slice(0, 5).map((u) => u.id));
    await sleep(300);
    expect((await tick(showtimeId)).admitted).toEqual([]);
    expect(await room().repository.activeCount(showtimeId)).toBe(5);

    // Purchase completed: checkout releases the session through the gate.
    await room().gate.release(showtimeId, users[2]!.id);
    await sleep(100);
    expect((await tick(showtimeId)).admitted).toEqual([users[5]!.id]);

    // The user leaves over HTTP.
    const left = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/showtimes/${showtimeId}/queue`,
      headers: users[0]!.headers,
    });
    expect(left.statusCode).toBe(204);
    await sleep(100);
    expect((await tick(showtimeId)).admitted).toEqual([users[6]!.id]);
    expect(await room().repository.activeCount(showtimeId)).toBe(5);
  });

  it('frees the slot of an expired session for the next in line', async () => {
    const showtimeId = await queued({ admitPerSecond: 50, maxActive: 2, sessionSeconds: 2 });
    const users = await fill(showtimeId, 4);
    await sleep(200);
    expect((await tick(showtimeId)).admitted).toEqual(users.slice(0, 2));
    await sleep(300);
    expect((await tick(showtimeId)).admitted).toEqual([]);
    await sleep(1_900);
    expect((await tick(showtimeId)).admitted).toEqual(users.slice(2, 4));
    expect((await room().repository.status(showtimeId, users[0]!)).status).toBe('NONE');
  });

  it('estimates the wait from the measured admission rate, not the configured one', async () => {
    // Two slots of one second each: about 2 admissions per second, though 50 are allowed.
    const showtimeId = await queued({ admitPerSecond: 50, maxActive: 2, sessionSeconds: 1 });
    const users = await fill(showtimeId, 40);
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      await sleep(250);
      await tick(showtimeId);
    }
    const last = await room().service.status(showtimeId, users[39]!);
    expect(last.status).toBe('WAITING');
    expect(last.position).toBeGreaterThan(25);
    // The configured rate would say position / 50 ≈ 1 s.
    expect(last.estimatedWaitSeconds).toBeGreaterThanOrEqual(last.position! / 10);
  });

  it('admits nobody twice and keeps the rate with two workers ticking at once', async () => {
    const showtimeId = await queued({ admitPerSecond: 40, maxActive: 100_000 });
    const users = await fill(showtimeId, 300);
    const start = await room().repository.admissionStats(showtimeId);
    const other = await createTestApp(t.env);
    const workers = [t.container, other.container];
    for (const c of workers) await c.waitingRoom.background[0]!.start();
    const seen: string[] = [];
    try {
      // Besides the two leased jobs, both processes also race the script directly.
      const until = Date.now() + 3_000;
      await Promise.all(
        workers.map(async (c) => {
          while (Date.now() < until) {
            for (const r of await c.waitingRoom.ticker.tickOnce()) {
              if (r.showtimeId === showtimeId) seen.push(...r.admitted);
            }
            await sleep(37);
          }
        }),
      );
    } finally {
      for (const c of workers) await c.waitingRoom.background[0]!.stop();
      await other.close();
    }
    expect(new Set(seen).size).toBe(seen.length);
    const end = await room().repository.admissionStats(showtimeId);
    // Each admission was counted once: the active set holds exactly as many users as were admitted.
    expect(await room().repository.activeCount(showtimeId)).toBe(end.total);
    // Two tickers did not double the rate: admissions follow the one clock stored per showtime.
    const owed = ((end.lastTickMs - start.lastTickMs) * 40) / 1000;
    expect(end.total).toBeLessThanOrEqual(Math.floor(owed) + 1);
    expect(end.total).toBeGreaterThanOrEqual(Math.floor(owed) - 1);
    // And in arrival order.
    const admittedInOrder = users.slice(0, end.total);
    for (const id of admittedInOrder)
      expect((await room().repository.status(showtimeId, id)).status).toBe('ADMITTED');
  });
});
