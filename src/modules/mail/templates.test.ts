import { describe, expect, it } from 'vitest';
import { MAIL_TEMPLATES, SAMPLE_DATA, mailLangOf, renderMail } from './templates.ts';

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

  it('picks the language from Accept-Language, Korean by default', () => {
    expect(mailLangOf(undefined)).toBe('ko');
    expect(mailLangOf('en-US,en;q=0.9')).toBe('en');
    expect(mailLangOf('ko-KR,ko;q=0.9,en;q=0.8')).toBe('ko');
    expect(mailLangOf('fr,en;q=0.5,ko;q=0.4')).toBe('en');
    expect(mailLangOf('de')).toBe('ko');
  });
});
