import { startSmtpServer, type ReceivedMail } from '../test/smtp-server.ts';

export type Mail = ReceivedMail;

/** The readable text of a raw message: base64 and quoted-printable parts decoded, headers dropped. */
export function mailText(raw: string): string {
  const decoded: string[] = [];
  const base64Part = /Content-Transfer-Encoding:\s*base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi;
  for (const match of raw.matchAll(base64Part)) {
    decoded.push(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64').toString('utf8'));
  }
  const qp = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const body = [qp, ...decoded]
    .join('\n')
    .split(/\r?\n/)
    .filter((line) => !/^[A-Za-z-]+:\s/.test(line) && !line.startsWith('--'))
    .join('\n');
  return body;
}

/**
 * A local SMTP server (the only stand-in the end-to-end run uses: we cannot reach a real mailbox).
 * The API sends its verification mail here and the journeys read the code from it.
 */
export async function startMailbox(): Promise<{
  port: number;
  mails: Mail[];
  waitForCode: (email: string, timeoutMs?: number) => Promise<string>;
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

  return { port: Number(new URL(smtp.url).port), mails, waitForCode, close: smtp.close };
}
