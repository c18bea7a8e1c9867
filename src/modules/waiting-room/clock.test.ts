import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers, type TestUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';

const MINUTE = 60_000;

/** Whether the waiting room is open is decided on the injected clock: the test moves it, not sleeps. */
describe('waiting room opening on the injected clock', () => {
  const clock = new ManualClock();
  let env: TestEnv;
  let t: TestApp;
  let users: TestUser[];

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { clock });
    users = await createUsers(t.container, 2);
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const enter = (showtimeId: string, user: TestUser) =>
    t.app.inject({ method: 'POST', url: `/api/v1/showtimes/${showtimeId}/queue`, headers: user.headers });

  it('refuses before the room opens, lets in once the clock reaches it, refuses after sales close', async () => {
    const salesOpenAt = new Date(clock.nowMs() + 120 * MINUTE);
    const startsAt = new Date(clock.nowMs() + 10 * 24 * 60 * MINUTE);
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      salesOpenAt,
      startsAt,
      salesCloseAt: new Date(startsAt.getTime() - 60 * MINUTE),
      queue: { enabled: true, opensBeforeMinutes: 30 },
    });

    const early = await enter(showtimeId, users[0]!);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'QUEUE_NOT_OPEN',
      opensAt: new Date(salesOpenAt.getTime() - 30 * MINUTE).toISOString(),
    });

    // Ninety-one minutes later the room has been open for a minute: the entrant waits for the draw.
    clock.advance(91 * MINUTE);
    const inside = await enter(showtimeId, users[0]!);
    expect(inside.statusCode).toBe(200);
    expect(inside.json()).toMatchObject({ status: 'WAITING', drawAt: salesOpenAt.toISOString() });

    // Past the close of sales nobody new gets in.
    clock.set(startsAt.getTime() - 30 * MINUTE);
    const late = await enter(showtimeId, users[1]!);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'SALES_NOT_OPEN' });
  });
});
