import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers, type TestUser } from '../../../test/factories.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Listens on a free port; returns the API base URL. */
async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/api/v1`;
}

describe('waiting room stream caps (429 STREAM_LIMIT)', () => {
  let t: TestApp & { env: TestEnv };
  let base: string;
  const open: AbortController[] = [];
  beforeAll(async () => {
    t = await setupTestApp();
    base = await listen(t);
  });
  afterAll(async () => {
    for (const a of open) a.abort();
    await t.close();
  });

  const queued = async () =>
    (
      await createShowtimeWithSeats(t.container, {
        queue: { enabled: true, admitPerSecond: 1, maxActive: 1 },
      })
    ).showtimeId;
  /** Opens a stream; returns the response and a way to close it (an open body is left unread). */
  const stream = async (apiBase: string, showtimeId: string, user: TestUser) => {
    const abort = new AbortController();
    open.push(abort);
    const res = await fetch(`${apiBase}/showtimes/${showtimeId}/queue/stream`, {
      headers: user.headers,
      signal: abort.signal,
    });
    return { res, close: () => abort.abort() };
  };
  const enterAll = async (showtimeId: string, users: TestUser[]) => {
    for (const u of users) await t.container.waitingRoom.service.enter(showtimeId, u.id);
  };

  it('refuses the 11th stream of one user with 429 STREAM_LIMIT; closing one frees a slot', async () => {
    const [user] = await createUsers(t.container, 1);
    const showtimes = [await queued(), await queued()];
    for (const s of showtimes) await enterAll(s, [user!]);
    // Ten tabs, spread over two showtimes: the cap is per user, not per showtime.
    const streams = [];
    for (let i = 0; i < 10; i++) {
      const s = await stream(base, showtimes[i % 2]!, user!);
      expect(s.res.status).toBe(200);
      streams.push(s);
    }
    const eleventh = await stream(base, showtimes[0]!, user!);
    expect(eleventh.res.status).toBe(429);
    expect(eleventh.res.headers.get('content-type')).toContain('application/problem+json');
    expect(await eleventh.res.json()).toMatchObject({ code: 'STREAM_LIMIT', limit: 'user' });

    // Another user is not affected.
    const [other] = await createUsers(t.container, 1);
    await enterAll(showtimes[0]!, [other!]);
    const theirs = await stream(base, showtimes[0]!, other!);
    expect(theirs.res.status).toBe(200);
    theirs.close();

    streams[3]!.close();
    let again = await stream(base, showtimes[1]!, user!);
    for (let i = 0; i < 50 && again.res.status === 429; i++) {
      await sleep(50);
      again = await stream(base, showtimes[1]!, user!);
    }
    expect(again.res.status).toBe(200);
    for (const s of [...streams, again]) s.close();
  });

  it('caps streams per client address and per instance', async () => {
    const strict = await createTestApp(t.env, {
      STREAM_LIMIT_PER_ADDRESS: '3',
      STREAM_LIMIT_PER_INSTANCE: '100',
    });
    const tiny = await createTestApp(t.env, {
      STREAM_LIMIT_PER_INSTANCE: '2',
      STREAM_LIMIT_PER_ADDRESS: '100',
    });
    try {
      const [strictBase, tinyBase] = [await listen(strict), await listen(tiny)];
      const showtimeId = await queued();
      const users = await createUsers(t.container, 7);
      await enterAll(showtimeId, users);

      // Four different users from one address (127.0.0.1): the fourth is over the address cap.
      const fromOneAddress = [];
      for (const u of users.slice(0, 3)) fromOneAddress.push(await stream(strictBase, showtimeId, u));
      expect(fromOneAddress.map((s) => s.res.status)).toEqual([200, 200, 200]);
      const fourth = await stream(strictBase, showtimeId, users[3]!);
      expect(fourth.res.status).toBe(429);
      expect(await fourth.res.json()).toMatchObject({ code: 'STREAM_LIMIT', limit: 'address' });
      for (const s of fromOneAddress) s.close();

      // Three different users on an instance that serves two streams.
      const onTiny = [
        await stream(tinyBase, showtimeId, users[4]!),
        await stream(tinyBase, showtimeId, users[5]!),
      ];
      expect(onTiny.map((s) => s.res.status)).toEqual([200, 200]);
      const third = await stream(tinyBase, showtimeId, users[6]!);
      expect(third.res.status).toBe(429);
      expect(await third.res.json()).toMatchObject({ code: 'STREAM_LIMIT', limit: 'instance' });
      for (const s of onTiny) s.close();
    } finally {
      await strict.close();
      await tiny.close();
    }
  });
});
