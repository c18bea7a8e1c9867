import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/clock.ts';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { mailParts, startSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { koreanDayStart, SAMPLE_DATA } from '../mail/index.ts';
import type { NewNotification } from './notifier.ts';

const CAP = 3;

/** Settings, the email channel's rules (unsubscribe links, the daily cap) and mail as received. */
describe('notification mail', () => {
  const clock = new ManualClock(new Date('2026-12-01T03:00:00.000Z')); // 12:00 in Seoul
  let smtp: TestSmtpServer;
  let env: TestEnv;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await createTestEnv({ SMTP_URL: smtp.url, MAIL_DAILY_CAP: String(CAP) });
    t = await createTestApp(env, {}, 'api', { clock });
  });
  afterAll(async () => {
    await t.close();
    await env.drop();
    await smtp.close();
  });

  const deliver = (items: NewNotification[]) => t.container.notifications.notifier.deliver(items);
  const drain = () => t.container.mail.sender.drain();
  const alert = (userId: string): NewNotification => ({
    userId,
    type: 'ONSALE_OPEN',
    dedupeKey: `ONSALE_OPEN:${randomUUID()}:2026-12-01T05:00:00.000Z`,
    title: '티켓이 열렸어요',
    body: '뮤지컬 〈레미제라블〉',
    link: '/performances/sample',
    mail: { template: 'onsale-alert', data: { ...SAMPLE_DATA['onsale-alert'], phase: 'OPEN' } },
  });
  const booking = (userId: string): NewNotification => ({
    userId,
    type: 'BOOKING_CONFIRMED',
    dedupeKey: `BOOKING_CONFIRMED:${randomUUID()}`,
    title: '예매가 완료되었어요',
    body: '뮤지컬 〈레미제라블〉 2석',
    link: '/me/reservations',
    mail: { template: 'booking-confirmed', data: SAMPLE_DATA['booking-confirmed'] },
  });
  const queued = async (userId: string) =>
    (
      await sql<{ category: string; status: string }>`
        SELECT category, status FROM mail_queue WHERE user_id = ${userId} ORDER BY created_at, status`.execute(
        t.container.db,
      )
    ).rows;
  const headerOf = (raw: string, name: string): string | undefined =>
    new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw)?.[1]?.replace(/\r?\n[ \t]+/g, ' ');
  const tokenIn = (html: string): string => {
    const href = /href="([^"]*\/unsubscribe\?token=[^"]*)"/.exec(html)?.[1];
    if (!href) throw new Error('no unsubscribe link');
    return decodeURIComponent(new URL(href.replaceAll('&#38;', '&')).searchParams.get('token')!);
  };

  describe('settings API', () => {
    let me: TestUser;
    beforeAll(async () => {
      me = await createUser(t.container);
    });
    const get = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/users/me/notification-settings', headers: me.headers });
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/users/me/notification-settings',
        headers: me.headers,
        payload,
      });

    it('starts at the defaults: everything on but marketing', async () => {
      const res = await get();
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        email: { booking: true, reminders: true, alerts: true, marketing: false },
        inApp: { booking: true, reminders: true, alerts: true, marketing: false },
      });
    });

    it('changes only what a PATCH names', async () => {
      let res = await patch({ email: { alerts: false, booking: true }, inApp: { marketing: true } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        email: { booking: true, reminders: true, alerts: false, marketing: false },
        inApp: { booking: true, reminders: true, alerts: true, marketing: true },
      });
      res = await patch({ email: { reminders: false } });
      expect(res.json().email).toEqual({ booking: true, reminders: false, alerts: false, marketing: false });
      expect((await get()).json()).toEqual(res.json());
    });

    it('refuses to turn booking mail off with 400 BOOKING_MAIL_REQUIRED and changes nothing', async () => {
      const before = (await get()).json();
      const res = await patch({ email: { booking: false, marketing: true } });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('BOOKING_MAIL_REQUIRED');
      expect((await get()).json()).toEqual(before);
    });

    it('refuses unknown categories and anonymous callers', async () => {
      expect((await patch({ email: { spam: true } })).statusCode).toBe(400);
      const anon = await t.app.inject({ method: 'GET', url: '/api/v1/users/me/notification-settings' });
      expect(anon.statusCode).toBe(401);
    });
  });

  it('mails a booking confirmation with its seats, amount, number and link, without an unsubscribe link', async () => {
    const user = await createUser(t.container);
    await deliver([booking(user.id)]);
    expect(await drain()).toMatchObject({ sent: 1 });
    const mail = await smtp.nextMailTo(user.email);
    const { subject, html, text } = mailParts(mail.raw);
    expect(subject).toContain('CT2612-48K3QX');
    for (const fact of ['VIP석 1층 A열 12번, VIP석 1층 A열 13번', '308,000원', 'CT2612-48K3QX']) {
      expect(html).toContain(fact);
      expect(text).toContain(fact);
    }
    expect(html).toContain('href="http://localhost:3000/me/reservations"');
    expect(html).not.toContain('/unsubscribe?token=');
    expect(headerOf(mail.raw, 'List-Unsubscribe')).toBeUndefined();
  });

  describe('unsubscribe links', () => {
    it('carries a signed link that works without signing in, and the next alert is not mailed', async () => {
      const user = await createUser(t.container);
      await deliver([alert(user.id)]);
      await drain();
      const mail = await smtp.nextMailTo(user.email);
      const { html, text } = mailParts(mail.raw);
      const token = tokenIn(html);
      expect(text).toContain('/unsubscribe?token=');
      expect(headerOf(mail.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(headerOf(mail.raw, 'List-Unsubscribe')).toMatch(
        /^<http:\/\/localhost:3000\/api\/v1\/notifications\/unsubscribe\/one-click\?token=[^>]+>$/,
      );

      const preview = await t.app.inject({
        method: 'GET',
        url: `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toEqual({ category: 'alerts', emailEnabled: true });

      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/notifications/unsubscribe',
        payload: { token },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ category: 'alerts' });
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/notifications/unsubscribe',
        payload: { token },
      });
      expect(again.statusCode).toBe(200);

      const settings = await t.app.inject({
        method: 'GET',
        url: '/api/v1/users/me/notification-settings',
        headers: user.headers,
      });
      expect(settings.json().email).toEqual({
        booking: true,
        reminders: true,
        alerts: false,
        marketing: false,
      });
      expect(settings.json().inApp.alerts).toBe(true);

      // The next alert is stored (in-app) but not queued for mail; booking mail still is.
      expect(await deliver([alert(user.id), booking(user.id)])).toBe(2);
      expect(await queued(user.id)).toEqual([
        { category: 'alerts', status: 'sent' },
        { category: 'booking', status: 'pending' },
      ]);
      await drain();
    });

    it('withdraws what is already queued of the kind turned off, by link or in the settings; booking mail stays', async () => {
      const user = await createUser(t.container);
      await deliver([alert(user.id)]);
      await drain();
      const token = tokenIn(mailParts((await smtp.nextMailTo(user.email)).raw).html);
      // Two more alerts, a reminder and a booking are queued before the link is clicked.
      const reminder: NewNotification = {
        ...alert(user.id),
        type: 'SHOW_REMINDER',
        dedupeKey: `SHOW_REMINDER:${randomUUID()}`,
      };
      await deliver([alert(user.id), alert(user.id), reminder, booking(user.id)]);
      const unsubscribed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/notifications/unsubscribe',
        payload: { token },
      });
      expect(unsubscribed.statusCode).toBe(200);
      const byStatus = async () =>
        (
          await sql<{ category: string; status: string; n: number }>`
            SELECT category, status, count(*)::int AS n FROM mail_queue WHERE user_id = ${user.id}
            GROUP BY 1, 2 ORDER BY 1, 2`.execute(t.container.db)
        ).rows;
      expect(await byStatus()).toEqual([
        { category: 'alerts', status: 'sent', n: 1 },
        { category: 'alerts', status: 'withdrawn', n: 2 },
        { category: 'booking', status: 'pending', n: 1 },
        { category: 'reminders', status: 'pending', n: 1 },
      ]);
      // The settings page turning reminders off does the same.
      const off = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/users/me/notification-settings',
        headers: user.headers,
        payload: { email: { reminders: false } },
      });
      expect(off.statusCode).toBe(200);
      const drained = await drain();
      expect(drained.sent).toBe(1);
      expect(await byStatus()).toEqual([
        { category: 'alerts', status: 'sent', n: 1 },
        { category: 'alerts', status: 'withdrawn', n: 2 },
        { category: 'booking', status: 'sent', n: 1 },
        { category: 'reminders', status: 'withdrawn', n: 1 },
      ]);
      const received = smtp.mails.filter((m) => m.to.includes(user.email.toLowerCase()));
      expect(received).toHaveLength(2);
      expect(mailParts(received[1]!.raw).subject).toContain('예매');
    });

    it('refuses a tampered or malformed token with 400 INVALID_UNSUBSCRIBE_TOKEN', async () => {
      const user = await createUser(t.container);
      const token = t.container.mail.unsubscribe.sign(user.id, 'reminders');
      const other = await createUser(t.container);
      const [v, , category, mac] = token.split('.');
      const tampered = [
        `${v}.${other.id}.${category}.${mac}`, // someone else's account
        `${v}.${user.id}.alerts.${mac}`, // another category
        `${token.slice(0, -2)}${token.endsWith('AA') ? 'AB' : 'AA'}`, // another MAC
        `2.${user.id}.${category}.${mac}`,
        `${v}.${user.id}.booking.${mac}`,
        'garbage',
        `${token}.x`,
      ];
      for (const bad of tampered) {
        const post = await t.app.inject({
          method: 'POST',
          url: '/api/v1/notifications/unsubscribe',
          payload: { token: bad },
        });
        expect(post.statusCode, bad).toBe(400);
        expect(post.json().code).toBe('INVALID_UNSUBSCRIBE_TOKEN');
        const get = await t.app.inject({
          method: 'GET',
          url: `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(bad)}`,
        });
        expect(get.statusCode).toBe(400);
      }
      const settings = await t.app.inject({
        method: 'GET',
        url: '/api/v1/users/me/notification-settings',
        headers: other.headers,
      });
      expect(settings.json().email.alerts).toBe(true);
    });

    it('takes the RFC 8058 one-click POST a mail client sends', async () => {
      const user = await createUser(t.container);
      const token = t.container.mail.unsubscribe.sign(user.id, 'reminders');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/notifications/unsubscribe/one-click?token=${encodeURIComponent(token)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(res.statusCode).toBe(200);
      const settings = await t.app.inject({
        method: 'GET',
        url: '/api/v1/users/me/notification-settings',
        headers: user.headers,
      });
      expect(settings.json().email.reminders).toBe(false);
    });
  });

  describe('daily cap', () => {
    it('sends at most the cap of non-transactional mail per Korean day; booking mail past it still goes', async () => {
      const user = await createUser(t.container);
      await deliver(Array.from({ length: CAP + 1 }, () => alert(user.id)));
      await deliver([booking(user.id)]);
      expect(await drain()).toMatchObject({ sent: CAP + 1, capped: 1 });
      const rows = await queued(user.id);
      expect(rows.filter((r) => r.category === 'alerts' && r.status === 'sent')).toHaveLength(CAP);
      expect(rows.filter((r) => r.status === 'capped')).toEqual([{ category: 'alerts', status: 'capped' }]);
      expect(rows.filter((r) => r.category === 'booking')).toEqual([{ category: 'booking', status: 'sent' }]);
      const received = smtp.mails.filter((m) => m.to.includes(user.email));
      expect(received).toHaveLength(CAP + 1);

      // Later the same Korean day: still capped. From midnight in Seoul: mailed again.
      await deliver([alert(user.id)]);
      expect(await drain()).toMatchObject({ sent: 0, capped: 1 });
      const midnight = koreanDayStart(clock.now()).getTime() + 86_400_000;
      clock.set(midnight);
      await deliver([alert(user.id)]);
      expect(await drain()).toMatchObject({ sent: 1, capped: 0 });
    });

    it('starts the Korean day at 15:00 UTC', () => {
      expect(koreanDayStart(new Date('2026-12-01T14:59:59.999Z')).toISOString()).toBe(
        '2026-11-30T15:00:00.000Z',
      );
      expect(koreanDayStart(new Date('2026-12-01T15:00:00.000Z')).toISOString()).toBe(
        '2026-12-01T15:00:00.000Z',
      );
    });
  });
});
