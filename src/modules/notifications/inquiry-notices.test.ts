import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { mailParts, startSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { envelope, startWorker, waitFor, type Worker } from '../../../test/tickets-support.ts';
import { parseEvent } from '../events/event-schemas.ts';

/** A staff answer → inquiry.answered (outbox) → the worker → one INQUIRY_ANSWERED, in-app and by mail. */
describe('INQUIRY_ANSWERED notices', () => {
  let t: TestApp & { env: TestEnv };
  let worker: Worker;
  let smtp: TestSmtpServer;
  let buyer: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await setupTestApp();
    smtp = await startSmtpServer();
    worker = await startWorker(t.env, { SMTP_URL: smtp.url, MAIL_POLL_MS: '100' });
    buyer = await createUser(t.container, { nickname: '관객' });
    admin = await createUser(t.container, { role: 'ADMIN' });
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
    await smtp.close();
  });

  const notices = async (userId: string) =>
    (
      await sql<{ type: string; dedupe_key: string; link: string; title: string; body: string }>`
        SELECT type, dedupe_key, link, title, body FROM notifications WHERE user_id = ${userId}
        ORDER BY created_at`.execute(t.container.db)
    ).rows;
  const mails = async (userId: string) =>
    (
      await sql<{ template: string }>`SELECT template FROM mail_queue WHERE user_id = ${userId}`.execute(
        t.container.db,
      )
    ).rows.map((r) => r.template);

  it('creates one notification and one mail per answer, even when the event is delivered twice', async () => {
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: buyer.headers,
      payload: { category: 'CANCEL', title: '취소 수수료 문의', body: '언제까지 무료로 취소할 수 있나요?' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/inquiries/${id}/messages`,
      headers: admin.headers,
      payload: { body: '안녕하세요, 고객님.\n관람 10일 전까지는 수수료 없이 취소하실 수 있어요.' },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const messageId = answer.json().id as string;

    const [row] = await waitFor(
      () => notices(buyer.id),
      (r) => r.length === 1,
      20_000,
      'the INQUIRY_ANSWERED notification',
    );
    expect(row).toMatchObject({
      type: 'INQUIRY_ANSWERED',
      dedupe_key: `INQUIRY_ANSWERED:${messageId}`,
      link: `/me/inquiries/${id}`,
      title: '1:1 문의에 답변이 달렸어요',
    });
    expect(row!.body).toContain('취소 수수료 문의');

    // The same event again through the broker (as a redelivery), and the handler twice at once.
    const outbox = await sql<{ event_id: string; payload: object }>`
      SELECT event_id, payload FROM outbox WHERE event_type = 'inquiry.answered' AND aggregate_id = ${id}`.execute(
      t.container.db,
    );
    expect(outbox.rows).toHaveLength(1);
    const { event_id: eventId, payload } = outbox.rows[0]!;
    await worker.container.broker.publish(
      'inquiry.answered',
      envelope('inquiry.answered', payload, eventId),
      {
        messageId: eventId,
      },
    );
    const event = parseEvent('inquiry.answered', envelope('inquiry.answered', payload, eventId));
    const handler = worker.container.notifications.inquiryNotices;
    expect(await Promise.all([handler.answered(event), handler.answered(event)])).toEqual([0, 0]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await notices(buyer.id)).toHaveLength(1);
    expect(await mails(buyer.id)).toEqual(['inquiry-answered']);

    const mail = mailParts((await smtp.nextMailTo(buyer.email)).raw);
    expect(mail.subject).toBe('[컬처티켓] 1:1 문의에 답변이 달렸어요: 취소 수수료 문의');
    expect(mail.text).toContain('관람 10일 전까지는 수수료 없이');
    expect(mail.text).toContain(`${t.container.config.PUBLIC_URL.replace(/\/$/, '')}/me/inquiries/${id}`);

    // The bell shows it to the buyer.
    const feed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/me/notifications',
      headers: buyer.headers,
    });
    expect(feed.json().items[0]).toMatchObject({ type: 'INQUIRY_ANSWERED', link: `/me/inquiries/${id}` });

    // A second answer in the same thread is a notice of its own.
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/inquiries/${id}/messages`,
      headers: admin.headers,
      payload: { body: '추가로 안내드려요.' },
    });
    await waitFor(
      () => notices(buyer.id),
      (r) => r.length === 2,
      20_000,
      'the second notice',
    );
  });
});
