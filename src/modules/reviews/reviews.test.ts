import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/clock.ts';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import {
  createShowtimeWithSeats,
  createUser,
  createUsers,
  type TestShowtime,
  type TestUser,
} from '../../../test/factories.ts';
import { insertReservation, recount } from '../../../test/reviews.ts';
import { AppError } from '../../errors.ts';
import { createReviewsModule } from './index.ts';

const BODY = '배우들의 노래가 정말 좋았어요. 다시 보고 싶어요.';

interface ReviewJson {
  id: string;
  rating: number;
  body: string;
  author: { nickname: string };
  helpfulCount: number;
  reply?: { body: string; createdAt: string };
  createdAt: string;
  editedAt?: string;
  mine?: boolean;
  votedHelpful?: boolean;
}
interface ReviewPageJson {
  items: ReviewJson[];
  average: number;
  count: number;
  histogram: Record<string, number>;
  page: number;
  size: number;
  total: number;
}

/**
 * 관람후기 over HTTP on the real stores: who may write, once per reservation under a race, edits and
 * deletes by the author only, helpful votes, and the aggregates against a recount after a random
 * concurrent mix. The clock is moved past the show's start instead of waiting.
 */
describe('reviews', () => {
  let env: TestEnv;
  const clock = new ManualClock();
  let t: TestApp;
  let admin: TestUser;
  const startsAt = new Date(clock.nowMs() + 2 * 86400_000);

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { clock });
    admin = await createUser(t.container, { role: 'ADMIN' });
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const show = (rows = 2, seatsPerRow = 10): Promise<TestShowtime> =>
    createShowtimeWithSeats(t.container, {
      rows,
      seatsPerRow,
      startsAt,
      salesOpenAt: new Date(clock.nowMs() - 86400_000),
    });
  const reservationFor = (user: TestUser, st: TestShowtime, seat = 0, status = 'CONFIRMED') =>
    insertReservation(t.container.db, {
      userId: user.id,
      showtimeId: st.showtimeId,
      performanceId: st.performanceId,
      seatId: st.seats[seat]!.id,
      status,
    });
  const post = (user: TestUser, performanceId: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/performances/${performanceId}/reviews`,
      headers: user.headers,
      payload,
    });
  const list = async (performanceId: string, query = '', user?: TestUser): Promise<ReviewPageJson> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${performanceId}/reviews${query}`,
      headers: user?.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReviewPageJson>();
  };
  const afterStart = () => clock.set(startsAt.getTime() + 60_000);
  const beforeStart = () => clock.set(startsAt.getTime() - 3600_000);

  it('refuses a non-buyer and a buyer before the show; the buyer after it writes one review', async () => {
    beforeStart();
    const st = await show();
    const other = await show();
    const [buyer, stranger] = await Promise.all([createUser(t.container), createUser(t.container)]);
    const reservation = await reservationFor(buyer, st);
    const cancelled = await reservationFor(buyer, st, 1, 'CANCELLED');
    const elsewhere = await reservationFor(buyer, other);
    const review = { reservationId: reservation, rating: 4, body: BODY };

    const early = await post(buyer, st.performanceId, review);
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: 'NOT_A_BUYER' });

    afterStart();
    for (const [who, body] of [
      [stranger, review], // someone else's reservation
      [buyer, { ...review, reservationId: cancelled }], // not CONFIRMED
      [buyer, { ...review, reservationId: elsewhere }], // another performance's showtime
      [buyer, { ...review, reservationId: randomUUID() }], // no such reservation
    ] as const) {
      const res = await post(who, st.performanceId, body);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'NOT_A_BUYER' });
    }
    const unknown = await post(buyer, randomUUID(), review);
    expect(unknown.json()).toMatchObject({ code: 'PERFORMANCE_NOT_FOUND' });

    const created = await post(buyer, st.performanceId, review);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ rating: 4, body: BODY, helpfulCount: 0, mine: true });
    const again = await post(buyer, st.performanceId, { ...review, rating: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_REVIEWED' });

    const page = await list(st.performanceId);
    expect(page).toMatchObject({
      average: 4,
      count: 1,
      total: 1,
      histogram: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
    });
    expect(page.items[0]).toMatchObject({ author: { nickname: 'tester' }, rating: 4 });
    expect(page.items[0]!.mine).toBeUndefined(); // anonymous readers get no per-caller fields
  });

  it('bounds the text and the rating: too short after trimming, too long, out of range', async () => {
    afterStart();
    const st = await show();
    const buyer = await createUser(t.container);
    const reservationId = await reservationFor(buyer, st);
    for (const payload of [
      { reservationId, rating: 5, body: `   ${'짧다'}          ` }, // 10+ raw characters, 2 trimmed
      { reservationId, rating: 5, body: 'x'.repeat(2001) },
      { reservationId, rating: 0, body: BODY },
      { reservationId, rating: 6, body: BODY },
      { reservationId, rating: 4.5, body: BODY },
    ]) {
      const res = await post(buyer, st.performanceId, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    const ok = await post(buyer, st.performanceId, { reservationId, rating: 5, body: `  ${BODY}  ` });
    expect(ok.json<ReviewJson>().body).toBe(BODY);
    // The database holds the same bounds whatever a future code path sends.
    await expect(
      sql`UPDATE reviews SET rating = 7 WHERE performance_id = ${st.performanceId}`.execute(t.container.db),
    ).rejects.toThrow(/reviews_rating_range/);
    await expect(
      sql`UPDATE reviews SET body = 'short' WHERE performance_id = ${st.performanceId}`.execute(
        t.container.db,
      ),
    ).rejects.toThrow(/reviews_body_length/);
  });

  it('stores and returns markup verbatim, as text', async () => {
    afterStart();
    const st = await show();
    const buyer = await createUser(t.container);
    const body = '<script>alert("xss")</script><img src=x onerror=alert(1)> 정말 &amp; 좋았어요';
    const res = await post(buyer, st.performanceId, {
      reservationId: await reservationFor(buyer, st),
      rating: 5,
      body,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json<ReviewJson>().body).toBe(body);
    expect((await list(st.performanceId)).items[0]!.body).toBe(body);
    const { rows } = await sql<{ body: string }>`
      SELECT body FROM reviews WHERE performance_id = ${st.performanceId}`.execute(t.container.db);
    expect(rows[0]!.body).toBe(body);
  });

  it('lets two racing posts for one reservation make exactly one review', async () => {
    afterStart();
    const st = await show();
    const buyer = await createUser(t.container);
    const reservationId = await reservationFor(buyer, st);
    for (let round = 0; round < 3; round++) {
      // A fresh reservation each round; two requests at once, then once more.
      const id = round === 0 ? reservationId : await reservationFor(buyer, st, round);
      const answers = await Promise.all(
        [3, 5].map((rating) => post(buyer, st.performanceId, { reservationId: id, rating, body: BODY })),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.statusCode === 409)!.json()).toMatchObject({ code: 'ALREADY_REVIEWED' });
    }
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM reviews WHERE performance_id = ${st.performanceId}`.execute(t.container.db);
    expect(Number(rows[0]!.n)).toBe(3);
    const page = await list(st.performanceId);
    expect(page.count).toBe(3);
    expect(page).toMatchObject(await recount(t.container.db, st.performanceId));
  });

  it('lets only the author edit or delete; others get 404 and nothing changes', async () => {
    afterStart();
    const st = await show();
    const [author, other] = await Promise.all([createUser(t.container), createUser(t.container)]);
    const created = await post(author, st.performanceId, {
      reservationId: await reservationFor(author, st),
      rating: 2,
      body: BODY,
    });
    const id = created.json<ReviewJson>().id;
    const patch = (user: TestUser, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/reviews/${id}`, headers: user.headers, payload });
    const del = (user: TestUser) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/reviews/${id}`, headers: user.headers });

    for (const res of [await patch(other, { rating: 5 }), await del(other), await del(admin)]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'REVIEW_NOT_FOUND' });
    }
    expect((await list(st.performanceId)).histogram).toMatchObject({ 2: 1, 5: 0 });

    clock.advance(60_000);
    const edited = await patch(author, { rating: 5, body: `${BODY} 수정했어요.` });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      rating: 5,
      body: `${BODY} 수정했어요.`,
      editedAt: clock.now().toISOString(),
    });
    expect(await list(st.performanceId)).toMatchObject({ average: 5, count: 1, histogram: { 2: 0, 5: 1 } });
    expect((await patch(author, {})).statusCode).toBe(400);

    expect((await del(author)).statusCode).toBe(204);
    expect(await list(st.performanceId)).toMatchObject({ average: 0, count: 0, items: [] });
    expect((await del(author)).statusCode).toBe(404);
  });

  it('counts 100 concurrent helpful votes by 100 users exactly, once per user, never the author', async () => {
    afterStart();
    const st = await show();
    const author = await createUser(t.container);
    const id = (
      await post(author, st.performanceId, {
        reservationId: await reservationFor(author, st),
        rating: 4,
        body: BODY,
      })
    ).json<ReviewJson>().id;
    const voters = await createUsers(t.container, 100);
    const vote = (user: TestUser) =>
      t.app.inject({ method: 'POST', url: `/api/v1/reviews/${id}/helpful`, headers: user.headers });
    const answers = await Promise.all(voters.map(vote));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(100);
    const { rows } = await sql<{ helpful_count: number; votes: string }>`
      SELECT helpful_count, (SELECT count(*) FROM review_helpful_votes WHERE review_id = ${id}) AS votes
      FROM reviews WHERE id = ${id}`.execute(t.container.db);
    expect([rows[0]!.helpful_count, Number(rows[0]!.votes)]).toEqual([100, 100]);
    expect((await list(st.performanceId)).items[0]!.helpfulCount).toBe(100);

    // Once per user, also when the same user sends several at once.
    const twice = await Promise.all([vote(voters[0]!), vote(voters[0]!)]);
    expect(twice.map((a) => a.statusCode)).toEqual([409, 409]);
    expect(twice[0]!.json()).toMatchObject({ code: 'ALREADY_VOTED' });
    const own = await vote(author);
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'OWN_REVIEW' });

    const undo = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/reviews/${id}/helpful`,
      headers: voters[1]!.headers,
    });
    expect(undo.json()).toEqual({ helpfulCount: 99, votedHelpful: false });
    const page = await list(st.performanceId, '', voters[2]);
    expect(page.items[0]).toMatchObject({ helpfulCount: 99, votedHelpful: true, mine: false });
    expect((await list(st.performanceId, '', voters[1])).items[0]).toMatchObject({ votedHelpful: false });
  });

  it('sorts by latest, rating and helpful, and pages', async () => {
    afterStart();
    const st = await show();
    const users = await createUsers(t.container, 4);
    const ids: string[] = [];
    for (const [i, rating] of [3, 5, 1, 4].entries()) {
      clock.advance(1000);
      const res = await post(users[i]!, st.performanceId, {
        reservationId: await reservationFor(users[i]!, st, i),
        rating,
        body: `${BODY} (${i})`,
      });
      ids.push(res.json<ReviewJson>().id);
    }
    // Helpful votes: the 1-star review twice, the 3-star once.
    const [v1, v2] = await createUsers(t.container, 2);
    for (const [voter, review] of [
      [v1, ids[2]],
      [v2, ids[2]],
      [v1, ids[0]],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/reviews/${review}/helpful`,
        headers: voter!.headers,
      });
      expect(res.statusCode).toBe(200);
    }
    const order = async (q: string) => (await list(st.performanceId, q)).items.map((r) => ids.indexOf(r.id));
    expect(await order('?sort=latest')).toEqual([3, 2, 1, 0]);
    expect(await order('')).toEqual([3, 2, 1, 0]);
    expect(await order('?sort=rating')).toEqual([1, 3, 0, 2]);
    expect(await order('?sort=helpful')).toEqual([2, 0, 3, 1]);
    expect(await order('?sort=rating&page=2&size=3')).toEqual([2]);
    const page = await list(st.performanceId, '?size=3');
    expect(page).toMatchObject({ page: 1, size: 3, total: 4, count: 4, average: 3.25 });
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${st.performanceId}/reviews?sort=best`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps average, count and histogram equal to a recount after a random concurrent mix of writes', async () => {
    afterStart();
    const st = await show(4, 10);
    const users = await createUsers(t.container, 40);
    const reservations = await Promise.all(users.map((u, i) => reservationFor(u, st, i)));
    let seed = 20261201;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const stars = () => 1 + Math.floor(random() * 5);
    const create = (i: number) =>
      post(users[i]!, st.performanceId, {
        reservationId: reservations[i]!,
        rating: stars(),
        body: `${BODY} #${i}`,
      });

    // Half are written first; then the rest are written while those are edited, deleted and hidden.
    const first = await Promise.all(users.slice(0, 20).map((_, i) => create(i)));
    const existing = first.map((r) => ({ id: r.json<ReviewJson>().id, user: users[first.indexOf(r)]! }));
    const ops: (() => Promise<{ statusCode: number }>)[] = [];
    for (let i = 20; i < 40; i++) ops.push(() => create(i));
    for (let k = 0; k < 60; k++) {
      const target = existing[Math.floor(random() * existing.length)]!;
      const kind = random();
      if (kind < 0.5)
        ops.push(() =>
          t.app.inject({
            method: 'PATCH',
            url: `/api/v1/reviews/${target.id}`,
            headers: target.user.headers,
            payload: { rating: stars() },
          }),
        );
      else if (kind < 0.75)
        ops.push(() =>
          t.app.inject({
            method: 'DELETE',
            url: `/api/v1/reviews/${target.id}`,
            headers: target.user.headers,
          }),
        );
      else
        ops.push(() =>
          t.app.inject({
            method: 'POST',
            url: `/api/v1/admin/reviews/${target.id}/hide`,
            headers: admin.headers,
            payload: { reason: '운영 정책 위반' },
          }),
        );
    }
    ops.sort(() => random() - 0.5);
    const answers = await Promise.all(ops.map((op) => op()));
    // Each answer is a success or the loser's answer of a race on the same review, never a failure.
    for (const a of answers) expect([200, 201, 204, 404, 409]).toContain(a.statusCode);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(20);

    const truth = await recount(t.container.db, st.performanceId);
    const page = await list(st.performanceId, '?size=100');
    expect({ average: page.average, count: page.count, histogram: page.histogram }).toEqual(truth);
    expect(page.total).toBe(truth.count);
    expect(page.items).toHaveLength(truth.count);
    expect(truth.count).toBeGreaterThan(20); // the mix deleted and hid some, not all
  });

  it('lists my reviews with the performance, hidden ones with the reason', async () => {
    afterStart();
    const st = await show();
    const me = await createUser(t.container);
    const [a, b] = await Promise.all([reservationFor(me, st, 0), reservationFor(me, st, 1)]);
    const first = (
      await post(me, st.performanceId, { reservationId: a, rating: 3, body: BODY })
    ).json<ReviewJson>();
    clock.advance(1000);
    await post(me, st.performanceId, { reservationId: b, rating: 5, body: `${BODY}!` });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/reviews/${first.id}/hide`,
      headers: admin.headers,
      payload: { reason: '스포일러' },
    });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/me/reviews', headers: me.headers });
    expect(res.statusCode).toBe(200);
    const page = res.json<{
      items: (ReviewJson & { reservationId: string; hidden?: { reason: string } })[];
      total: number;
    }>();
    expect(page.total).toBe(2);
    expect(page.items.map((r) => [r.reservationId, r.rating, r.hidden?.reason])).toEqual([
      [b, 5, undefined],
      [a, 3, '스포일러'],
    ]);
    expect(page.items[0]).toMatchObject({
      performance: { id: st.performanceId, title: '테스트 공연' },
      mine: true,
    });
    // A hidden review is not listed publicly, cannot be edited, and is out of the aggregates.
    expect(await list(st.performanceId)).toMatchObject({ count: 1, average: 5 });
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/reviews/${first.id}`,
      headers: me.headers,
      payload: { rating: 1 },
    });
    expect(edit.json()).toMatchObject({ code: 'REVIEW_HIDDEN' });
  });

  it('screens every body, reply and report reason before writing anything', async () => {
    afterStart();
    const st = await show();
    const [author, reader] = await Promise.all([createUser(t.container), createUser(t.container)]);
    const screened: string[] = [];
    const c = t.container;
    // The module as the container builds it, with a list that refuses one word.
    const { service } = createReviewsModule(c, {
      reservations: { reservationOf: (id) => c.booking.bookers.ownerOf(id) },
      showtimes: c.catalog.doorShowtimes,
      performances: { isListed: (id) => c.catalog.reads.isListed(id) },
      authors: { profiles: async () => new Map() },
      screen: {
        assertClean: async (...texts) => {
          screened.push(...texts);
          if (texts.some((x) => x.includes('금칙어'))) throw new AppError('BANNED_WORDS');
        },
      },
      audit: undefined,
    });
    const reservationId = await reservationFor(author, st);
    await expect(
      service.create(author.id, st.performanceId, { reservationId, rating: 5, body: `${BODY} 금칙어` }),
    ).rejects.toMatchObject({ code: 'BANNED_WORDS' });
    expect((await list(st.performanceId)).count).toBe(0);
    const created = await service.create(author.id, st.performanceId, {
      reservationId,
      rating: 5,
      body: BODY,
    });
    const id = created.row.id;
    await expect(service.edit(author.id, id, { body: `${BODY} 금칙어` })).rejects.toMatchObject({
      code: 'BANNED_WORDS',
    });
    await expect(service.report(reader.id, id, '금칙어 신고')).rejects.toMatchObject({
      code: 'BANNED_WORDS',
    });
    await expect(service.reply(admin.id, id, '금칙어 답글')).rejects.toMatchObject({ code: 'BANNED_WORDS' });
    const { rows } = await sql<{ body: string; reply_body: string | null; report_count: number }>`
      SELECT body, reply_body, report_count FROM reviews WHERE id = ${id}`.execute(c.db);
    expect(rows[0]).toEqual({ body: BODY, reply_body: null, report_count: 0 });
    expect(screened).toEqual([`${BODY} 금칙어`, BODY, `${BODY} 금칙어`, '금칙어 신고', '금칙어 답글']);
  });

  it('limits review writes per user with 429 RATE_LIMITED and Retry-After', async () => {
    afterStart();
    const limited = await createTestApp(
      env,
      { REVIEW_WRITES_PER_HOUR: '2', REVIEW_REPORTS_PER_HOUR: '1' },
      'api',
      {
        clock,
      },
    );
    try {
      const st = await show();
      const [me, other] = await Promise.all([createUser(t.container), createUser(t.container)]);
      const send = (user: TestUser, reservationId: string) =>
        limited.app.inject({
          method: 'POST',
          url: `/api/v1/performances/${st.performanceId}/reviews`,
          headers: user.headers,
          payload: { reservationId, rating: 4, body: BODY },
        });
      const mine = await Promise.all([0, 1, 2].map((i) => reservationFor(me, st, i)));
      expect((await send(me, mine[0]!)).statusCode).toBe(201);
      expect((await send(me, mine[0]!)).statusCode).toBe(409); // counts too: it was a write attempt
      const third = await send(me, mine[1]!);
      expect(third.statusCode).toBe(429);
      expect(third.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      // Another user has a budget of their own.
      expect((await send(other, await reservationFor(other, st, 5))).statusCode).toBe(201);

      const review = (await list(st.performanceId)).items[0]!.id;
      const report = () =>
        limited.app.inject({
          method: 'POST',
          url: `/api/v1/reviews/${review}/reports`,
          headers: other.headers,
          payload: { reason: '광고성 글이에요' },
        });
      const reports = [await report(), await report()];
      expect(reports.map((r) => r.statusCode)).toEqual([expect.any(Number), 429]);
    } finally {
      await limited.close();
    }
  });
});
