import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { addressOf, buildMime, encodeHeaderValue } from './mime.ts';
import { startSmtpServer } from '../../test/smtp-server.ts';
import { SmtpMailer } from './mailer.ts';

const LONG_KOREAN =
  '[컬처티켓] 10분 뒤 티켓 오픈: 뮤지컬 〈레미제라블〉 — 블루스퀘어 신한카드홀 12월 24일 (목) 19:00';

describe('buildMime, read back by an independent parser (mailparser)', () => {
  it('keeps subject, sender name, recipient, both parts and extra headers', async () => {
    const html = `<p>${'안녕하세요 '.repeat(400)}</p><a href="https://example.com/a?b=1&c=2">링크</a>`;
    const raw = buildMime({
      from: '컬처티켓 <no-reply@culture-ticket.local>',
      to: 'fan@example.com',
      subject: LONG_KOREAN,
      text: '본문 첫 줄\n둘째 줄 https://example.com/x',
      html,
      headers: {
        'List-Unsubscribe': '<https://example.com/api/v1/notifications/unsubscribe?token=1.u.alerts.sig>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      date: new Date('2026-12-01T04:00:00Z'),
    });
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(LONG_KOREAN);
    expect(mail.from?.value[0]).toEqual({ name: '컬처티켓', address: 'no-reply@culture-ticket.local' });
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address).toBe('fan@example.com');
    expect(mail.text).toBe('본문 첫 줄\n둘째 줄 https://example.com/x');
    expect(mail.html).toBe(html);
    expect(mail.date?.toISOString()).toBe('2026-12-01T04:00:00.000Z');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@culture-ticket\.local>$/);
    const line = (key: string) => mail.headerLines.find((h) => h.key === key)?.line;
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(line('list-unsubscribe')).toBe(
      'List-Unsubscribe: <https://example.com/api/v1/notifications/unsubscribe?token=1.u.alerts.sig>',
    );
  });

  it('sends a text-only mail as a single part, and ASCII names quoted', async () => {
    const raw = buildMime({
      from: 'Culture Ticket <a@b.kr>',
      to: 'x@y.kr',
      subject: 'Hi',
      text: '코드 482913',
    });
    expect(raw).not.toContain('multipart');
    const mail = await simpleParser(raw);
    expect(mail.text).toBe('코드 482913');
    expect(mail.html).toBe(false);
    expect(mail.from?.value[0]).toEqual({ name: 'Culture Ticket', address: 'a@b.kr' });
  });

  it('refuses header injection: a value or name with a line break is dropped, own headers are not replaced', async () => {
    const raw = buildMime({
      from: 'a@b.kr',
      to: 'x@y.kr',
      subject: 'S',
      text: 't',
      headers: { 'X-Evil': 'a\r\nBcc: victim@example.com', To: 'other@example.com' },
    });
    expect(raw).not.toMatch(/^Bcc:/m);
    expect(raw.match(/^To:/gm)).toHaveLength(1);
    expect((await simpleParser(raw)).to).toMatchObject({ value: [{ address: 'x@y.kr' }] });
  });

  it('splits encoded words on character boundaries, each within 75 characters', () => {
    const encoded = encodeHeaderValue('가'.repeat(40));
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) {
      expect(w.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(/\?B\?(.*)\?=/.exec(w)![1]!, 'base64').toString('utf8')).toMatch(/^가+$/);
    }
    expect(encodeHeaderValue('plain ascii')).toBe('plain ascii');
    expect(addressOf('Name <a@b.kr>')).toBe('a@b.kr');
    expect(addressOf('a@b.kr')).toBe('a@b.kr');
  });

  it('goes over SMTP through the pooled transport with the envelope of the addresses', async () => {
    const smtp = await startSmtpServer();
    const mailer = new SmtpMailer(smtp.url, '컬처티켓 <no-reply@culture-ticket.local>', {
      maxConnections: 2,
    });
    try {
      await mailer.send({ to: 'fan@example.com', subject: '제목', text: '본문', html: '<b>본문</b>' });
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]!.to).toEqual(['fan@example.com']);
      const mail = await simpleParser(smtp.mails[0]!.raw);
      expect(mail.subject).toBe('제목');
      expect(mail.html).toBe('<b>본문</b>');
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});
