import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/clock.ts';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser, createUsers, type TestUser } from '../../../test/factories.ts';
import { insertReservation } from '../../../test/reviews.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { envelope, startWorker, waitFor, type Worker } from '../../../test/tickets-support.ts';
import { parseEvent } from '../events/event-schemas.ts';

const BODY = '무대 연출이 정말 인상적이었어요. 추천합니다.';

interface Moderated {
  id: string;
  body: string;
  performance: { id: string; title: string };
  reportCount: number;
  reports: { reason: string; createdAt: string }[];
  hidden?: { reason: string; at: string };
  reply?: { body: string; createdAt: string };
}

/**
 * The moderation queue, hide and reply through the admin routes, their audit entries, and the
 * notifications the worker makes of review.hidden and review.replied (once, however often delivered).
 */
describe('review moderation', () => {
  let env: TestEnv;
  const clock = new ManualClock();
  let t: TestApp;
  let worker: Worker;
  let smtp: TestSmtpServer;
  let admin: TestUser;
  const startsAt = new Date(clock.nowMs() - 3600_000);

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { clock });
    smtp = await startSmtpServer();
    worker = await startWorker(env, { SMTP_URL: smtp.url, MAIL_POLL_MS: '100' });
    admin = await createUser(t.container, { role: 'ADMIN' });
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await smtp?.close();
    await env?.drop();
  });

  const writeReviews = async (count: number) => {
    const st = await createShowtimeWithSeats(t.container, {
      rows: 1,
      seatsPerRow: count,
      startsAt,
      salesOpenAt: new Date(startsAt.getTime() - 86400_000),
      salesCloseAt: new Date(startsAt.getTime() - 3600_000),
      title: '레미제라블',
    });
    const authors = await createUsers(t.container, count);
    const ids: string[] = [];
    for (const [i, author] of authors.entries()) {
      clock.advance(1000);
      const reservationId = await insertReservation(t.container.db, {
        userId: author.id,
        showtimeId: st.showtimeId,
        performanceId: st.performanceId,
        seatId: st.seats[i]!.id,
      });
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/performances/${st.performanceId}/reviews`,
        headers: author.headers,
        payload: { reservationId, rating: 1 + (i % 5), body: `${BODY} ${i}` },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json<{ id: string }>().id);
    }
    return { st, authors, ids };
  };
  const queue = async (query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/reviews${query}`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Moderated[]; total: number }>();
  };
  const report = (user: TestUser, id: string, reason: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/reviews/${id}/reports`,
      headers: user.headers,
      payload: { reason },
    });
  const notifications = async (userId: string, type: string) => {
    const { rows } = await sql<{ dedupe_key: string; title: string; body: string; link: string }>`
      SELECT dedupe_key, title, body, link FROM notifications WHERE user_id = ${userId} AND type = ${type}`.execute(
      t.container.db,
    );
    return rows;
  };
  const mails = async (userId: string) => {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM mail_queue WHERE user_id = ${userId} AND template = 'notice'`.execute(
      t.container.db,
    );
    return Number(rows[0]!.n);
  };

  it('puts reported reviews first with their count and reasons; reports are once per user, never by the author', async () => {
    const { authors, ids } = await writeReviews(3);
    const [r1, r2] = await createUsers(t.container, 2);
    expect((await report(r1!, ids[0]!, '공연과 관계없는 광고예요')).statusCode).toBe(204);
    expect((await report(r1!, ids[1]!, '욕설이 있어요')).statusCode).toBe(204);
    clock.advance(1000);
    expect((await report(r2!, ids[1]!, '스포일러가 있어요')).statusCode).toBe(204);
    const again = await report(r1!, ids[1]!, '다시 신고');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_REPORTED' });
    expect((await report(authors[2]!, ids[2]!, '내 글')).json()).toMatchObject({ code: 'OWN_REVIEW' });

    const reported = await queue('?reported=true');
    const mineFirst = reported.items.filter((r) => ids.includes(r.id));
    expect(mineFirst.map((r) => [r.id, r.reportCount])).toEqual([
      [ids[1], 2],
      [ids[0], 1],
    ]);
    expect(mineFirst[0]!.reports.map((r) => r.reason)).toEqual(['스포일러가 있어요', '욕설이 있어요']);
    expect(mineFirst[0]!.performance.title).toBe('레미제라블');
    // Everything: reported ones first, then the rest newest first.
    const all = await queue('?size=100');
    const order = all.items.map((r) => r.id).filter((id) => ids.includes(id));
    expect(order).toEqual([ids[1], ids[0], ids[2]]);
    expect(all.total).toBeGreaterThanOrEqual(3);
  });

  it('hides a review with a reason: off the list and the aggregates, audited, and one REVIEW_HIDDEN even when delivered twice', async () => {
    const { st, authors, ids } = await writeReviews(2);
    const hide = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/reviews/${ids[0]}/hide`,
        headers: admin.headers,
        payload: { reason: '공연과 관계없는 내용' },
      });
    const [first, second] = await Promise.all([hide(), hide()]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const hidden = [first, second].find((r) => r.statusCode === 200)!.json<Moderated>();
    expect(hidden.hidden).toMatchObject({ reason: '공연과 관계없는 내용' });

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${st.performanceId}/reviews`,
    });
    expect(list.json()).toMatchObject({ count: 1, average: 2, histogram: { 1: 0, 2: 1 } });
    expect(list.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([ids[1]]);
    // Others cannot vote for or report a hidden review.
    const vote = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reviews/${ids[0]}/helpful`,
      headers: authors[1]!.headers,
    });
    expect(vote.statusCode).toBe(404);

    const { rows: audit } = await sql<{ action: string; actor_id: string }>`
      SELECT action, actor_id FROM audit_log WHERE target_id = ${ids[0]!}`.execute(t.container.db);
    expect(audit).toEqual([{ action: 'review.hide', actor_id: admin.id }]); // one row: the service's own

    const author = authors[0]!.id;
    const got = await waitFor(
      () => notifications(author, 'REVIEW_HIDDEN'),
      (r) => r.length === 1,
      20_000,
      'REVIEW_HIDDEN',
    );
    expect(got[0]).toMatchObject({ dedupe_key: `REVIEW_HIDDEN:${ids[0]}`, link: '/me/reviews' });
    expect(got[0]!.body).toContain('레미제라블');
    expect(got[0]!.body).toContain('공연과 관계없는 내용');

    // The same event again through the broker, and the handler twice at once.
    const { rows: outbox } = await sql<{ event_id: string; payload: object }>`
      SELECT event_id, payload FROM outbox WHERE event_type = 'review.hidden' AND aggregate_id = ${ids[0]!}`.execute(
      t.container.db,
    );
    expect(outbox).toHaveLength(1);
    const message = envelope('review.hidden', outbox[0]!.payload, outbox[0]!.event_id);
    await worker.container.broker.publish('review.hidden', message, { messageId: outbox[0]!.event_id });
    const event = parseEvent('review.hidden', message);
    const notices = worker.container.notifications.reviewNotices;
    expect(await Promise.all([notices.hidden(event), notices.hidden(event)])).toEqual([0, 0]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await notifications(author, 'REVIEW_HIDDEN')).toHaveLength(1);
    expect(await mails(author)).toBe(1);
  });

  it('replies under a review: shown on the list, audited, and one REVIEW_REPLIED per reply', async () => {
    const { st, authors, ids } = await writeReviews(1);
    const reply = (body: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/reviews/${ids[0]}/reply`,
        headers: admin.headers,
        payload: { body },
      });
    const res = await reply('찾아 주셔서 감사합니다. <b>다음 시즌</b>에 또 만나요!');
    expect(res.statusCode, res.body).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${st.performanceId}/reviews`,
    });
    expect(list.json<{ items: Moderated[] }>().items[0]!.reply).toMatchObject({
      body: '찾아 주셔서 감사합니다. <b>다음 시즌</b>에 또 만나요!',
    });

    const author = authors[0]!.id;
    const got = await waitFor(
      () => notifications(author, 'REVIEW_REPLIED'),
      (r) => r.length === 1,
      20_000,
      'REVIEW_REPLIED',
    );
    expect(got[0]!.link).toBe(`/performances/${st.performanceId}?tab=reviews#review-${ids[0]}`);
    expect(got[0]!.body).toContain('찾아 주셔서 감사합니다.');

    const { rows: outbox } = await sql<{ event_id: string; payload: object }>`
      SELECT event_id, payload FROM outbox WHERE event_type = 'review.replied' AND aggregate_id = ${ids[0]!}`.execute(
      t.container.db,
    );
    const event = parseEvent(
      'review.replied',
      envelope('review.replied', outbox[0]!.payload, outbox[0]!.event_id),
    );
    const notices = worker.container.notifications.reviewNotices;
    expect(await Promise.all([notices.replied(event), notices.replied(event)])).toEqual([0, 0]);
    expect(await notifications(author, 'REVIEW_REPLIED')).toHaveLength(1);

    // An edited reply is news again.
    clock.advance(60_000);
    expect((await reply('답글을 고쳤어요.')).statusCode).toBe(200);
    await waitFor(
      () => notifications(author, 'REVIEW_REPLIED'),
      (r) => r.length === 2,
      20_000,
      'second REVIEW_REPLIED',
    );
    const { rows: audit } = await sql<{ action: string }>`
      SELECT action FROM audit_log WHERE target_id = ${ids[0]!} ORDER BY id`.execute(t.container.db);
    expect(audit.map((a) => a.action)).toEqual(['review.reply', 'review.reply']);
    expect(await mails(author)).toBe(2);
  });
});
