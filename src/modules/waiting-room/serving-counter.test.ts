import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers, type TestUser } from '../../../test/factories.ts';
import { queueKeys } from './keys.ts';
import { SNAPSHOT, STATUS, STATUS_MANY } from './scripts.ts';
import type { QueueView } from './waiting-room.service.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls answered from the serving counter (docs/waiting-room.md "Polling without a store call"). */
describe('waiting-room polls from the serving counter', () => {
  let t: TestApp & { env: TestEnv };
  let other: TestApp;
  beforeAll(async () => {
    t = await setupTestApp();
    other = await createTestApp(t.env);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  const url = (showtimeId: string) => `/api/v1/showtimes/${showtimeId}/queue`;
  const enter = (showtimeId: string, user: TestUser) =>
    t.app.inject({ method: 'POST', url: url(showtimeId), headers: user.headers });
  const poll = async (showtimeId: string, user: TestUser, app = t.app) => {
    const res = await app.inject({ method: 'GET', url: url(showtimeId), headers: user.headers });
    return { statusCode: res.statusCode, view: res.json() as QueueView };
  };
  const leave = (showtimeId: string, user: TestUser, app = t.app) =>
    app.inject({ method: 'DELETE', url: url(showtimeId), headers: user.headers });
  const tick = async (showtimeId: string): Promise<string[]> =>
    (await t.container.waitingRoom.ticker.tickOnce()).find((r) => r.showtimeId === showtimeId)?.admitted ??
    [];

  /** Records the Redis commands of this instance that touch one showtime's queue, the snapshot's aside. */
  const watchStore = (showtimeId: string) => {
    const redis = t.container.redis;
    const original = redis.sendCommand.bind(redis);
    const seen: string[] = [];
    redis.sendCommand = ((command: Parameters<typeof redis.sendCommand>[0]) => {
      const args = command.args.map(String);
      const isSnapshot = args[0] === SNAPSHOT.sha || args[0] === SNAPSHOT.source;
      if (!isSnapshot && args.some((a) => a.includes(showtimeId)))
        // A status read of the line, one user's or a batch's.
        seen.push(
          [STATUS.sha, STATUS.source, STATUS_MANY.sha, STATUS_MANY.source].includes(args[0]!)
            ? 'STATUS'
            : command.name,
        );
      return original(command);
    }) as typeof redis.sendCommand;
    return {
      seen,
      restore: () => {
        redis.sendCommand = original;
      },
    };
  };

  /** The user's real 1-based place in the line, or null when not waiting. */
  const realPlace = async (showtimeId: string, userId: string): Promise<number | null> => {
    const rank = await t.container.redis.zrank(queueKeys(showtimeId).waiting, userId);
    return rank === null ? null : rank + 1;
  };

  it('answers a steady-state poll without a call to the queue store', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const users = await createUsers(t.container, 20);
    for (const u of users) await enter(showtimeId, u);
    // The first poll of a showtime starts its snapshot; the next one learns the user's place.
    await poll(showtimeId, users[10]!);
    await sleep(400);
    expect((await poll(showtimeId, users[10]!)).view.position).toBe(11);

    const store = watchStore(showtimeId);
    try {
      for (let i = 0; i < 20; i++) {
        const { statusCode, view } = await poll(showtimeId, users[10]!);
        expect(statusCode).toBe(200);
        expect(view).toMatchObject({ status: 'WAITING', position: 11, ahead: 10 });
        expect(view.entryId).toMatch(/^[0-9a-f]{32}$/);
      }
      await sleep(600);
      expect((await poll(showtimeId, users[10]!)).view.position).toBe(11);
      expect(store.seen).toEqual([]);
    } finally {
      store.restore();
    }
  });

  it('first polls arriving together share one status read of the store', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const users = await createUsers(t.container, 40);
    // Entered through the other instance: this one has seen none of them.
    for (const u of users) {
      const entered = await other.app.inject({ method: 'POST', url: url(showtimeId), headers: u.headers });
      expect(entered.statusCode).toBe(200);
    }
    const store = watchStore(showtimeId);
    let polled: Array<Awaited<ReturnType<typeof poll>>>;
    try {
      polled = await Promise.all(users.map((u) => poll(showtimeId, u)));
    } finally {
      store.restore();
    }
    polled.forEach(({ statusCode, view }, i) => {
      expect(statusCode).toBe(200);
      expect(view).toMatchObject({ status: 'WAITING', position: i + 1, ahead: i });
    });
    // One by one this was 40 reads on the showtime's slot.
    const reads = store.seen.filter((c) => c === 'STATUS').length;
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(3);
    // Learned: the next polls ask nothing.
    await sleep(400);
    const again = watchStore(showtimeId);
    try {
      for (const u of users.slice(0, 5)) expect((await poll(showtimeId, u)).statusCode).toBe(200);
    } finally {
      again.restore();
    }
    expect(again.seen).toEqual([]);
  });

  it('never understates a place and never raises it, with leavers and admissions running', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      queue: { enabled: true, admitPerSecond: 10, maxActive: 1000 },
    });
    const users = await createUsers(t.container, 60);
    for (const u of users) await enter(showtimeId, u);
    await poll(showtimeId, users[0]!);
    await sleep(400);
    // Everyone's place is learned, then a quarter leaves: some here, some through another instance.
    for (const u of users) await poll(showtimeId, u);
    const leavers = users.filter((_, i) => i % 4 === 1);
    for (const [i, u] of leavers.entries()) await leave(showtimeId, u, i % 2 === 0 ? t.app : other.app);
    const stayers = users.filter((u) => !leavers.includes(u));

    const store = watchStore(showtimeId);
    const reported = new Map<string, number>();
    const admitted: string[] = [];
    const done = new Set<string>();
    let polls = 0;
    let overstated = 0;
    try {
      while (done.size < stayers.length) {
        await sleep(60);
        admitted.push(...(await tick(showtimeId)));
        // Like the web page: poll until admitted.
        for (const u of stayers.filter((s) => !done.has(s.id))) {
          const { statusCode, view } = await poll(showtimeId, u);
          polls++;
          expect(statusCode).toBe(200);
          const real = await realPlace(showtimeId, u.id);
          if (view.status === 'ADMITTED') {
            expect(real).toBeNull();
            expect(view.admissionToken).toEqual(expect.any(String));
            done.add(u.id);
            continue;
          }
          // Waiting, or admitted a moment ago and not yet seen by this instance's snapshot.
          if (real !== null) expect(view.position).toBeGreaterThanOrEqual(real);
          if (real !== null && view.position! > real) overstated++;
          expect(view.position).toBeLessThanOrEqual(reported.get(u.id) ?? Infinity);
          expect(view.ahead).toBe(view.position! - 1);
          reported.set(u.id, view.position!);
        }
      }
    } finally {
      store.restore();
    }
    // First in, first admitted; the leavers never.
    expect(admitted).toEqual(stayers.map((u) => u.id));
    // The leavers ahead were counted until the admission point passed them.
    expect(overstated).toBeGreaterThan(0);
    // Most polls were answered without the store: it was asked about a user once their place was
    // reached (to hand over the token), and seldom otherwise.
    const statusReads = store.seen.filter((c) => c === 'STATUS').length;
    expect(statusReads).toBeGreaterThanOrEqual(stayers.length);
    expect(statusReads).toBeLessThan(polls / 2);
  }, 60_000);

  it('admits the user at the front and hands over the token through the store, as before', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      queue: { enabled: true, admitPerSecond: 1, maxActive: 1 },
    });
    const [first, second] = await createUsers(t.container, 2);
    await enter(showtimeId, first!);
    await enter(showtimeId, second!);
    await poll(showtimeId, first!);
    await sleep(400);
    expect((await poll(showtimeId, first!)).view).toMatchObject({ status: 'WAITING', position: 1 });
    expect((await poll(showtimeId, second!)).view).toMatchObject({ status: 'WAITING', position: 2 });

    await sleep(1_100);
    expect(await tick(showtimeId)).toEqual([first!.id]);
    await sleep(400);
    const { view } = await poll(showtimeId, first!);
    expect(view).toMatchObject({ status: 'ADMITTED', position: 0, ahead: 0 });
    await expect(
      t.container.waitingRoom.gate.assertAdmitted({
        showtimeId,
        userId: first!.id,
        token: view.admissionToken,
      }),
    ).resolves.toBeUndefined();
    expect((await poll(showtimeId, second!)).view).toMatchObject({ status: 'WAITING', position: 1 });
  });

  it('forgets a place given up through another instance', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const [a, b, c] = await createUsers(t.container, 3);
    for (const u of [a, b, c]) await enter(showtimeId, u!);
    await poll(showtimeId, b!);
    await sleep(400);
    expect((await poll(showtimeId, b!)).view.position).toBe(2);
    expect((await poll(showtimeId, c!)).view.position).toBe(3);

    // b leaves and enters again through the other instance: the old place (2) must not be shown.
    expect((await leave(showtimeId, b!, other.app)).statusCode).toBe(204);
    await other.app.inject({ method: 'POST', url: url(showtimeId), headers: b!.headers });
    // c leaves through the other instance: this one must stop showing c as waiting.
    expect((await leave(showtimeId, c!, other.app)).statusCode).toBe(204);
    await sleep(600);
    expect((await poll(showtimeId, b!)).view).toMatchObject({ status: 'WAITING', position: 2 });
    expect(await realPlace(showtimeId, b!.id)).toBe(2);
    expect((await poll(showtimeId, c!)).statusCode).toBe(404);
  });
});
