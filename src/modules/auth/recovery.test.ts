import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { ManualClock } from '../../../test/clock.ts';
import { createUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { mailParts, startSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { REFRESH_COOKIE } from './auth.routes.ts';
import { RECOVERY_POLICY } from './recovery.service.ts';

const NEW_PASSWORD = 'fresh-start-2026';

describe('account recovery: password reset and find my email', () => {
  let smtp: TestSmtpServer;
  let env: TestEnv;
  let t: TestApp;
  const clock = new ManualClock();
  let ip = 0;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await createTestEnv({ SMTP_URL: smtp.url });
    t = await createTestApp(env, {}, 'api', { clock });
  });
  afterAll(async () => {
    await t.close();
    await env.drop();
    await smtp.close();
  });

  // A fresh client address per call keeps the per-address limits out of the tests that are not about them.
  const post = (url: string, payload: object, headers: Record<string, string> = {}, remoteAddress?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      payload,
      headers,
      remoteAddress: remoteAddress ?? `10.1.${Math.floor(++ip / 250)}.${ip % 250}`,
    });
  const login = (email: string, password: string) => post('/auth/login', { email, password });
  const queued = async (template: string) =>
    (
      await sql<{ to_address: string | null; status: string; lang: string }>`
        SELECT to_address, status, lang FROM mail_queue WHERE template = ${template} ORDER BY created_at`.execute(
        t.container.db,
      )
    ).rows;
  const send = () => t.container.mail.sender.drain();
  const nextMail = async (to: string) => {
    await send();
    return mailParts((await smtp.nextMailTo(to)).raw);
  };
  const tokenIn = (text: string) => {
    const link = /(http\S+\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (!link) throw new Error(`no reset link in ${text}`);
    expect(link.startsWith(`${env.config().PUBLIC_URL.replace(/\/$/, '')}/reset-password?token=`)).toBe(true);
    return new URL(link).searchParams.get('token')!;
  };

  it('mails a link that works once, ends every session and sends a notice', async () => {
    const user = await createUser(t.container, { email: 'resetter@example.com' });
    const session = await login(user.email, TEST_PASSWORD);
    const cookie = session.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
    const access = { authorization: `Bearer ${session.json().accessToken}` };

    const res = await post('/auth/password-resets', { email: 'Resetter@Example.com' });
    expect(res.statusCode).toBe(202);
    // Queued, not sent in the request.
    expect(smtp.mails.filter((m) => m.to.includes(user.email))).toHaveLength(0);
    const mail = await nextMail(user.email);
    expect(mail.subject).toBe('[컬처티켓] 비밀번호 재설정 안내');
    const token = tokenIn(mail.text);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await sql<{ token_hash: string }>`SELECT token_hash FROM password_reset_tokens`.execute(
      t.container.db,
    );
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(token);

    const weak = await post('/auth/password-resets/confirm', { token, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('WEAK_PASSWORD');

    const ok = await post('/auth/password-resets/confirm', { token, newPassword: NEW_PASSWORD });
    expect(ok.statusCode).toBe(204);
    const again = await post('/auth/password-resets/confirm', { token, newPassword: 'another-one-2026' });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('INVALID_RESET_TOKEN');

    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: access });
    expect(me.statusCode).toBe(401);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { [REFRESH_COOKIE]: cookie },
    });
    expect(refresh.statusCode).toBe(401);

    const notice = await nextMail(user.email);
    expect(notice.subject).toBe('[컬처티켓] 비밀번호가 변경되었어요');
    expect(notice.text).toContain('모든 기기에서 로그아웃');
  });

  it('refuses an expired link and an unknown one', async () => {
    const user = await createUser(t.container);
    expect((await post('/auth/password-resets', { email: user.email })).statusCode).toBe(202);
    const token = tokenIn((await nextMail(user.email)).text);
    clock.advance(RECOVERY_POLICY.resetTtlMs + 1_000);
    const late = await post('/auth/password-resets/confirm', { token, newPassword: NEW_PASSWORD });
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('INVALID_RESET_TOKEN');
    const unknown = await post('/auth/password-resets/confirm', { token: 'nope', newPassword: NEW_PASSWORD });
    expect(unknown.json().code).toBe('INVALID_RESET_TOKEN');
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does the same work for a known and an unknown address: one queued row each', async () => {
    await sql`DELETE FROM mail_queue`.execute(t.container.db);
    const user = await createUser(t.container);
    const known = await post('/auth/password-resets', { email: user.email });
    const unknown = await post('/auth/password-resets', { email: 'nobody-here@example.com' });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(unknown.json()).toEqual(known.json());
    expect(await queued('password-reset')).toEqual([
      { to_address: user.email, status: 'pending', lang: 'ko' },
      { to_address: null, status: 'pending', lang: 'ko' },
    ]);
    expect(await send()).toMatchObject({ sent: 1, noRecipient: 1 });
    const rows = await sql<{ status: string; data: unknown }>`
      SELECT status, data FROM mail_queue ORDER BY created_at`.execute(t.container.db);
    expect(rows.rows).toEqual([
      { status: 'sent', data: null },
      { status: 'no_recipient', data: null },
    ]);
    smtp.mails.length = 0;
  });

  it('mails an account at most 3 links an hour, answering alike', async () => {
    await sql`DELETE FROM mail_queue`.execute(t.container.db);
    const user = await createUser(t.container);
    for (let i = 0; i < RECOVERY_POLICY.resetsPerAccount + 2; i++) {
      expect((await post('/auth/password-resets', { email: user.email })).statusCode).toBe(202);
    }
    const rows = await queued('password-reset');
    expect(rows.filter((r) => r.to_address === user.email)).toHaveLength(RECOVERY_POLICY.resetsPerAccount);
    expect(rows.filter((r) => r.to_address === null)).toHaveLength(2);
    await send();
    smtp.mails.length = 0;
  });

  it('limits requests per client address with 429', async () => {
    const from = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await post('/auth/password-resets', { email: `a${i}@example.com` }, {}, from)).statusCode,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses[5]).toBe(429);
    const findFrom = '203.0.113.78';
    let last = 0;
    for (let i = 0; i < 6; i++)
      last = (await post('/auth/find-email', { phone: '010-0000-0000' }, {}, findFrom)).statusCode;
    expect(last).toBe(429);
  });

  it('finds the email by nickname and birth date, and by phone, mailing a masked hint', async () => {
    const user = await createUser(t.container, { email: 'kimjisoo@example.com', nickname: '지수' });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      headers: user.headers,
      payload: { birthDate: '1994-02-03', phone: '+82 10 5555 1234' },
    });
    expect(patched.statusCode).toBe(200);

    const byName = await post(
      '/auth/find-email',
      { nickname: '지수', birthDate: '1994-02-03' },
      { 'accept-language': 'en-US,en;q=0.9,ko;q=0.5' },
    );
    expect(byName.statusCode).toBe(202);
    const en = await nextMail(user.email);
    expect(en.subject).toBe('Your Culture Ticket sign-in email');
    expect(en.text).toContain('ki***@example.com');
    expect(en.text).not.toContain('kimjisoo@');
    expect(en.html).toContain('ki***@example.com');
    expect(en.html).toContain('<html');

    expect((await post('/auth/find-email', { phone: '010-5555-1234' })).statusCode).toBe(202);
    const ko = await nextMail(user.email);
    expect(ko.subject).toBe('[컬처티켓] 가입하신 이메일 안내');
    expect(ko.text).toContain('ki***@example.com');
    expect(ko.html).toContain('가입하신 이메일을 알려 드려요');

    await sql`DELETE FROM mail_queue`.execute(t.container.db);
    const none = await post('/auth/find-email', { nickname: '아무도없음', birthDate: '2001-01-01' });
    expect(none.statusCode).toBe(202);
    expect(await queued('find-email-hint')).toEqual([{ to_address: null, status: 'pending', lang: 'ko' }]);
    const bad = await post('/auth/find-email', { nickname: '지수' });
    expect(bad.statusCode).toBe(400);
  });

  it('sends the reset mail in English with an HTML and a text part when asked', async () => {
    const user = await createUser(t.container);
    await post('/auth/password-resets', { email: user.email }, { 'accept-language': 'en' });
    const mail = await nextMail(user.email);
    expect(mail.subject).toBe('Reset your Culture Ticket password');
    expect(mail.text).toContain('Reset password: http');
    expect(mail.html).toMatch(/<a\s[^>]*href="http[^"]*reset-password\?token=/);
  });

  it('retries a failed send with a growing delay, then gives up', async () => {
    await sql`DELETE FROM mail_queue`.execute(t.container.db);
    const broken = await createTestApp(
      env,
      { SMTP_URL: 'smtp://127.0.0.1:1', MAIL_MAX_ATTEMPTS: '2' },
      'api',
      {
        clock,
      },
    );
    try {
      const user = await createUser(broken.container);
      await post('/auth/password-resets', { email: user.email });
      expect(await broken.container.mail.sender.drain()).toMatchObject({ retried: 1 });
      expect(await broken.container.mail.sender.drain()).toMatchObject({ retried: 0, failed: 0 });
      clock.advance(env.config().MAIL_RETRY_DELAY_MS);
      expect(await broken.container.mail.sender.drain()).toMatchObject({ failed: 1 });
      const [row] = await queued('password-reset');
      expect(row!.status).toBe('failed');
    } finally {
      await broken.close();
    }
  });
});
