import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Logger } from './logger.ts';
import { addressOf, buildMime } from './mime.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative of `text`, when the mail has one. */
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** Sends mail. Callers do not care whether it goes to SMTP or, locally, to the log. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Closes pooled connections (the worker at shutdown). */
  close?(): void;
}

export interface SmtpPoolOptions {
  /** Connections the pool opens at most; sends beyond them wait in the pool's queue. */
  maxConnections: number;
}

/**
 * SMTP through nodemailer with bounded waits, so a stuck mail server cannot hold a request. The
 * transport is pooled: a few long-lived connections carry many messages each, so the sender's
 * concurrent sends do not pay a TCP and SMTP handshake per mail.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    pool: SmtpPoolOptions = { maxConnections: 5 },
  ) {
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: pool.maxConnections,
      maxMessages: 1_000,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
  }

  close(): void {
    this.transport.close();
  }

  async send(mail: Mail): Promise<void> {
    // The message is composed here in one string (src/infra/mime.ts); nodemailer only carries it.
    await this.transport.sendMail({
      envelope: { from: addressOf(this.from), to: [mail.to] },
      raw: buildMime({ from: this.from, ...mail }),
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

export function createMailer(
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'> & Partial<Pick<Config, 'MAIL_SMTP_MAX_CONNECTIONS'>>,
  log: Logger,
): Mailer {
  return config.SMTP_URL
    ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM, {
        maxConnections: config.MAIL_SMTP_MAX_CONNECTIONS ?? 5,
      })
    : new LogMailer(log);
}
