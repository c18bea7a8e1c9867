import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import { mailParts, startSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { readEvents, type SseEvent } from '../../../test/sse.ts';
import {
  confirmedData,
  envelope,
  startWorker,
  waitFor,
  writeEvent,
  type Worker,
} from '../../../test/tickets-support.ts';
import { parseEvent } from '../events/event-schemas.ts';
import type { NotificationView } from './notification-feed.ts';
import type { NewNotification } from './notifier.ts';

/** Listens on a free port; returns the API base URL. */
async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/api/v1`;
}

interface Page {
  items: NotificationView[];
  page: number;
  size: number;
  total: number;
  unreadCount: number;
}

describe('in-app notifications: list, read, stream and the booking consumers', () => {
  let t: TestApp & { env: TestEnv };
  let other: TestApp;
  let worker: Worker;
  let baseA: string;
  let baseB: string;
  let smtp: TestSmtpServer;
  const open: AbortController[] = [];

  beforeAll(async () => {
    t = await setupTestApp();
    other = await createTestApp(t.env);
    smtp = await startSmtpServer();
    worker = await startWorker(t.env, { SMTP_URL: smtp.url, MAIL_POLL_MS: '100' });
    baseA = await listen(t);
    baseB = await listen(other);
  });
  afterAll(async () => {
    for (const a of open) a.abort();
    await worker.stop();
    await other.close();
    await t.close();
    await smtp.close();
  });

  const rows = async (userId: string) =>
    (
      await sql<{ type: string; dedupe_key: string; body: string }>`
        SELECT type, dedupe_key, body FROM notifications WHERE user_id = ${userId} ORDER BY type`.execute(
        t.container.db,
      )
    ).rows;
  const mails = async (userId: string) =>
    (
      await sql<{ template: string }>`
        SELECT template FROM mail_queue WHERE user_id = ${userId} ORDER BY template`.execute(t.container.db)
    ).rows.map((r) => r.template);
  const list = async (user: TestUser, query = '') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/me/notifications${query}`,
      headers: user.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const markRead = (user: TestUser, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/users/me/notifications/read',
      headers: user.headers,
      payload,
    });
  const notice = (userId: string, n: number): NewNotification => ({
    userId,
    type: 'ONSALE_OPEN',
    dedupeKey: `test:${randomUUID()}`,
    title: `알림 ${n}`,
    body: `본문 ${n}`,
    link: `/performances/${randomUUID()}`,
  });

  /** Opens a stream and waits for its `ready` event; returns the next events as they come. */
  const stream = async (base: string, user: TestUser) => {
    const abort = new AbortController();
    open.push(abort);
    const res = await fetch(`${base}/users/me/notifications/stream`, {
      headers: { ...user.headers, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = readEvents(res.body!);
    const next = async (): Promise<SseEvent> => {
      const r = await events.next();
      if (r.done) throw new Error('stream ended');
      return r.value;
    };
    expect((await next()).event).toBe('ready');
    return { next, close: () => abort.abort() };
  };

  it('turns a purchase into one BOOKING_CONFIRMED (with its mail) and one TICKETS_ISSUED, even when delivered twice', async () => {
    const buyer = await createUser(t.container);
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 2 });
    const data = { ...confirmedData(st, buyer.id, st.seats), bookingNumber: 'CT2612010001' };
    const eventId = await writeEvent(t.container, 'reservation.confirmed', data);
    const both = await waitFor(
      () => rows(buyer.id),
      (r) => r.length === 2,
      20_000,
      'two notifications',
    );
    expect(both.map((r) => [r.type, r.dedupe_key])).toEqual([
      ['BOOKING_CONFIRMED', `BOOKING_CONFIRMED:${data.reservationId}`],
      ['TICKETS_ISSUED', `TICKETS_ISSUED:${data.reservationId}`],
    ]);
    expect(both[0]!.body).toContain('2석');
    expect(both[1]!.body).toContain('티켓 2장');

    // The same envelope through the broker again, and both handlers twice at once.
    await worker.container.broker.publish(
      'reservation.confirmed',
      envelope('reservation.confirmed', data, eventId),
      {
        messageId: eventId,
      },
    );
    const notices = worker.container.notifications.notices;
    const confirmed = parseEvent('reservation.confirmed', envelope('reservation.confirmed', data, eventId));
    const issued = parseEvent(
      'ticket.issued',
      envelope('ticket.issued', {
        reservationId: data.reservationId,
        userId: buyer.id,
        showtimeId: st.showtimeId,
        performanceId: st.performanceId,
        tickets: st.seats.map((s) => ({ ticketId: randomUUID(), seatId: s.id })),
        issuedAt: new Date().toISOString(),
      }),
    );
    const created = await Promise.all([
      notices.confirmed(confirmed),
      notices.confirmed(confirmed),
      notices.ticketsIssued(issued),
      notices.ticketsIssued(issued),
    ]);
    expect(created).toEqual([0, 0, 0, 0]);
    // Give the redelivered message time to be handled.
    await new Promise((r) => setTimeout(r, 500));
    expect((await rows(buyer.id)).length).toBe(2);
    expect(await mails(buyer.id)).toEqual(['booking-confirmed']);

    const page = await list(buyer);
    expect(page.unreadCount).toBe(2);
    expect(page.items.map((i) => i.type).sort()).toEqual(['BOOKING_CONFIRMED', 'TICKETS_ISSUED']);
    expect(page.items[0]!.link).toBe(`/me/reservations?reservation=${data.reservationId}`);
    const mail = mailParts((await smtp.nextMailTo(buyer.email)).raw);
    expect(mail.subject).toBe('[컬처티켓] 예매가 완료되었어요 (CT2612010001)');
    expect(mail.text).toContain(`${t.container.config.PUBLIC_URL.replace(/\/$/, '')}/me/reservations`);
    expect(mail.text).toContain(`${st.seats[0]!.row}열 ${st.seats[0]!.number}번`);
  });

  it('tells the buyer of a cancellation with the refund, once; a cancellation naming nobody is skipped', async () => {
    const buyer = await createUser(t.container);
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 1 });
    const reservationId = randomUUID();
    const cancelled = {
      reservationId,
      userId: buyer.id,
      showtimeId: st.showtimeId,
      seatIds: [st.seats[0]!.id],
      refundAmount: 55_000,
      cancelledAt: new Date().toISOString(),
    };
    await writeEvent(t.container, 'reservation.cancelled', cancelled);
    const [row] = await waitFor(
      () => rows(buyer.id),
      (r) => r.length === 1,
      20_000,
      'the cancellation notice',
    );
    expect(row).toMatchObject({
      type: 'BOOKING_CANCELLED',
      dedupe_key: `BOOKING_CANCELLED:${reservationId}`,
    });
    expect(row!.body).toContain('55,000원');
    const again = parseEvent('reservation.cancelled', envelope('reservation.cancelled', cancelled));
    expect(await worker.container.notifications.notices.cancelled(again)).toBe(0);
    expect(await mails(buyer.id)).toEqual(['booking-cancelled']);
    const mail = mailParts((await smtp.nextMailTo(buyer.email)).raw);
    expect(mail.subject).toContain('예매가 취소되었어요');
    expect(mail.text).toContain('55,000');

    const nobody = parseEvent(
      'reservation.cancelled',
      envelope('reservation.cancelled', { reservationId: randomUUID() }),
    );
    expect(await worker.container.notifications.notices.cancelled(nobody)).toBe(0);
  });

  it('lists newest first with the unread count, marks only the caller’s rows read, and ignores others’ ids', async () => {
    const me = await createUser(t.container);
    const them = await createUser(t.container);
    const notifier = t.container.notifications.notifier;
    for (let n = 1; n <= 3; n++) {
      await notifier.deliver([notice(me.id, n)]);
      await new Promise((r) => setTimeout(r, 5));
    }
    await notifier.deliver([notice(them.id, 9)]);
    // Switched off in the app: stored, never listed.
    await sql`INSERT INTO notification_settings (user_id, in_app_alerts) VALUES (${me.id}, false)`.execute(
      t.container.db,
    );
    await notifier.deliver([notice(me.id, 4)]);

    const first = await list(me, '?size=2');
    expect(first).toMatchObject({ page: 1, size: 2, total: 3, unreadCount: 3 });
    expect(first.items.map((i) => i.title)).toEqual(['알림 3', '알림 2']);
    expect(first.items[0]).toMatchObject({ readAt: null, body: '본문 3' });
    expect((await list(me, '?size=2&page=2')).items.map((i) => i.title)).toEqual(['알림 1']);

    const theirs = (await list(them)).items[0]!;
    const read = await markRead(me, { ids: [first.items[0]!.id, theirs.id, randomUUID()] });
    expect(read.statusCode, read.body).toBe(204);
    const after = await list(me);
    expect(after.unreadCount).toBe(2);
    expect(after.items.find((i) => i.title === '알림 3')!.readAt).not.toBeNull();
    expect((await list(me, '?unread=true')).items.map((i) => i.title)).toEqual(['알림 2', '알림 1']);
    expect((await list(me, '?unread=true')).total).toBe(2);
    // Their notification is untouched.
    expect((await list(them)).unreadCount).toBe(1);

    expect((await markRead(me, {})).statusCode).toBe(400);
    expect((await markRead(me, { ids: ['not-a-uuid'] })).statusCode).toBe(400);
    expect((await markRead(me, { all: true })).statusCode).toBe(204);
    expect((await list(me)).unreadCount).toBe(0);
    expect((await list(them)).unreadCount).toBe(1);

    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/users/me/notifications' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('streams a notification to a user on each of two API instances, and only to that user', async () => {
    const me = await createUser(t.container);
    const bystander = await createUser(t.container);
    const onA = await stream(baseA, me);
    const onB = await stream(baseB, me);
    const theirs = await stream(baseB, bystander);
    const theirNext = theirs.next();
    let bystanderHeard = false;
    void theirNext.then(() => (bystanderHeard = true)).catch(() => undefined);

    // Delivered by the worker, as a consumer would.
    await worker.container.notifications.notifier.deliver([notice(me.id, 1)]);
    const [a, b] = await Promise.all([onA.next(), onB.next()]);
    for (const e of [a, b]) {
      expect(e.event).toBe('notification');
      expect(JSON.parse(e.data)).toMatchObject({ type: 'ONSALE_OPEN', title: '알림 1', readAt: null });
    }
    expect(JSON.parse(a.data).id).toBe((await list(me)).items[0]!.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(bystanderHeard).toBe(false);

    // Closing one stream keeps the other instance's subscription.
    onA.close();
    await new Promise((r) => setTimeout(r, 100));
    await worker.container.notifications.notifier.deliver([notice(me.id, 2)]);
    expect(JSON.parse((await onB.next()).data).title).toBe('알림 2');
    onB.close();
    theirs.close();
    await waitFor(
      async () =>
        t.container.notifications.subscriber.channelCount +
        other.container.notifications.subscriber.channelCount,
      (n) => n === 0,
      5_000,
      'channels unsubscribed',
    );
  });

  it('refuses a stream without a token (401) and past the per-user cap (429 STREAM_LIMIT)', async () => {
    const anonymous = await fetch(`${baseA}/users/me/notifications/stream`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).code).toBe('UNAUTHENTICATED');

    const strict = await createTestApp(t.env, { STREAM_LIMIT_PER_USER: '2' });
    try {
      const base = await listen(strict);
      const me = await createUser(t.container);
      const first = await stream(base, me);
      const second = await stream(base, me);
      const third = await fetch(`${base}/users/me/notifications/stream`, { headers: me.headers });
      expect(third.status).toBe(429);
      expect(await third.json()).toMatchObject({ code: 'STREAM_LIMIT', limit: 'user' });
      first.close();
      let again = await fetch(`${base}/users/me/notifications/stream`, { headers: me.headers });
      for (let i = 0; i < 50 && again.status === 429; i++) {
        await new Promise((r) => setTimeout(r, 50));
        again = await fetch(`${base}/users/me/notifications/stream`, { headers: me.headers });
      }
      expect(again.status).toBe(200);
      await again.body?.cancel();
      second.close();
    } finally {
      await strict.close();
    }
  });
});
