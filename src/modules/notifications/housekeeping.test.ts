import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';
import type { Mailer } from '../../infra/mailer.ts';
import { createMailModule } from '../mail/index.ts';
import { housekeepingJobs, NotificationHousekeeping } from './housekeeping.job.ts';
import { NotificationsHousekeepingRepository } from './notifications-housekeeping.repository.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('notification housekeeping', () => {
  let env: TestEnv;
  let t: TestApp;
  const clock = new ManualClock();

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'worker', { clock });
  });
  afterAll(async () => {
    await t.close();
    await env.drop();
  });

  const housekeeping = (batchSize = 1000) =>
    new NotificationHousekeeping({
      db: t.container.db,
      repo: new NotificationsHousekeepingRepository(),
      mail: t.container.mail.queue,
      clock,
      log: t.container.log,
      policy: { batchSize },
    });

  async function notification(userId: string, ageMs: number, read: boolean): Promise<string> {
    const at = new Date(clock.nowMs() - ageMs);
    const { rows } = await sql<{ id: string }>`
      INSERT INTO notifications (user_id, type, category, dedupe_key, title, body, created_at, read_at)
      VALUES (${userId}, 'KEYWORD_MATCH', 'alerts', ${randomUUID()}, 't', 'b', ${at}, ${read ? at : null})
      RETURNING id`.execute(t.container.db);
    return rows[0]!.id;
  }

  const remaining = async (ids: string[]) =>
    (
      await sql<{ id: string }>`SELECT id FROM notifications WHERE id = ANY(${ids}::uuid[])`.execute(
        t.container.db,
      )
    ).rows
      .map((r) => r.id)
      .sort();

  it('deletes read notifications past 90 days and any past a year, in batches, and keeps the rest', async () => {
    const user = await createUser(t.container);
    const oldRead = [
      await notification(user.id, 91 * DAY, true),
      await notification(user.id, 200 * DAY, true),
    ];
    const ancientUnread = [
      await notification(user.id, 366 * DAY, false),
      await notification(user.id, 400 * DAY, false),
      await notification(user.id, 500 * DAY, false),
    ];
    const kept = [
      await notification(user.id, 89 * DAY, true),
      await notification(user.id, 91 * DAY, false),
      await notification(user.id, 364 * DAY, false),
      await notification(user.id, 1 * DAY, false),
    ];
    const all = [...oldRead, ...ancientUnread, ...kept];
    // Batches of 2: three statements for the five old rows.
    expect(await housekeeping(2).purge()).toBe(5);
    expect(await remaining(all)).toEqual([...kept].sort());
    expect(await housekeeping(2).purge()).toBe(0);
  });

  async function failedMail(userId: string | null, finishedAgoMs: number): Promise<string> {
    const finished = new Date(clock.nowMs() - finishedAgoMs);
    const { rows } = await sql<{ id: string }>`
      INSERT INTO mail_queue (template, lang, to_address, data, status, attempts, next_attempt_at, finished_at,
                              last_error, user_id, category)
      VALUES ('notice', 'ko', 'a@example.com', ${JSON.stringify({ title: 't', body: 'b', link: null })},
              'failed', 6, ${finished}, ${finished}, 'smtp down', ${userId}, ${userId ? 'alerts' : null})
      RETURNING id`.execute(t.container.db);
    return rows[0]!.id;
  }

  const mailRow = async (id: string) =>
    (
      await sql<{ status: string; attempts: number; resent_at: Date | null; data: unknown }>`
        SELECT status, attempts, resent_at, data FROM mail_queue WHERE id = ${id}`.execute(t.container.db)
    ).rows[0]!;

  it('queues a failed notification mail once more after the cool-off, and never a second time', async () => {
    const user = await createUser(t.container);
    const due = await failedMail(user.id, 7 * HOUR);
    const coolingOff = await failedMail(user.id, 1 * HOUR);
    const accountMail = await failedMail(null, 7 * HOUR);

    expect(await housekeeping().resendFailed()).toBe(1);
    expect(await mailRow(due)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await mailRow(due)).resent_at).not.toBeNull();
    expect((await mailRow(coolingOff)).status).toBe('failed');
    expect((await mailRow(accountMail)).status).toBe('failed');

    // It fails again: given up for good, its data dropped, and the job leaves it alone.
    await sql`UPDATE mail_queue SET attempts = 5 WHERE id = ${due}`.execute(t.container.db);
    const failing: Mailer = {
      send: async () => {
        throw new Error('smtp down');
      },
    };
    const sender = createMailModule(t.container, { mailer: failing }).sender;
    let drained = 0;
    for (let i = 0; i < 5 && (await mailRow(due)).status === 'pending'; i++) {
      drained += (await sender.drain()).failed;
    }
    expect(drained).toBeGreaterThanOrEqual(1);
    expect(await mailRow(due)).toMatchObject({ status: 'failed', data: null });
    clock.advance(7 * HOUR);
    const second = await housekeeping().resendFailed();
    expect((await mailRow(due)).status).toBe('failed');
    // The one that was cooling off is due now.
    expect(second).toBe(1);
    expect((await mailRow(coolingOff)).status).toBe('pending');
  });

  it('runs each job once with two workers at the same time', async () => {
    const user = await createUser(t.container);
    const mails = await Promise.all(Array.from({ length: 30 }, () => failedMail(user.id, 7 * HOUR)));
    const old = await Promise.all(Array.from({ length: 30 }, () => notification(user.id, 100 * DAY, true)));

    // Two workers racing the statements themselves (no lease): each row is handled once.
    const [a, b] = [housekeeping(4), housekeeping(4)];
    const [ra, rb] = await Promise.all([a.resendFailed(), b.resendFailed()]);
    expect(ra + rb).toBe(30);
    const [pa, pb] = await Promise.all([a.purge(), b.purge()]);
    expect(pa + pb).toBeGreaterThanOrEqual(30);
    expect(await remaining(old)).toEqual([]);
    const resent = await sql<{ n: string }>`
      SELECT count(*) AS n FROM mail_queue WHERE id = ANY(${mails}::uuid[]) AND resent_at IS NOT NULL`.execute(
      t.container.db,
    );
    expect(Number(resent.rows[0]!.n)).toBe(30);

    // Two workers' leased jobs: one holds each lease, so one of them does the work.
    const more = await Promise.all(Array.from({ length: 10 }, () => failedMail(user.id, 7 * HOUR)));
    const [c, d] = [housekeeping(), housekeeping()];
    const jobs = [
      ...housekeepingJobs(t.container, c, { purgeMs: 50, resendMs: 50 }),
      ...housekeepingJobs(t.container, d, { purgeMs: 50, resendMs: 50 }),
    ];
    for (const job of jobs) await job.start();
    const deadline = Date.now() + 5_000;
    while (c.totals.resent + d.totals.resent < 10 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const job of jobs) await job.stop();
    expect(c.totals.resent + d.totals.resent).toBe(10);
    expect([c.totals.resent, d.totals.resent].sort()).toEqual([0, 10]);
    const pending = await sql<{ n: string }>`
      SELECT count(*) AS n FROM mail_queue WHERE id = ANY(${more}::uuid[]) AND status = 'pending'`.execute(
      t.container.db,
    );
    expect(Number(pending.rows[0]!.n)).toBe(10);
  });
});
