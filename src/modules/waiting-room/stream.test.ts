import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers } from '../../../test/factories.ts';
import { readEvents, type SseEvent } from '../../../test/sse.ts';
import { QueueStreamHub } from './queue-stream.ts';
import type { QueueView } from './waiting-room.service.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waiting room SSE stream', () => {
  let t: TestApp & { env: TestEnv };
  let base: string;
  beforeAll(async () => {
    t = await setupTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}/api/v1`;
  });
  afterAll(() => t.close());

  it('pushes position updates, then one admitted event with a working token, then ends', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      queue: { enabled: true, admitPerSecond: 1, maxActive: 100 },
    });
    const users = await createUsers(t.container, 3);
    for (const u of users) {
      await fetch(`${base}/showtimes/${showtimeId}/queue`, { method: 'POST', headers: u.headers });
    }
    const last = users[2]!;
    const res = await fetch(`${base}/showtimes/${showtimeId}/queue/stream`, { headers: last.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');

    const events = readEvents(res.body!);
    const next = async () => (await events.next()).value as SseEvent | undefined;
    const positionOf = (e: SseEvent | undefined) => {
      expect(e?.event).toBe('position');
      return (JSON.parse(e!.data) as QueueView).position;
    };
    expect(positionOf(await next())).toBe(3);

    // The two ahead leave one by one: the shared poller pushes each new position.
    const leave = (u: (typeof users)[number]) =>
      fetch(`${base}/showtimes/${showtimeId}/queue`, { method: 'DELETE', headers: u.headers });
    await leave(users[0]!);
    expect(positionOf(await next())).toBe(2);
    await leave(users[1]!);
    expect(positionOf(await next())).toBe(1);

    // The ticker runs beside the stream, as the worker would, until the admission is pushed.
    const admittedEvent = next();
    let streaming = true;
    void admittedEvent.finally(() => (streaming = false));
    while (streaming) {
      await t.container.waitingRoom.ticker.tickOnce();
      await sleep(200);
    }
    const admitted = await admittedEvent;
    expect(admitted?.event).toBe('admitted');
    expect(await next()).toBeUndefined(); // the stream ended
    const view = JSON.parse(admitted!.data) as QueueView;
    expect(view.status).toBe('ADMITTED');
    await expect(
      t.container.waitingRoom.gate.assertAdmitted({
        showtimeId,
        userId: last.id,
        token: view.admissionToken,
      }),
    ).resolves.toBeUndefined();
    // The stream let go of its subscription when it ended.
    await vi.waitFor(() => expect(t.container.waitingRoom.hub.subscriberCount).toBe(0));
  });

  it('stops polling for a client that disconnects', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      queue: { enabled: true, admitPerSecond: 1, maxActive: 1 },
    });
    const [user] = await createUsers(t.container, 1);
    await fetch(`${base}/showtimes/${showtimeId}/queue`, { method: 'POST', headers: user!.headers });
    const abort = new AbortController();
    const res = await fetch(`${base}/showtimes/${showtimeId}/queue/stream`, {
      headers: user!.headers,
      signal: abort.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    expect(t.container.waitingRoom.hub.subscriberCount).toBe(1);
    abort.abort();
    await vi.waitFor(() => expect(t.container.waitingRoom.hub.subscriberCount).toBe(0));
  });

  it('delivers nothing more to a listener that left, while the one still there keeps getting polls', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const [staying, leaving] = await createUsers(t.container, 2);
    for (const u of [staying!, leaving!]) await t.container.waitingRoom.service.enter(showtimeId, u.id);
    const asked: string[][] = [];
    const hub = new QueueStreamHub(
      (id, ids) => {
        asked.push([...ids].sort());
        return t.container.waitingRoom.service.statusMany(id, ids);
      },
      t.container.log,
      { pollMs: 20, batchSize: 500 },
    );
    let stayingViews = 0;
    let leavingViews = 0;
    const offStaying = hub.subscribe(showtimeId, staying!.id, () => void stayingViews++);
    const offLeaving = hub.subscribe(showtimeId, leaving!.id, () => void leavingViews++);
    try {
      await vi.waitFor(() => expect(leavingViews).toBeGreaterThan(0));
      offLeaving();
      // Sync point: every poll that starts from here on asks about the staying user only, and a poll
      // already in flight hands its views out to the listeners still there. Three more deliveries to
      // the one who stayed are three polls the one who left did not get.
      const leftAt = { polls: asked.length, leaving: leavingViews, staying: stayingViews };
      await vi.waitFor(() => expect(stayingViews - leftAt.staying).toBeGreaterThanOrEqual(3));
      expect(asked.length - leftAt.polls).toBeGreaterThanOrEqual(2);
      expect(asked.slice(leftAt.polls)).toEqual(
        Array.from({ length: asked.length - leftAt.polls }, () => [staying!.id]),
      );
      expect(leavingViews).toBe(leftAt.leaving);
      expect(hub.subscriberCount).toBe(1);
    } finally {
      offStaying();
    }
    expect(hub.subscriberCount).toBe(0);
  });

  it('polls Redis once per showtime per interval, whatever the number of clients', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const users = await createUsers(t.container, 5);
    for (const u of users) await t.container.waitingRoom.service.enter(showtimeId, u.id);
    let deliveries = 0;
    // How many views had been delivered when each poll started.
    const deliveredAtPoll: number[] = [];
    const hub = new QueueStreamHub(
      (id, ids) => {
        deliveredAtPoll.push(deliveries);
        return t.container.waitingRoom.service.statusMany(id, ids);
      },
      t.container.log,
      { pollMs: 200, batchSize: 500 },
    );
    const seen = new Map<string, number>();
    const unsubscribe = users.map((u) =>
      hub.subscribe(showtimeId, u.id, (view) => {
        deliveries++;
        seen.set(u.id, view!.position!);
      }),
    );
    // Three polls delivered, counted by what the five listeners received, not by the clock.
    await vi.waitFor(() => expect(deliveries).toBeGreaterThanOrEqual(15), { timeout: 5_000 });
    unsubscribe.forEach((off) => off());
    // One Redis call per poll served all five clients: each started after the previous had delivered
    // its five views.
    expect(deliveredAtPoll.slice(0, 3)).toEqual([0, 5, 10]);
    expect([...seen.values()].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('answers 404 problem+json when the user is not in the queue', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const [user] = await createUsers(t.container, 1);
    const res = await fetch(`${base}/showtimes/${showtimeId}/queue/stream`, { headers: user!.headers });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('NOT_IN_QUEUE');
  });
});
