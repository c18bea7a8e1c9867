import { mailParts, startSmtpServer, type ReceivedMail } from '../test/smtp-server.ts';

export type Mail = ReceivedMail;

/** The readable text of a raw message: its text part, decoded. */
export function mailText(raw: string): string {
  return mailParts(raw).text;
}

/**
 * A local SMTP server (the only stand-in the end-to-end run uses: we cannot reach a real mailbox).
 * The API sends its verification mail here and the journeys read the code from it.
 */
export async function startMailbox(): Promise<{
  port: number;
  mails: Mail[];
  waitForCode: (email: string, timeoutMs?: number) => Promise<string>;
  waitForMatch: (email: string, pattern: RegExp, timeoutMs?: number) => Promise<string>;
  close: () => Promise<void>;
}> {
  const smtp = await startSmtpServer();
  const mails = smtp.mails;

  // The newest code wins: a resend replaces the earlier one.
  const waitForCode = async (email: string, timeoutMs = 20_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const mail of [...mails].reverse()) {
        if (!mail.to.includes(email.toLowerCase())) continue;
        const code = /(?<!\d)(\d{6})(?!\d)/.exec(mailText(mail.raw))?.[1];
        if (code) return code;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no verification code mailed to ${email} within ${timeoutMs} ms`);
  };

  // The newest mail to `email` whose text matches wins; resolves with the first group (or the match).
  const waitForMatch = async (email: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const mail of [...mails].reverse()) {
        if (!mail.to.includes(email.toLowerCase())) continue;
        const match = pattern.exec(mailText(mail.raw));
        if (match) return match[1] ?? match[0];
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no mail matching ${pattern} to ${email} within ${timeoutMs} ms`);
  };

  return { port: Number(new URL(smtp.url).port), mails, waitForCode, waitForMatch, close: smtp.close };
}
