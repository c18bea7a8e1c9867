import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Logger } from './logger.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative of `text`, when the mail has one. */
  html?: string;
}

/** Sends mail. Callers do not care whether it goes to SMTP or, locally, to the log. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** SMTP through nodemailer with bounded waits, so a stuck mail server cannot hold a request. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport({
      url: smtpUrl,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html !== undefined && { html: mail.html }),
    });
  }
}

/** Without SMTP_URL (local development) mail is written to the log so codes can still be read. */
export class LogMailer implements Mailer {
  constructor(private readonly log: Logger) {}

  async send(mail: Mail): Promise<void> {
    // The text part is enough to read a code or follow a link locally.
    this.log.info(
      { mail: { to: mail.to, subject: mail.subject, text: mail.text } },
      `mail to ${mail.to}: ${mail.subject}`,
    );
  }
}

export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>, log: Logger): Mailer {
  return config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new LogMailer(log);
}
