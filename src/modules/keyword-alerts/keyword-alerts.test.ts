import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, createUsers, type TestUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';
import { toEnvelope } from '../../infra/outbox-relay.ts';
import { parseEvent, type ParsedEvent } from '../events/event-schemas.ts';
import { KeywordAlertsRepository } from './keyword-alerts.repository.ts';
import { KeywordMatcher } from './keyword-matcher.ts';
import { substringsOf } from './keywords.ts';

type OutboxRow = {
  event_id: string;
  event_type: string;
  event_version: number;
  payload: Record<string, unknown>;
  created_at: Date;
};

describe('keyword alerts', () => {
  let env: TestEnv;
  let t: TestApp;
  const clock = new ManualClock();
  let venueId: string;
  let categoryId: string;

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { clock });
    venueId = (
      await t.container.catalog.admin.createVenue({
        name: '블루스퀘어 신한카드홀',
        address: '서울 용산구 이태원로 294',
        sections: [{ name: 'A', grade: 'R', rows: 1, seatsPerRow: 2 }],
      })
    ).id;
    const category = await sql<{ id: string }>`
      INSERT INTO categories (name, slug) VALUES ('뮤지컬', 'musical')
      ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`.execute(t.container.db);
    categoryId = category.rows[0]!.id;
  });
  afterAll(async () => {
    await t.close();
    await env.drop();
  });

  const add = (user: TestUser, keyword: string) => {
    clock.advance(1); // the list is in the order of adding
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/users/me/keyword-alerts',
      headers: user.headers,
      payload: { keyword },
    });
  };

  const countAlerts = async (userId: string) =>
    Number(
      (
        await sql<{ n: string }>`SELECT count(*) AS n FROM keyword_alerts WHERE user_id = ${userId}`.execute(
          t.container.db,
        )
      ).rows[0]!.n,
    );

  const notificationsOf = async (userId: string) =>
    (
      await sql<{ dedupe_key: string; title: string }>`
        SELECT dedupe_key, title FROM notifications WHERE user_id = ${userId} ORDER BY created_at`.execute(
        t.container.db,
      )
    ).rows;

  const createPerformance = (title: string, cast: string[], status: 'DRAFT' | 'ON_SALE' = 'ON_SALE') =>
    t.container.catalog.admin.createPerformance({
      title,
      cast,
      categoryId,
      venueId,
      startDate: '2027-03-01',
      endDate: '2027-05-31',
      runningMinutes: 170,
      ageRating: 8,
      prices: [{ grade: 'R', price: 150_000 }],
      status,
    });

  /** The performance.published events of a performance, as the consumer receives them. */
  async function published(performanceId: string): Promise<ParsedEvent<'performance.published'>[]> {
    const { rows } = await sql<OutboxRow>`
      SELECT event_id, event_type, event_version, payload, created_at FROM outbox
      WHERE aggregate_id = ${performanceId} AND event_type = 'performance.published' ORDER BY id`.execute(
      t.container.db,
    );
    return rows.map((r) =>
      parseEvent('performance.published', JSON.parse(JSON.stringify(toEnvelope(r))) as unknown),
    );
  }

  it('adds (201), answers the same keyword again with the existing one (200), lists and validates', async () => {
    const me = await createUser(t.container);
    const first = await add(me, '  레미   제라블 ');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ keyword: '레미 제라블' });
    const again = await add(me, '레미제라블');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect((await add(me, 'LES MIS')).statusCode).toBe(201);
    expect((await add(me, 'les mis')).statusCode).toBe(200);

    const tooLong = await add(me, '가'.repeat(31));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().code).toBe('VALIDATION_FAILED');
    expect((await add(me, `  ${'가'.repeat(30)}  `)).statusCode).toBe(201);
    expect((await add(me, '    ')).statusCode).toBe(400);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/me/keyword-alerts',
      headers: me.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().limit).toBe(20);
    expect(list.json().items.map((i: { keyword: string }) => i.keyword)).toEqual([
      '레미 제라블',
      'LES MIS',
      '가'.repeat(30),
    ]);
  });

  it('deletes only the owner’s alert: someone else’s is 404 and stays', async () => {
    const owner = await createUser(t.container);
    const other = await createUser(t.container);
    const id = (await add(owner, '오페라의 유령')).json().id as string;
    const del = (user: TestUser) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/users/me/keyword-alerts/${id}`, headers: user.headers });
    const foreign = await del(other);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('KEYWORD_ALERT_NOT_FOUND');
    expect(await countAlerts(owner.id)).toBe(1);
    expect((await del(owner)).statusCode).toBe(204);
    expect((await del(owner)).statusCode).toBe(404);
    expect(await countAlerts(owner.id)).toBe(0);
  });

  it('holds 20 per user under concurrent POSTs', async () => {
    const me = await createUser(t.container);
    for (let i = 0; i < 19; i++) expect((await add(me, `키워드${i}`)).statusCode).toBe(201);
    const racing = await Promise.all(Array.from({ length: 6 }, (_, i) => add(me, `동시${i}`)));
    const codes = racing.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    expect(racing.find((r) => r.statusCode === 409)!.json()).toMatchObject({
      code: 'KEYWORD_LIMIT',
      limit: 20,
    });
    expect(await countAlerts(me.id)).toBe(20);
    // A keyword already held is still answered at the cap.
    expect((await add(me, '키워드0')).statusCode).toBe(200);
  });

  it('publishes performance.published when created listed or put on sale, never for a draft', async () => {
    const listed = await createPerformance('맘마미아', ['최정원']);
    const [event] = await published(listed.id);
    expect(event!.data).toMatchObject({
      performanceId: listed.id,
      title: '맘마미아',
      cast: ['최정원'],
      venueName: '블루스퀘어 신한카드홀',
      salesOpenAt: null,
      status: 'ON_SALE',
    });

    const draft = await createPerformance('드라큘라', ['김준수'], 'DRAFT');
    expect(await published(draft.id)).toHaveLength(0);
    await t.container.catalog.admin.updatePerformance(draft.id, { title: '드라큘라 10주년' });
    expect(await published(draft.id)).toHaveLength(0);
    await t.container.catalog.admin.updatePerformance(draft.id, { status: 'ON_SALE' });
    const events = await published(draft.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data.title).toBe('드라큘라 10주년');
    // Still on sale: an edit is no new publication.
    await t.container.catalog.admin.updatePerformance(draft.id, { runningMinutes: 150 });
    expect(await published(draft.id)).toHaveLength(1);
  });

  it('carries the earliest upcoming showtime’s sales opening', async () => {
    const perf = await createPerformance('시카고', ['아이비'], 'DRAFT');
    const salesOpenAt = new Date('2027-02-01T05:00:00.000Z');
    await t.container.catalog.admin.createShowtime(perf.id, {
      startsAt: '2027-03-02T11:00:00.000Z',
      salesOpenAt: salesOpenAt.toISOString(),
      salesCloseAt: '2027-03-02T10:00:00.000Z',
      maxTicketsPerUser: 4,
    });
    await t.container.catalog.admin.updatePerformance(perf.id, { status: 'ON_SALE' });
    expect((await published(perf.id))[0]!.data.salesOpenAt).toBe(salesOpenAt.toISOString());
  });

  it('notifies users whose keyword is a Korean partial word of the title, a cast name or the venue, once each', async () => {
    const [partial, cast, venue, latin, two, none] = await createUsers(t.container, 6);
    await add(partial!, '레미제');
    await add(cast!, '민우혁');
    await add(venue!, '블루 스퀘어');
    await add(latin!, 'les MISÉRABLES');
    await add(two!, '레미제');
    await add(two!, '라블');
    await add(none!, '오페라');

    const perf = await createPerformance('레미제라블 (Les Misérables)', ['민우혁', '최재림']);
    const [event] = await published(perf.id);
    const matcher = t.container.keywordAlerts.matcher;
    const notified = await matcher.onPublished(event!);
    expect(notified).toBeGreaterThanOrEqual(5);
    for (const u of [partial, cast, venue, latin, two]) {
      const rows = await notificationsOf(u!.id);
      expect(rows, u!.email).toHaveLength(1);
      expect(rows[0]!.dedupe_key).toBe(`KEYWORD_MATCH:${perf.id}`);
    }
    expect((await notificationsOf(two!.id))[0]!.title).toContain('레미제');
    expect(await notificationsOf(none!.id)).toHaveLength(0);
    const mails = await sql<{ template: string; category: string }>`
      SELECT template, category FROM mail_queue WHERE user_id = ${partial!.id}`.execute(t.container.db);
    expect(mails.rows).toEqual([{ template: 'keyword-match', category: 'alerts' }]);

    // Redelivered: nothing new.
    expect(await matcher.onPublished(event!)).toBe(0);
    // Closed and put on sale again: a second event, still one notification per user.
    await t.container.catalog.admin.updatePerformance(perf.id, { status: 'CLOSED' });
    await t.container.catalog.admin.updatePerformance(perf.id, { status: 'ON_SALE' });
    const events = await published(perf.id);
    expect(events).toHaveLength(2);
    expect(await matcher.onPublished(events[1]!)).toBe(0);
    for (const u of [partial, cast, venue, latin, two]) expect(await notificationsOf(u!.id)).toHaveLength(1);
    const mailCount = await sql<{ n: string }>`
      SELECT count(*) AS n FROM mail_queue WHERE user_id = ${two!.id}`.execute(t.container.db);
    expect(Number(mailCount.rows[0]!.n)).toBe(1);
  });

  it('pages through many matching users', async () => {
    const users = await createUsers(t.container, 7);
    for (const u of users) await add(u, '웃는남자');
    const perf = await createPerformance('웃는 남자', ['박효신']);
    const [event] = await published(perf.id);
    const matcher = new KeywordMatcher({
      db: t.container.db,
      repo: new KeywordAlertsRepository(),
      notifier: t.container.notifications.notifier,
      publicUrl: 'http://localhost:3000',
      log: t.container.log,
      batchSize: 2,
    });
    // Everyone with the word, plus whoever watches the venue's name (an earlier test).
    expect(await matcher.onPublished(event!)).toBeGreaterThanOrEqual(7);
    for (const u of users) expect(await notificationsOf(u.id)).toHaveLength(1);
  });

  it('matches substrings within one field only', () => {
    const subs = new Set(substringsOf(['레미제라블', '민우혁']));
    expect(subs.has('레미제')).toBe(true);
    expect(subs.has('우혁')).toBe(true);
    expect(subs.has('블민')).toBe(false);
  });
});
