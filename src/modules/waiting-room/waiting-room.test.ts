import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers, type TestUser } from '../../../test/factories.ts';
import type { QueueView } from './waiting-room.service.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waiting room over HTTP', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const url = (showtimeId: string) => `/api/v1/showtimes/${showtimeId}/queue`;
  const enter = (showtimeId: string, user: TestUser) =>
    t.app.inject({ method: 'POST', url: url(showtimeId), headers: user.headers });
  const poll = (showtimeId: string, user: TestUser) =>
    t.app.inject({ method: 'GET', url: url(showtimeId), headers: user.headers });

  it('requires a signed-in user, a live showtime and an enabled queue', async () => {
    const [user] = await createUsers(t.container, 1);
    const queued = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const plain = await createShowtimeWithSeats(t.container);

    const anonymous = await t.app.inject({ method: 'POST', url: url(queued.showtimeId) });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');

    const notUuid = await enter('not-a-uuid', user!);
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().code).toBe('VALIDATION_FAILED');

    const missing = await enter(randomUUID(), user!);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('SHOWTIME_NOT_FOUND');

    const disabled = await enter(plain.showtimeId, user!);
    expect(disabled.statusCode).toBe(409);
    expect(disabled.json().code).toBe('QUEUE_NOT_ENABLED');

    const notQueued = await poll(queued.showtimeId, user!);
    expect(notQueued.statusCode).toBe(404);
    expect(notQueued.json().code).toBe('NOT_IN_QUEUE');
  });

  it('gives 300 sequential entrants positions 1..300 and admits them in exactly that order', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      queue: { enabled: true, admitPerSecond: 100, maxActive: 1000 },
    });
    const users = await createUsers(t.container, 300);
    for (const [i, user] of users.entries()) {
      const res = await enter(showtimeId, user);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'WAITING', position: i + 1, ahead: i });
    }
    // Entering again keeps the original place.
    expect((await enter(showtimeId, users[4]!)).json().position).toBe(5);
    // The wait estimate comes from the (not yet measured, so configured) rate: 300 / 100 per s.
    expect((await poll(showtimeId, users[299]!)).json().estimatedWaitSeconds).toBe(3);

    const admitted: string[] = [];
    let reported = 300;
    while (admitted.length < users.length) {
      await sleep(150);
      for (const report of await t.container.waitingRoom.ticker.tickOnce()) {
        if (report.showtimeId === showtimeId) admitted.push(...report.admitted);
      }
      // The last one moves up as people are admitted: a poll answered from this instance's serving
      // counter may lag the admissions by a refresh (overstate), never run ahead of them, never grow.
      const last = (await poll(showtimeId, users[299]!)).json() as QueueView;
      if (admitted.length < 300) {
        expect(last.position).toBeGreaterThanOrEqual(300 - admitted.length);
        expect(last.position).toBeLessThanOrEqual(reported);
        reported = last.position!;
      }
    }
    expect(admitted).toEqual(users.map((u) => u.id));

    const first = (await poll(showtimeId, users[0]!)).json() as QueueView;
    expect(first).toMatchObject({ status: 'ADMITTED', position: 0, ahead: 0 });
    expect(first.admissionToken).toEqual(expect.any(String));
    expect(Date.parse(first.expiresAt!)).toBeGreaterThan(Date.now());
    // Entering again while admitted does not send the user back to the end.
    expect((await enter(showtimeId, users[0]!)).json().status).toBe('ADMITTED');
  });

  it('holds one place for one user entering 20 times at once', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const [someone, racer, after] = await createUsers(t.container, 3);
    await enter(showtimeId, someone!);
    const answers = await Promise.all(Array.from({ length: 20 }, () => enter(showtimeId, racer!)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((r) => r.json().position))).toEqual(new Set([2]));
    expect((await enter(showtimeId, after!)).json().position).toBe(3);
  });

  it('lets a user leave; entering again goes to the end of the line', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      queue: { enabled: true, maxActive: 1 },
    });
    const [a, b, c] = await createUsers(t.container, 3);
    for (const u of [a, b, c]) await enter(showtimeId, u!);

    const left = await t.app.inject({ method: 'DELETE', url: url(showtimeId), headers: a!.headers });
    expect(left.statusCode).toBe(204);
    expect((await poll(showtimeId, a!)).statusCode).toBe(404);
    // The serving-counter model: b's position may still count a, who left, until the admission point
    // passes a's place; it is never below b's real place (1).
    expect((await poll(showtimeId, b!)).json().position).toBeOneOf([1, 2]);
    await sleep(150);
    await t.container.waitingRoom.ticker.tickOnce();
    await sleep(400);
    // One admission passed a's place and admitted b: c is next.
    expect((await poll(showtimeId, b!)).json().status).toBe('ADMITTED');
    expect((await poll(showtimeId, c!)).json().position).toBe(1);
    // Entering again after leaving gets a new place at the end.
    expect((await enter(showtimeId, a!)).json().position).toBe(2);
    // Leaving twice is fine.
    await t.app.inject({ method: 'DELETE', url: url(showtimeId), headers: c!.headers });
    const again = await t.app.inject({ method: 'DELETE', url: url(showtimeId), headers: c!.headers });
    expect(again.statusCode).toBe(204);
  });

  it('rate-limits entries per user', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const [user] = await createUsers(t.container, 1);
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await enter(showtimeId, user!)).statusCode);
    expect(codes.slice(0, 30)).toEqual(Array(30).fill(200));
    const limited = await enter(showtimeId, user!);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('rate-limits queue requests per IP address', async () => {
    const strict = await createTestApp(t.env, { RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
      const users = await createUsers(t.container, 6);
      const codes: number[] = [];
      for (const user of users) {
        const res = await strict.app.inject({
          method: 'POST',
          url: url(showtimeId),
          headers: user.headers,
          remoteAddress: '10.9.8.7',
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
      // Another address is not affected.
      const other = await strict.app.inject({
        method: 'GET',
        url: url(showtimeId),
        headers: users[0]!.headers,
        remoteAddress: '10.9.8.6',
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
