import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import { setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import {
  comparable,
  fromInject,
  fromSocket,
  UUID,
  type Answer,
  listenLocally,
} from '../../../test/fast-lane.ts';

/**
 * The fast lane (src/http/fast-lane.ts) answers two hold refusals before Fastify: an attempt without
 * admission on a queued showtime (403), and one on seats this instance remembers taken (409, once it
 * has read the body). Requests over the socket meet it; `inject` goes straight to Fastify, so the
 * route's own answer to the same request is at hand to compare with.
 */

describe('the fast lane: hold refusals answered before Fastify', () => {
  let h: CheckoutHarness;
  let base: string;
  beforeAll(async () => {
    h = await setupCheckout();
    base = await listenLocally(h.app);
  });
  afterAll(async () => {
    h.app.server.closeAllConnections();
    await h.close();
  });

  const body = (seatId: string) => JSON.stringify({ seatIds: [seatId] });

  async function overSocket(
    showtimeId: string,
    user: TestUser,
    seatId: string,
    extra: Record<string, string> = {},
  ): Promise<Answer> {
    const res = await fetch(`${base}/api/v1/showtimes/${showtimeId}/holds`, {
      method: 'POST',
      headers: { ...user.headers, 'content-type': 'application/json', ...extra },
      body: body(seatId),
    });
    return fromSocket(res);
  }

  async function throughFastify(showtimeId: string, user: TestUser, seatId: string): Promise<Answer> {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${showtimeId}/holds`,
      headers: { ...user.headers, 'content-type': 'application/json' },
      payload: body(seatId),
    });
    return fromInject(res);
  }

  /** Answers of the lane and of the route, side by side, the facts just read. */
  async function pair(showtimeId: string, user: TestUser, seatId: string) {
    // The first attempt reads the facts (counted by the limit, refused by the handler); the next ones
    // are refused before any count, by the route's hook or by the lane.
    await throughFastify(showtimeId, user, seatId);
    const route = await throughFastify(showtimeId, user, seatId);
    const before = h.app.fastLane.answered;
    const lane = await overSocket(showtimeId, user, seatId);
    return { route, lane, laneAnswered: h.app.fastLane.answered - before };
  }

  it('sends the route’s 403: same status, headers and body', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      queue: { enabled: true },
    });
    const user = await createUser(h.container);
    const { route, lane, laneAnswered } = await pair(st.showtimeId, user, st.seats[0]!.id);
    expect(laneAnswered).toBe(1);
    expect(route.status).toBe(403);
    expect(JSON.parse(lane.body)).toMatchObject({ code: 'ADMISSION_REQUIRED', status: 403 });

    const r = comparable(route);
    const l = comparable(lane);
    // Each answer has its own request id; neither counted the hold limit, so neither sends its headers.
    expect(l.headers['x-request-id']).toMatch(UUID);
    expect(l.headers['x-request-id']).not.toBe(r.headers['x-request-id']);
    expect(l.headers['x-ratelimit-remaining']).toBeUndefined();
    for (const a of [r, l]) delete a.headers['x-request-id'];
    expect(l).toEqual(r);
  });

  it('counts no attempt it refuses: the 70th is still 403, and the hold budget is whole after', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      queue: { enabled: true },
    });
    const user = await createUser(h.container);
    const seat = st.seats[0]!.id;
    // Another buyer's first attempt brings the showtime's facts (refused after the count: theirs).
    expect((await throughFastify(st.showtimeId, await createUser(h.container), seat)).status).toBe(403);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await throughFastify(st.showtimeId, user, seat)).status);
    const before = h.app.fastLane.answered;
    for (let i = 0; i < 65; i++) statuses.push((await overSocket(st.showtimeId, user, seat)).status);
    // Past the 60 a minute the limit allows, answered by the lane (the facts, kept a second, are
    // refreshed by the route: a slow run may send a few there) and by the route alike.
    expect(h.app.fastLane.answered - before).toBeGreaterThan(50);
    expect(statuses).toEqual(Array(70).fill(403));

    // An attempt with an admission token (here a bad one) is counted: the first of the minute.
    const counted = await overSocket(st.showtimeId, user, seat, { 'x-admission-token': 'garbage' });
    expect(counted.status).toBe(403);
    expect(counted.headers['x-ratelimit-limit']).toBe('60');
    expect(counted.headers['x-ratelimit-remaining']).toBe('59');
  });

  it('leaves to Fastify what it cannot decide alone', async () => {
    const st = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 2,
      queue: { enabled: true },
    });
    const open = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const seat = st.seats[0]!.id;
    await throughFastify(st.showtimeId, user, seat); // facts cached, slice leased
    const before = h.app.fastLane.answered;

    // An admission token (even a bad one) is the route's to check.
    const withToken = await overSocket(st.showtimeId, user, seat, { 'x-admission-token': 'garbage' });
    expect(withToken.status).toBe(403);
    // No token, or the scheme spelled otherwise: the guard's 401.
    const anonymous = await overSocket(st.showtimeId, user, seat, { authorization: '' });
    expect(anonymous.status).toBe(401);
    const spelled = await overSocket(st.showtimeId, user, seat, {
      authorization: `bearer ${user.token}`,
    });
    expect(spelled.status).toBe(401);
    // A listed origin gets the CORS headers Fastify's hook adds.
    const cors = await overSocket(st.showtimeId, user, seat, { origin: 'http://localhost:5173' });
    expect(cors.status).toBe(403);
    expect(cors.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    // A showtime without a queue: the attempt is a real hold.
    const held = await overSocket(open.showtimeId, user, open.seats[0]!.id);
    expect(held.status).toBe(201);
    // A query string: not the lane's path.
    const res = await fetch(`${base}/api/v1/showtimes/${st.showtimeId}/holds?x=1`, {
      method: 'POST',
      headers: { ...user.headers, 'content-type': 'application/json' },
      body: body(seat),
    });
    expect(res.status).toBe(403);
    await res.text();
    expect(h.app.fastLane.answered - before).toBe(0);

    // Another site's page (an origin not listed) gets what the route sends it, from the lane: no CORS
    // headers. (The showtime's facts are kept a second; a request that finds them gone goes to the
    // route, which reads them again: so up to three tries.)
    const then = h.app.fastLane.answered;
    for (let i = 0; i < 3 && h.app.fastLane.answered === then; i++) {
      const other = await overSocket(st.showtimeId, user, seat, { origin: 'https://elsewhere.example' });
      expect(other.status).toBe(403);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      expect(other.headers.vary).toBe('Origin');
    }
    expect(h.app.fastLane.answered - then).toBe(1);
  });

  /** A showtime without a queue whose first seat another buyer holds. */
  async function oneSeatTaken() {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 3 });
    const holder = await createUser(h.container);
    expect((await throughFastify(st.showtimeId, holder, st.seats[0]!.id)).status).toBe(201);
    return { showtimeId: st.showtimeId, taken: st.seats[0]!.id, free: st.seats.slice(1).map((s) => s.id) };
  }

  it('sends the route’s 409 for seats remembered taken: same status, headers and body, neither counted', async () => {
    const { showtimeId, taken } = await oneSeatTaken();
    const user = await createUser(h.container);
    // The first attempt asks Redis, counted (the seat is then remembered taken for a second).
    const asked = await throughFastify(showtimeId, user, taken);
    expect(asked.status).toBe(409);
    expect(asked.headers['x-ratelimit-remaining']).toBe('59');
    const route = await throughFastify(showtimeId, user, taken);
    const before = h.app.fastLane.answered;
    const lane = await overSocket(showtimeId, user, taken);
    expect(h.app.fastLane.answered - before).toBe(1);
    expect(JSON.parse(lane.body)).toEqual({
      type: 'https://culture-ticket.dev/problems/seats-unavailable',
      title: expect.any(String),
      status: 409,
      detail: expect.any(String),
      code: 'SEATS_UNAVAILABLE',
      seatIds: [taken],
    });
    const r = comparable(route);
    const l = comparable(lane);
    expect(l.headers['x-ratelimit-remaining']).toBeUndefined();
    for (const a of [r, l]) delete a.headers['x-request-id'];
    expect(l).toEqual(r);
  });

  it('counts no attempt refused from memory: 70 in a row are all 409, and the budget is whole after', async () => {
    const { showtimeId, taken, free } = await oneSeatTaken();
    const user = await createUser(h.container);
    expect((await throughFastify(showtimeId, user, taken)).status).toBe(409); // counted: 1
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i++) answers.push(await throughFastify(showtimeId, user, taken));
    for (let i = 0; i < 65; i++) answers.push(await overSocket(showtimeId, user, taken));
    expect(answers.map((a) => a.status)).toEqual(Array(70).fill(409));
    // A slow run may see the memory lapse (a second) and ask Redis again: those attempts are counted,
    // and carry the limit's headers.
    const counted = answers.filter((a) => a.headers['x-ratelimit-remaining'] !== undefined).length;
    expect(counted).toBeLessThan(10);
    const held = await overSocket(showtimeId, user, free[0]!);
    expect(held.status).toBe(201);
    expect(held.headers['x-ratelimit-remaining']).toBe(String(60 - 1 - counted - 1));
  });

  it('leaves to Fastify, with the body it read, what memory does not decide', async () => {
    const { showtimeId, taken, free } = await oneSeatTaken();
    const user = await createUser(h.container);
    expect((await throughFastify(showtimeId, user, taken)).status).toBe(409); // remembered from now
    const post = async (body: string, headers: Record<string, string> = {}) =>
      fromSocket(
        await fetch(`${base}/api/v1/showtimes/${showtimeId}/holds`, {
          method: 'POST',
          headers: { ...user.headers, 'content-type': 'application/json', ...headers },
          body,
        }),
      );
    const before = h.app.fastLane.answered;
    // A seat not remembered: the lane read the body, Fastify parses the same bytes and holds it.
    const held = await post(JSON.stringify({ seatIds: [free[0]] }));
    expect(held.status).toBe(201);
    expect(JSON.parse(held.body)).toMatchObject({ showtimeId, seatIds: [free[0]] });
    // One seat remembered, one not: a real attempt (the free seat is not held alone).
    const mixed = await post(JSON.stringify({ seatIds: [taken, free[1]] }));
    expect(mixed.status).toBe(409);
    expect(JSON.parse(mixed.body)).toMatchObject({ seatIds: [taken] });
    // Bodies the schema refuses, or that only Fastify's parser reads: its answers.
    const extra = await post(JSON.stringify({ seatIds: [taken], note: 'x' }));
    expect(extra.status).toBe(400);
    expect(JSON.parse(extra.body)).toMatchObject({ code: 'VALIDATION_FAILED' });
    const poisoned = await post(`{"seatIds":["${taken}"],"__proto__":{"x":1}}`);
    expect(poisoned.status).toBe(400);
    const twice = await post(JSON.stringify({ seatIds: [taken, taken] }));
    expect(twice.status).toBe(400);
    const text = await post(JSON.stringify({ seatIds: [taken] }), { 'content-type': 'text/plain' });
    const textByRoute = await h.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${showtimeId}/holds`,
      headers: { ...user.headers, 'content-type': 'text/plain' },
      payload: JSON.stringify({ seatIds: [taken] }),
    });
    expect(text.status).toBe(textByRoute.statusCode);
    expect(JSON.parse(text.body)).toEqual(textByRoute.json());
    expect(h.app.fastLane.answered - before).toBe(0);
    // A body larger than the lane reads: the route refuses it from memory, after Fastify's parser.
    const padded = await post(`{"seatIds":["${taken}"]}${' '.repeat(3_000)}`);
    expect(padded.status).toBe(409);
    expect(padded.headers['x-ratelimit-remaining']).toBeUndefined();
    expect(h.app.fastLane.answered - before).toBe(0);
    // And the lane answers the plain one.
    expect((await post(JSON.stringify({ seatIds: [taken] }))).status).toBe(409);
    expect(h.app.fastLane.answered - before).toBe(1);
  });

  it('hands the request of a lane that fails to Fastify', async () => {
    h.app.fastLane.add('PUT', '/api/v1/nowhere', () => {
      throw new Error('a lane that fails');
    });
    const res = await fetch(`${base}/api/v1/nowhere`, { method: 'PUT' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
