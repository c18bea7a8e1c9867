import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers, type TestUser } from '../../../test/factories.ts';
import {
  comparable,
  fromInject,
  fromSocket,
  UUID,
  type Answer,
  listenLocally,
} from '../../../test/fast-lane.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls per address per minute in this file: low enough to reach. */
const PER_ADDRESS = 60;

/**
 * The steady poll answered by the fast lane (src/http/fast-lane.ts) over the socket, against the
 * route's own answer through `inject` (Fastify alone).
 */
describe('the fast lane: a steady waiting-room poll, answered before Fastify', () => {
  let t: TestApp & { env: TestEnv };
  let base: string;
  beforeAll(async () => {
    t = await setupTestApp({ RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS) });
    base = await listenLocally(t.app);
  });
  afterAll(async () => {
    t.app.server.closeAllConnections();
    await t.close();
  });

  const path = (showtimeId: string) => `/api/v1/showtimes/${showtimeId}/queue`;
  /** Polls sent from this address (inject's and the socket's are both 127.0.0.1), in any test. */
  let polls = 0;
  const throughFastify = async (showtimeId: string, user: TestUser): Promise<Answer> => {
    polls++;
    const res = await t.app.inject({ method: 'GET', url: path(showtimeId), headers: user.headers });
    return fromInject(res);
  };
  const overSocket = async (showtimeId: string, user?: TestUser): Promise<Answer> => {
    polls++;
    const res = await fetch(`${base}${path(showtimeId)}`, { headers: user?.headers ?? {} });
    return fromSocket(res);
  };

  it('leaves to Fastify a poll it cannot answer from the serving counter', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const [inLine, outside] = await createUsers(t.container, 2);
    await t.app.inject({ method: 'POST', url: path(showtimeId), headers: inLine!.headers });
    const before = t.app.fastLane.answered;
    // This instance has not learnt the place yet: the route asks the store.
    expect((await overSocket(showtimeId, outside)).status).toBe(404);
    expect((await overSocket(showtimeId)).status).toBe(401);
    expect(t.app.fastLane.answered - before).toBe(0);
  });

  it('sends the route’s answers, 200 and the address limit’s 429, with the same headers and body', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, { queue: { enabled: true } });
    const users = await createUsers(t.container, 12);
    for (const u of users) {
      await t.app.inject({ method: 'POST', url: path(showtimeId), headers: u.headers });
    }
    const user = users[10]!;
    // The first poll starts the showtime's snapshot; once it has run, the user's place is known here.
    await throughFastify(showtimeId, user);
    await sleep(400);
    let route = await throughFastify(showtimeId, user);
    let before = t.app.fastLane.answered;
    let lane = await overSocket(showtimeId, user);
    expect(t.app.fastLane.answered - before).toBe(1);

    expect(lane.status).toBe(200);
    expect(JSON.parse(lane.body)).toMatchObject({ status: 'WAITING', position: 11, ahead: 10 });
    expect(lane.headers['x-request-id']).toMatch(UUID);
    expect(Number(lane.headers['x-ratelimit-remaining'])).toBe(
      Number(route.headers['x-ratelimit-remaining']) - 1,
    );
    const drop = ['x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
    expect(comparable(lane, drop)).toEqual(comparable(route, drop));

    // Polls of this address up to its limit (entries count in a scope of their own): the lane and the
    // route count the same budget.
    before = t.app.fastLane.answered;
    while (polls < PER_ADDRESS) expect((await overSocket(showtimeId, user)).status).toBe(200);
    expect(t.app.fastLane.answered - before).toBeGreaterThan(PER_ADDRESS - 10);
    before = t.app.fastLane.answered;
    lane = await overSocket(showtimeId, user);
    route = await throughFastify(showtimeId, user);
    expect(t.app.fastLane.answered - before).toBe(1);
    expect(lane.status).toBe(429);
    expect(JSON.parse(lane.body)).toMatchObject({
      code: 'RATE_LIMITED',
      detail: 'Too many requests from this address',
    });
    const wait = ['x-request-id', 'retry-after'];
    expect(
      Math.abs(Number(lane.headers['retry-after']) - Number(route.headers['retry-after'])),
    ).toBeLessThanOrEqual(1);
    const normalized = (a: Answer) => ({
      ...comparable(a, wait),
      body: a.body.replace(/"retryAfterSeconds":\d+/, '"retryAfterSeconds":N'),
    });
    expect(normalized(lane)).toEqual(normalized(route));

    // Past the showtime's cached settings (2 s): the lane's own look at them reads them again, so it
    // goes on answering, though every answer here is a refusal the route's handler never runs for.
    await sleep(2_200);
    before = t.app.fastLane.answered;
    for (let i = 0; i < 5; i++) {
      expect((await overSocket(showtimeId, user)).status).toBe(429);
      await sleep(50);
    }
    expect(t.app.fastLane.answered - before).toBeGreaterThanOrEqual(3);
  });
});
