import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/clock.ts';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers, type TestShowtime } from '../../../test/factories.ts';
import { waitFor } from '../../../test/tickets-support.ts';
import type { Db } from '../../infra/db.ts';

/**
 * Two workers (two containers over one database, Redis prefix and broker) run the fan-out job and
 * the page consumer at once, on one clock moved by hand.
 */
describe('sales-open fan-out, reminders and review invitations', () => {
  let env: TestEnv;
  const clock = new ManualClock();
  let a: TestApp;
  let b: TestApp;
  let db: Db;
  const overrides = { ONSALE_ALERT_PAGE_SIZE: '7', ONSALE_ALERTS_INTERVAL_MS: '600000' };

  beforeAll(async () => {
    env = await createTestEnv();
    a = await createTestApp(env, overrides, 'worker', { clock });
    b = await createTestApp(env, overrides, 'worker', { clock });
    db = a.container.db;
    for (const w of [a, b]) {
      await w.container.broker.connect();
      await w.container.onsaleAlerts.background.find((j) => j.name === 'onsale-alert-pages')!.start();
    }
  });
  afterAll(async () => {
    for (const w of [a, b]) {
      await w.container.onsaleAlerts.background.find((j) => j.name === 'onsale-alert-pages')!.stop();
      await w.close();
    }
    await env.drop();
  });

  const fanoutBoth = () => Promise.all([a, b, a, b].map((w) => w.container.onsaleAlerts.fanout.runOnce()));

  const counts = async (type: string, key: string) => {
    const { rows } = await sql<{ users: string; total: string; most: string | null }>`
      SELECT count(DISTINCT user_id) AS users, count(*) AS total, max(n) AS most FROM (
        SELECT user_id, count(*) OVER (PARTITION BY user_id) AS n FROM notifications
        WHERE type = ${type} AND dedupe_key LIKE ${key}) x`.execute(db);
    return { users: Number(rows[0]!.users), total: Number(rows[0]!.total), most: Number(rows[0]!.most ?? 0) };
  };
  const mails = async (template: string, userIds: string[]) => {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM mail_queue WHERE template = ${template} AND user_id = ANY(${userIds}::uuid[])`.execute(
      db,
    );
    return Number(rows[0]!.n);
  };
  const subscribe = async (userIds: string[], target: { showtimeId?: string; performanceId?: string }) => {
    for (const id of userIds) {
      const token = await a.container.tokens.sign({ userId: id, role: 'USER' });
      const res = await a.app.inject({
        method: 'POST',
        url: '/api/v1/users/me/onsale-alerts',
        headers: { authorization: `Bearer ${token}` },
        payload: target,
      });
      expect(res.statusCode).toBe(201);
    }
  };

  it('sends each showtime subscriber one ONSALE_SOON and one ONSALE_OPEN, a performance subscriber one of each', async () => {
    const openAt = new Date(Math.floor(clock.nowMs() / 1000) * 1000 + 30 * 60_000);
    const show: TestShowtime = await createShowtimeWithSeats(a.container, {
      rows: 1,
      seatsPerRow: 1,
      salesOpenAt: openAt,
      startsAt: new Date(openAt.getTime() + 20 * 86400_000),
      title: '팬아웃 공연',
    });
    // A second showtime of the same performance opening at the same time.
    const second = await sql<{ id: string }>`
      INSERT INTO showtimes (performance_id, starts_at, sales_open_at, sales_close_at, max_tickets_per_user, seat_count)
      SELECT performance_id, starts_at + interval '1 day', sales_open_at, sales_close_at + interval '1 day', 4, 1
      FROM showtimes WHERE id = ${show.showtimeId} RETURNING id`.execute(db);
    const stUsers = (await createUsers(a.container, 23)).map((u) => u.id);
    const pfUsers = (await createUsers(a.container, 9)).map((u) => u.id);
    // Overlapping subscriptions: the performance and a showtime; both showtimes. Told once all the same.
    const overlapping = (await createUsers(a.container, 6)).map((u) => u.id);
    await subscribe(stUsers, { showtimeId: show.showtimeId });
    await subscribe(pfUsers, { performanceId: show.performanceId });
    await subscribe(overlapping.slice(0, 3), { performanceId: show.performanceId });
    await subscribe(overlapping, { showtimeId: show.showtimeId });
    await subscribe(overlapping.slice(3), { showtimeId: second.rows[0]!.id });
    stUsers.push(...overlapping);

    // Half an hour before: nothing is due.
    await fanoutBoth();
    expect((await counts('ONSALE_SOON', '%')).total).toBe(0);

    clock.advance(25 * 60_000); // 5 minutes before the opening
    await fanoutBoth();
    await fanoutBoth();
    const soon = await waitFor(
      () => counts('ONSALE_SOON', '%'),
      (c) => c.users === stUsers.length + pfUsers.length,
      20_000,
      'SOON notifications',
    );
    clock.advance(6 * 60_000); // 1 minute after the opening
    await fanoutBoth();
    const open = await waitFor(
      () => counts('ONSALE_OPEN', '%'),
      (c) => c.users === stUsers.length + pfUsers.length,
      20_000,
      'OPEN notifications',
    );
    // Redeliveries and late pages would show up here.
    await new Promise((r) => setTimeout(r, 500));
    await fanoutBoth();
    expect(await counts('ONSALE_SOON', '%')).toEqual({ ...soon, most: 1 });
    expect(await counts('ONSALE_OPEN', '%')).toEqual({ ...open, most: 1 });
    expect(soon.total).toBe(stUsers.length + pfUsers.length);
    expect(open.total).toBe(stUsers.length + pfUsers.length);
    expect((await counts('ONSALE_OPEN', `ONSALE_OPEN:perf:${show.performanceId}:%`)).users).toBe(
      stUsers.length + pfUsers.length,
    );
    expect(await mails('onsale-alert', [...stUsers, ...pfUsers])).toBe(2 * (stUsers.length + pfUsers.length));
  });

  it('runs as leased background jobs on two workers: one ONSALE_OPEN each', async () => {
    const openAt = new Date(Math.floor(clock.nowMs() / 1000) * 1000 + 60_000);
    const show = await createShowtimeWithSeats(a.container, {
      rows: 1,
      seatsPerRow: 1,
      salesOpenAt: openAt,
      title: '리스 공연',
    });
    const users = (await createUsers(a.container, 15)).map((u) => u.id);
    await sql`INSERT INTO onsale_alerts (user_id, showtime_id) SELECT unnest(${users}::uuid[]), ${show.showtimeId}`.execute(
      db,
    );
    const x = await createTestApp(env, { ...overrides, ONSALE_ALERTS_INTERVAL_MS: '100' }, 'worker', {
      clock,
    });
    const y = await createTestApp(env, { ...overrides, ONSALE_ALERTS_INTERVAL_MS: '100' }, 'worker', {
      clock,
    });
    const jobs = [x, y].map((w) =>
      w.container.onsaleAlerts.background.find((j) => j.name === 'onsale-alert-fanout')!,
    );
    try {
      for (const j of jobs) await j.start();
      clock.advance(2 * 60_000);
      const c = await waitFor(
        () => counts('ONSALE_OPEN', `%:perf:${show.performanceId}:%`),
        (v) => v.users === users.length,
        20_000,
        'OPEN through the leased jobs',
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(await counts('ONSALE_OPEN', `%:perf:${show.performanceId}:%`)).toEqual({
        ...c,
        total: users.length,
        most: 1,
      });
    } finally {
      for (const j of jobs) await j.stop();
      await x.close();
      await y.close();
    }
  });

  it('skips ONSALE_SOON when the job first runs after the opening, and still sends ONSALE_OPEN', async () => {
    const openAt = new Date(Math.floor(clock.nowMs() / 1000) * 1000 - 40 * 60_000);
    const show = await createShowtimeWithSeats(a.container, {
      rows: 1,
      seatsPerRow: 1,
      salesOpenAt: openAt,
      title: '늦은 공연',
    });
    const users = (await createUsers(a.container, 3)).map((u) => u.id);
    await sql`INSERT INTO onsale_alerts (user_id, showtime_id) SELECT unnest(${users}::uuid[]), ${show.showtimeId}`.execute(
      db,
    );
    await fanoutBoth();
    await waitFor(
      () => counts('ONSALE_OPEN', `%:perf:${show.performanceId}:%`),
      (c) => c.users === 3,
      20_000,
      'OPEN after a late start',
    );
    expect((await counts('ONSALE_SOON', `%:perf:${show.performanceId}:%`)).total).toBe(0);
  });

  it('reminds each confirmed reservation once and invites each holder to review once, with two workers', async () => {
    const startsAt = new Date(Math.floor(clock.nowMs() / 1000) * 1000 + 20 * 3600_000);
    const show = await createShowtimeWithSeats(a.container, {
      rows: 1,
      seatsPerRow: 4,
      startsAt,
      title: '내일 공연',
    });
    const [u1, u2, u3] = (await createUsers(a.container, 3)).map((u) => u.id);
    const reserve = async (userId: string, seatId: string, status: string) => {
      const { rows } = await sql<{ id: string }>`
        INSERT INTO reservations (user_id, showtime_id, performance_id, hold_id, status, amount, total, payment_id,
                                  expires_at, booking_number)
        VALUES (${userId}, ${show.showtimeId}, ${show.performanceId}, gen_random_uuid(), ${status}, 0, 0,
                gen_random_uuid(), now(), ${`T${Math.random().toString(36).slice(2, 12)}`})
        RETURNING id`.execute(db);
      await sql`INSERT INTO reservation_seats (reservation_id, seat_id, showtime_id, price)
                VALUES (${rows[0]!.id}, ${seatId}, ${show.showtimeId}, 0)`.execute(db);
    };
    await reserve(u1!, show.seats[0]!.id, 'CONFIRMED');
    await reserve(u1!, show.seats[1]!.id, 'CONFIRMED');
    await reserve(u2!, show.seats[2]!.id, 'CONFIRMED');
    await reserve(u3!, show.seats[3]!.id, 'CANCELLED');

    const remind = () => Promise.all([a, b, a, b].map((w) => w.container.onsaleAlerts.jobs.remindOnce()));
    await remind();
    await remind();
    expect(await counts('SHOW_REMINDER', '%')).toMatchObject({ users: 2, total: 3 });
    expect(await mails('show-reminder', [u1!, u2!, u3!])).toBe(3);
    const { rows } = await sql<{ body: string }>`
      SELECT body FROM notifications WHERE type = 'SHOW_REMINDER' AND user_id = ${u2!}`.execute(db);
    expect(rows[0]!.body).toContain('테스트홀');
    expect(rows[0]!.body).toContain('A구역 A열 3번');

    const invite = () => Promise.all([a, b, a, b].map((w) => w.container.onsaleAlerts.jobs.inviteOnce()));
    await invite();
    expect((await counts('REVIEW_INVITATION', '%')).total).toBe(0); // not ended yet
    clock.set(startsAt.getTime() + 121 * 60_000); // running time is 120 minutes
    await invite();
    await invite();
    expect(await counts('REVIEW_INVITATION', `REVIEW_INVITATION:${show.showtimeId}`)).toEqual({
      users: 2,
      total: 2,
      most: 1,
    });
    expect(await mails('review-invitation', [u1!, u2!, u3!])).toBe(2);
    // The invitation opens the review form of the user's (first) reservation of the showtime.
    const link = await sql<{ link: string; reservation: string }>`
      SELECT n.link, r.id AS reservation FROM notifications n
      JOIN reservations r ON r.user_id = n.user_id AND r.status = 'CONFIRMED'
      WHERE n.type = 'REVIEW_INVITATION' AND n.user_id = ${u2!}`.execute(db);
    expect(link.rows[0]!.link).toBe(`/me/reservations/${link.rows[0]!.reservation}/review`);
    const u1Link = await sql<{ link: string }>`
      SELECT link FROM notifications WHERE type = 'REVIEW_INVITATION' AND user_id = ${u1!}`.execute(db);
    expect(u1Link.rows[0]!.link).toMatch(/^\/me\/reservations\/[0-9a-f-]{36}\/review$/);
  });
});
