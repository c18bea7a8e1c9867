import type { Clock } from '../../infra/clock.ts';
import type { Db, DbOrTx } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { Mailer } from '../../infra/mailer.ts';
import type { MailRepository, QueuedMailRow } from './mail.repository.ts';
import {
  MAIL_TEMPLATES,
  renderMail,
  type MailLang,
  type MailTemplate,
  type MailTemplateData,
} from './templates.ts';

export interface MailRetryPolicy {
  maxAttempts: number;
  /** The first retry waits this long; each later one twice as long as the last, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface QueueMail<T extends MailTemplate> {
  template: T;
  lang: MailLang;
  /** Null: nobody to write to (unknown address, throttled account); the row is written all the same. */
  to: string | null;
  data: MailTemplateData[T];
}

/** Queues mail in the caller's transaction; the worker renders and sends it after commit. */
export class MailQueue {
  constructor(
    private readonly repo: MailRepository,
    private readonly clock: Clock,
  ) {}

  enqueue<T extends MailTemplate>(db: DbOrTx, mail: QueueMail<T>): Promise<string> {
    return this.repo.insert(db, { ...mail, notBefore: this.clock.now() });
  }

  /** Notification mail, many at once, each tagged with its user and category. */
  enqueueMany(
    db: DbOrTx,
    mails: Array<QueueMail<MailTemplate> & { userId: string; category: string }>,
  ): Promise<void> {
    const notBefore = this.clock.now();
    return this.repo.insertMany(
      db,
      mails.map((m) => ({ ...m, notBefore })),
    );
  }

  /**
   * Queues notification mail given up on before `finishedBefore` once more (each row at most once
   * in its life), up to `limit` rows; returns how many.
   */
  requeueFailedNotifications(db: DbOrTx, finishedBefore: Date, limit: number): Promise<number> {
    return this.repo.requeueFailedNotifications(db, finishedBefore, this.clock.now(), limit);
  }
}

export interface DrainResult {
  sent: number;
  noRecipient: number;
  retried: number;
  failed: number;
}

/**
 * The worker side of the queue: renders due rows and hands them to the mailer (SMTP with its own
 * connect and socket timeouts). A failed send is retried with a doubling delay, then given up on.
 * Delivery is at least once: a crash between the SMTP answer and the commit sends a row again.
 */
export class MailSender {
  constructor(
    private readonly d: {
      db: Db;
      repo: MailRepository;
      mailer: Mailer;
      clock: Clock;
      log: Logger;
      retry: MailRetryPolicy;
      batchSize: number;
    },
  ) {}

  /** Sends what is due now; returns what it did (tests call it instead of waiting for the job). */
  async drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, noRecipient: 0, retried: 0, failed: 0 };
    await this.d.db.transaction().execute(async (tx) => {
      const rows = await this.d.repo.claimDue(tx, this.d.clock.now(), this.d.batchSize);
      for (const row of rows) result[await this.deliver(tx, row)]++;
    });
    return result;
  }

  private async deliver(tx: DbOrTx, row: QueuedMailRow): Promise<keyof DrainResult> {
    const { repo, clock } = this.d;
    if (row.to_address === null) {
      await repo.finish(tx, row.id, 'no_recipient', clock.now());
      return 'noRecipient';
    }
    try {
      if (!MAIL_TEMPLATES.includes(row.template as MailTemplate)) {
        throw new Error(`unknown mail template ${row.template}`);
      }
      const rendered = await renderMail(row.template as MailTemplate, row.lang, row.data as never);
      await this.d.mailer.send({ to: row.to_address, ...rendered });
      await repo.finish(tx, row.id, 'sent', clock.now());
      return 'sent';
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const attempts = row.attempts + 1;
      const { maxAttempts, baseDelayMs, maxDelayMs } = this.d.retry;
      if (attempts >= maxAttempts) {
        this.d.log.error({ err, mailId: row.id, template: row.template }, 'mail given up');
        await repo.finish(tx, row.id, 'failed', clock.now(), error);
        return 'failed';
      }
      const delay = Math.min(baseDelayMs * 2 ** (attempts - 1), maxDelayMs);
      this.d.log.warn({ err: error, mailId: row.id, attempts }, 'mail failed; retrying later');
      await repo.retryLater(tx, row.id, new Date(clock.nowMs() + delay), error);
      return 'retried';
    }
  }

  /** Renders and sends at once, for mail the request must know was sent (a verification code). */
  async sendNow<T extends MailTemplate>(to: string, template: T, lang: MailLang, data: MailTemplateData[T]) {
    await this.d.mailer.send({ to, ...(await renderMail(template, lang, data)) });
  }
}
