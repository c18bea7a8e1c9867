import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers, type TestUser } from '../../../test/factories.ts';
import { queueKeys } from './keys.ts';
import type { QueueView } from './waiting-room.service.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waiting room: opening time and the draw of early entrants', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const room = () => t.container.waitingRoom;
  const url = (showtimeId: string) => `/api/v1/showtimes/${showtimeId}/queue`;
  const enter = (showtimeId: string, user: TestUser) =>
    t.app.inject({ method: 'POST', url: url(showtimeId), headers: user.headers });
  const poll = async (showtimeId: string, user: TestUser) =>
    (await t.app.inject({ method: 'GET', url: url(showtimeId), headers: user.headers })).json() as QueueView;
  /** A queued showtime whose sales open `inMs` from now. */
  const opening = async (inMs: number, q: { admitPerSecond?: number; opensBeforeMinutes?: number } = {}) => {
    const salesOpenAt = new Date(Date.now() + inMs);
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      salesOpenAt,
      queue: { enabled: true, admitPerSecond: q.admitPerSecond ?? 1, maxActive: 1000, ...q },
    });
    return { showtimeId, salesOpenAt };
  };
  /**
   * Opens sales now (whatever the clock says), for suites that must not depend on how long the early
   * entries took: moves sales_open_at to a second ago and returns an API instance whose settings cache
   * has not seen the old time (this file's instance keeps it for 2 s).
   */
  const openNow = async (showtimeId: string): Promise<TestApp> => {
    await sql`UPDATE showtimes SET sales_open_at = now() - interval '1 second' WHERE id = ${showtimeId}`.execute(
      t.container.db,
    );
    const opened = await createTestApp(t.env);
    apps.push(opened);
    return opened;
  };
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });
  /** The published rule, recomputed here: SHA-256 of "<seed>:<entry id>", ascending. */
  const expectedOrder = async (showtimeId: string): Promise<string[]> => {
    const record = await room().seeds.record(showtimeId);
    const entries = await room().repository.drawnEntries(showtimeId);
    const key = (userId: string) =>
      createHash('sha256')
        .update(`${record!.seed}:${room().entryIds.of(showtimeId, userId)}`)
        .digest('hex');
    return entries
      .map((e) => ({ userId: e.userId, seq: e.seq, key: key(e.userId) }))
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((e) => e.userId);
  };

  it('answers 409 QUEUE_NOT_OPEN with opensAt before the window, 30 minutes by default', async () => {
    const [user] = await createUsers(t.container, 1);
    const { showtimeId, salesOpenAt } = await opening(2 * 3600_000);
    const early = await enter(showtimeId, user!);
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json()).toMatchObject({
      code: 'QUEUE_NOT_OPEN',
      opensAt: new Date(salesOpenAt.getTime() - 30 * 60_000).toISOString(),
    });
    // Nothing was recorded: polling finds no entry.
    expect(
      (await t.app.inject({ method: 'GET', url: url(showtimeId), headers: user!.headers })).statusCode,
    ).toBe(404);

    // A showtime may open its room earlier: three hours ahead, the same distance is inside the window.
    const wide = await opening(2 * 3600_000, { opensBeforeMinutes: 180 });
    const inside = await enter(wide.showtimeId, user!);
    expect(inside.statusCode).toBe(200);
    expect(inside.json()).toMatchObject({
      status: 'WAITING',
      position: null,
      ahead: null,
      drawAt: wide.salesOpenAt.toISOString(),
    });
  });

  it('draws early entrants into a random order at the open; later arrivals follow in FIFO', async () => {
    const { showtimeId, salesOpenAt } = await opening(10 * 60_000);
    const early = await createUsers(t.container, 60);
    const late = await createUsers(t.container, 5);
    for (const user of early) {
      const res = await enter(showtimeId, user);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'WAITING',
        position: null,
        ahead: null,
        drawAt: salesOpenAt.toISOString(),
      });
    }
    // Re-entry keeps the entry in the draw; leaving takes it out.
    expect((await enter(showtimeId, early[3]!)).json()).toMatchObject({ position: null });
    const leaver = early.pop()!;
    await t.app.inject({ method: 'DELETE', url: url(showtimeId), headers: leaver.headers });
    // Before the open the ticker draws nothing and admits nobody.
    const before = await room().ticker.tickOnce();
    expect(before.find((r) => r.showtimeId === showtimeId)?.admitted ?? []).toEqual([]);
    expect((await poll(showtimeId, early[0]!)).position).toBeNull();
    expect(await room().seeds.record(showtimeId)).toMatchObject({ drawnAt: null });

    const opened = await openNow(showtimeId);
    const as = (user: TestUser, method: 'GET' | 'POST') =>
      opened.app.inject({ method, url: url(showtimeId), headers: user.headers });
    // Arrivals after the open, before the draw: behind every early entrant already.
    for (const [i, user] of late.entries()) {
      expect((await as(user, 'POST')).json()).toMatchObject({ position: 59 + i + 1, ahead: 59 + i });
    }
    // Nobody is admitted before the draw; the ticker draws at the open, then admits from the draw's head.
    const reports = (await opened.container.waitingRoom.ticker.tickOnce()).filter(
      (r) => r.showtimeId === showtimeId,
    );
    const admitted = reports.flatMap((r) => r.admitted);
    const record = await room().seeds.record(showtimeId);
    expect(record).toMatchObject({ earlyEntrants: 59, seed: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(record!.drawnAt).toBeInstanceOf(Date);

    // Everyone has a place: the order is admitted ones first, then by position.
    const views = new Map<string, QueueView>();
    for (const user of [...early, ...late]) views.set(user.id, (await as(user, 'GET')).json() as QueueView);
    const waiting = [...views.entries()]
      .filter(([, v]) => v.status === 'WAITING')
      .sort(([, a], [, b]) => a.position! - b.position!);
    expect(waiting.map(([, v]) => v.position)).toEqual(
      Array.from({ length: 64 - admitted.length }, (_, i) => i + 1),
    );
    const order = [...admitted, ...waiting.map(([id]) => id)];
    expect(order).toHaveLength(64);
    expect(new Set(order).size).toBe(64);

    // Early entrants: a permutation of the first 59 places, exactly the seed's order, not arrival order.
    expect(order.slice(0, 59)).toEqual(await expectedOrder(showtimeId));
    expect(new Set(order.slice(0, 59))).toEqual(new Set(early.map((u) => u.id)));
    expect(order.slice(0, 59)).not.toEqual(early.map((u) => u.id));
    expect(order).not.toContain(leaver.id);
    // Later arrivals: after all of them, in arrival order.
    expect(order.slice(59)).toEqual(late.map((u) => u.id));
    // Entering again after the draw keeps the drawn place.
    const [someoneId, someoneView] = waiting[10]!;
    const someone = [...early, ...late].find((u) => u.id === someoneId)!;
    expect((await as(someone, 'POST')).json().position).toBe(someoneView.position);
  });

  it('draws exactly once: two processes drawing at once and a ticker place everyone once', async () => {
    const { showtimeId } = await opening(10 * 60_000);
    const users = await createUsers(t.container, 30);
    for (const u of users) await enter(showtimeId, u);
    const [one, other] = [await openNow(showtimeId), await openNow(showtimeId)];
    const openAt = (await one.container.waitingRoom.service.queuedShowtime(showtimeId)).salesOpenAt.getTime();
    const outcomes = await Promise.all([
      one.container.waitingRoom.draw.run(showtimeId, openAt),
      other.container.waitingRoom.draw.run(showtimeId, openAt),
      other.container.waitingRoom.ticker.tickOnce(),
    ]);
    const drawn = outcomes.slice(0, 2).filter((o) => 'kind' in o && o.kind === 'DRAWN');
    expect(drawn).toEqual([{ kind: 'DRAWN', placed: 30 }]);
    const positions = async () =>
      Promise.all(
        users.map(async (u) => (await one.container.waitingRoom.service.status(showtimeId, u.id)).position),
      );
    const before = await positions();
    expect([...before].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await one.container.waitingRoom.draw.run(showtimeId, openAt)).toEqual({ kind: 'NOTHING' });
    expect(await positions()).toEqual(before);
  });

  it('loses and duplicates nobody when entries race the draw moment and several tickers', async () => {
    const { showtimeId, salesOpenAt } = await opening(2_000, { admitPerSecond: 20 });
    const users = await createUsers(t.container, 150);
    const responses = new Map<string, QueueView>();
    const admitted: string[] = [];
    let entering = true;
    // Entries spread over ~5 s around the open, while two tickers and direct draws run.
    const entries = Promise.all(
      users.map(async (u, i) => {
        await sleep(i * 33);
        const res = await enter(showtimeId, u);
        expect(res.statusCode).toBe(200);
        responses.set(u.id, res.json() as QueueView);
      }),
    ).finally(() => (entering = false));
    const tickers = [0, 1].map(async () => {
      while (entering) {
        for (const r of await room().ticker.tickOnce())
          if (r.showtimeId === showtimeId) admitted.push(...r.admitted);
        void room().draw.run(showtimeId, salesOpenAt.getTime());
        await sleep(30);
      }
    });
    await Promise.all([entries, ...tickers]);
    for (const r of await room().ticker.tickOnce())
      if (r.showtimeId === showtimeId) admitted.push(...r.admitted);
    // Polls are answered from the instance's serving counter, which sees the last admissions at its
    // next refresh (docs/waiting-room.md "Polling without a store call"); with nobody gone, exact then.
    await sleep(600);

    const earlyIds = new Set([...responses].filter(([, v]) => v.position === null).map(([id]) => id));
    expect(earlyIds.size).toBeGreaterThan(0);
    expect(earlyIds.size).toBeLessThan(150);
    const k = queueKeys(showtimeId);
    expect(await t.container.redis.zcard(k.early)).toBe(0);

    const waiting = new Map<string, number>();
    for (const u of users) {
      const v = await poll(showtimeId, u);
      if (v.status === 'WAITING') waiting.set(u.id, v.position!);
    }
    // Nobody lost, nobody twice: every user is admitted or waiting, never both, places contiguous.
    expect(new Set(admitted).size).toBe(admitted.length);
    for (const id of admitted) expect(waiting.has(id)).toBe(false);
    expect(admitted.length + waiting.size).toBe(150);
    const byPosition = [...waiting].sort(([, a], [, b]) => a - b);
    expect(byPosition.map(([, p]) => p)).toEqual(Array.from({ length: waiting.size }, (_, i) => i + 1));
    // Every early entrant comes before every later arrival, in the seed's order.
    const order = [...admitted, ...byPosition.map(([id]) => id)];
    expect(new Set(order.slice(0, earlyIds.size))).toEqual(earlyIds);
    expect(order.slice(0, earlyIds.size)).toEqual(await expectedOrder(showtimeId));
  });
});
