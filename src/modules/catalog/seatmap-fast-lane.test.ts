import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import { hold, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { comparable, fromInject, fromSocket, listenLocally } from '../../../test/fast-lane.ts';

/**
 * A conditional seat-map read answered by the fast lane (src/http/fast-lane.ts) over the socket,
 * against the route's own answer through `inject` (Fastify alone): the same 304 while the map has not
 * changed, and the route's answer whenever it has or the lane cannot tell.
 */
describe('the fast lane: a conditional seat-map read, answered before Fastify', () => {
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

  const path = (showtimeId: string) => `/api/v1/showtimes/${showtimeId}/seats`;
  const throughFastify = async (showtimeId: string, headers: Record<string, string> = {}) =>
    fromInject(await h.app.inject({ method: 'GET', url: path(showtimeId), headers }));
  const overSocket = async (showtimeId: string, headers: Record<string, string> = {}, query = '') =>
    fromSocket(await fetch(`${base}${path(showtimeId)}${query}`, { headers }));
  /** The lane's answer to a request, and how many requests it answered (0: Fastify did). */
  async function viaLane(showtimeId: string, headers: Record<string, string>, query = '') {
    const before = h.app.fastLane.answered;
    const answer = await overSocket(showtimeId, headers, query);
    return { answer, answered: h.app.fastLane.answered - before };
  }
  /** The map's current tag, read through the route (which also brings this instance its parts). */
  const currentTag = async (showtimeId: string): Promise<string> => {
    const map = await throughFastify(showtimeId);
    expect(map.status).toBe(200);
    return map.headers.etag!;
  };

  it('sends the route’s 304, anonymous and signed in', async () => {
    const { showtimeId } = await createShowtimeWithSeats(h.container, { rows: 2, seatsPerRow: 3 });
    const user = await createUser(h.container);
    const etag = await currentTag(showtimeId);
    for (const headers of [{ 'if-none-match': etag }, { ...user.headers, 'if-none-match': etag }]) {
      const route = await throughFastify(showtimeId, headers);
      const { answer, answered } = await viaLane(showtimeId, headers);
      expect(answered).toBe(1);
      expect(route.status).toBe(304);
      expect(answer.body).toBe('');
      expect(answer.headers['content-length']).toBeUndefined();
      expect(comparable(answer, ['x-request-id'])).toEqual(comparable(route, ['x-request-id']));
    }
  });

  it('leaves a changed map to the route: the old tag gets the new map and its tag', async () => {
    const { showtimeId, seats } = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const etag = await currentTag(showtimeId);
    const buyer = await createUser(h.container);
    expect((await hold(h.app, buyer, showtimeId, [seats[0]!.id])).statusCode).toBe(201);

    const { answer, answered } = await viaLane(showtimeId, { 'if-none-match': etag });
    expect(answered).toBe(0);
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).not.toBe(etag);
    const held = (JSON.parse(answer.body) as { seats: { id: string; status: string }[] }).seats;
    expect(held.find((s) => s.id === seats[0]!.id)?.status).toBe('HELD');
    // The new tag is the lane's again.
    const again = await viaLane(showtimeId, { 'if-none-match': answer.headers.etag! });
    expect([again.answer.status, again.answered]).toEqual([304, 1]);
  });

  it('leaves to Fastify what it cannot decide alone', async () => {
    const { showtimeId } = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const admin = await createUser(h.container, { role: 'ADMIN' });
    const etag = await currentTag(showtimeId);
    const expectFastify = async (headers: Record<string, string>, status: number, query = '') => {
      const { answer, answered } = await viaLane(showtimeId, headers, query);
      expect([answer.status, answered], JSON.stringify({ headers, query })).toEqual([status, 0]);
    };
    // No If-None-Match: the full map.
    await expectFastify({}, 200);
    // An admin (who sees drafts), a token that does not verify, another scheme: the route reads them.
    await expectFastify({ ...admin.headers, 'if-none-match': etag }, 304);
    await expectFastify({ authorization: 'Bearer not-a-token', 'if-none-match': etag }, 304);
    await expectFastify({ authorization: `bearer ${admin.token}`, 'if-none-match': etag }, 304);
    // A query string, and a header longer than the route's schema allows (its 400).
    await expectFastify({ 'if-none-match': etag }, 304, '?x=1');
    await expectFastify({ 'if-none-match': `${etag}, ${'"x", '.repeat(300)}` }, 400);
    // A showtime this instance knows nothing of.
    const unknown = await viaLane('00000000-0000-4000-8000-000000000000', { 'if-none-match': etag });
    expect([unknown.answer.status, unknown.answered]).toEqual([404, 0]);

    // The sold seats are kept a second: once they are gone, the route reads them again, and the lane
    // answers after it.
    await new Promise((r) => setTimeout(r, 1_100));
    await expectFastify({ 'if-none-match': etag }, 304);
    const after = await viaLane(showtimeId, { 'if-none-match': etag });
    expect([after.answer.status, after.answered]).toEqual([304, 1]);
  });
});
