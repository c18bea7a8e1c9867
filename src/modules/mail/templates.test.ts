import { describe, expect, it } from 'vitest';
import {
  MAIL_TEMPLATES,
  SAMPLE_DATA,
  mailLangOf,
  renderCacheSize,
  renderMail,
  renderMailDirect,
  type MailTemplate,
} from './templates.ts';

describe('mail templates', () => {
  it('renders every template as HTML and text, in Korean and English', async () => {
    expect(MAIL_TEMPLATES).toEqual([
      'email-verification',
      'password-reset',
      'password-changed',
      'find-email-hint',
      'booking-confirmed',
      'booking-cancelled',
      'show-reminder',
      'onsale-alert',
      'keyword-match',
      'review-invitation',
      'inquiry-answered',
      'notice',
    ]);
    // Notification samples carry Korean titles, which English mail quotes as they are.
    const accountMail = new Set([
      'email-verification',
      'password-reset',
      'password-changed',
      'find-email-hint',
    ]);
    for (const template of MAIL_TEMPLATES) {
      const ko = await renderMail(template, 'ko', SAMPLE_DATA[template] as never);
      const en = await renderMail(template, 'en', SAMPLE_DATA[template] as never);
      expect(ko.subject).toMatch(/[가-힣]/);
      if (accountMail.has(template)) expect(en.subject).not.toMatch(/[가-힣]/);
      expect(ko.html).toContain('<html lang="ko"');
      expect(en.html).toContain('<html lang="en"');
      expect(ko.text).toMatch(/[가-힣]/);
      if (accountMail.has(template)) expect(en.text).not.toMatch(/[가-힣]/);
    }
  });

  it('escapes what goes into the HTML', async () => {
    const mail = await renderMail('find-email-hint', 'en', {
      maskedEmail: '<script>x</script>@example.com',
      signedUpAt: '2025-01-01T00:00:00Z',
    });
    expect(mail.html).not.toContain('<script>x');
    expect(mail.html).toContain('&#60;script&#62;');
  });

  describe('render cache', () => {
    const EVIL = `<b>&"'</b> \u{E000}0\u{E001}`;
    /** Every string value (but dates and the phase) with markup appended, every list one more item. */
    const hostile = (template: MailTemplate): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(SAMPLE_DATA[template]).map(([k, v]) => [
          k,
          typeof v === 'string' && !k.endsWith('At') && k !== 'phase'
            ? v + EVIL
            : Array.isArray(v)
              ? [...v, EVIL]
              : v,
        ]),
      );
    /** The branches: booleans flipped, nullable fields null, the other phase. */
    const flipped = (template: MailTemplate): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(SAMPLE_DATA[template]).map(([k, v]) => [
          k,
          k === 'phase'
            ? 'OPEN'
            : typeof v === 'boolean'
              ? !v
              : k === 'venueAddress' ||
                  (template === 'notice' && k === 'link') ||
                  (template === 'keyword-match' && k === 'salesOpenAt')
                ? null
                : v,
        ]),
      );

    it('fills a template rendered once to exactly what MJML renders per mail', async () => {
      for (const template of MAIL_TEMPLATES) {
        for (const lang of ['ko', 'en'] as const) {
          const cases: Array<[unknown, { unsubscribeUrl?: string }]> = [
            [SAMPLE_DATA[template], {}],
            [
              SAMPLE_DATA[template],
              { unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=1.a.b.c&x=1' },
            ],
            [hostile(template), { unsubscribeUrl: `http://localhost:3000/unsubscribe?token=${EVIL}` }],
            [flipped(template), {}],
          ];
          for (const [data, opts] of cases) {
            const direct = await renderMailDirect(template, lang, data as never, opts);
            const cached = await renderMail(template, lang, data as never, opts);
            expect(cached, `${template} ${lang}`).toEqual(direct);
          }
        }
      }
    });

    it("renders MJML once per template, language and shape, and escapes each person's values", async () => {
      const before = renderCacheSize();
      const data = SAMPLE_DATA['booking-confirmed'];
      const first = await renderMail('booking-confirmed', 'ko', { ...data, bookingNumber: 'CT-A' });
      const evil = await renderMail('booking-confirmed', 'ko', {
        ...data,
        bookingNumber: 'CT-B',
        seats: ['<script>alert(1)</script>', 'A&B "12"'],
        performanceTitle: "<img src=x onerror='x'>",
      });
      expect(renderCacheSize()).toBeLessThanOrEqual(before + 1);
      expect(first.html).toContain('CT-A');
      expect(evil.html).toContain('CT-B');
      expect(evil.html).not.toContain('<script>alert');
      expect(evil.html).not.toContain('<img src=x');
      expect(evil.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;, A&#38;B &#34;12&#34;');
      expect(evil.text).toContain('<script>alert(1)</script>, A&B "12"');
      expect(evil.subject).toBe('[컬처티켓] 예매가 완료되었어요 (CT-B)');
    });
  });

  it('picks the language from Accept-Language, Korean by default', () => {
    expect(mailLangOf(undefined)).toBe('ko');
    expect(mailLangOf('en-US,en;q=0.9')).toBe('en');
    expect(mailLangOf('ko-KR,ko;q=0.9,en;q=0.8')).toBe('ko');
    expect(mailLangOf('fr,en;q=0.5,ko;q=0.4')).toBe('en');
    expect(mailLangOf('de')).toBe('ko');
  });
});
