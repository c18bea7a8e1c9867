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
import type { UnsubscribeTokens } from './unsubscribe-tokens.ts';

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
   * Withdraws a user's queued notification mail of these categories (they turned it off): it is
   * never sent. Booking mail cannot be turned off and is never named here.
   */
  withdrawPending(db: DbOrTx, userId: string, categories: string[]): Promise<number> {
    return this.repo.withdrawPending(db, userId, categories, this.clock.now());
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
  /** Over the user's daily cap of non-transactional notification mail: finished unsent. */
  capped: number;
}

export interface MailSenderOptions {
  /** Rows claimed (and locked) per transaction. */
  batchSize: number;
  /** Sends in flight at once within a batch (the pooled transport spreads them over its connections). */
  concurrency: number;
  /** One drain keeps claiming batches for about this long (by the clock), then returns. */
  budgetMs: number;
  /** Non-transactional notification mails per user per Korean day; 0 = no cap. */
  dailyCap: number;
}

/** Notification mail of this category is transactional: never capped, no unsubscribe link. */
const TRANSACTIONAL = 'booking';
const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The start of the Korean calendar day `now` falls in (KST has no daylight saving). */
export function koreanDayStart(now: Date): Date {
  const local = now.getTime() + KST_OFFSET_MS;
  return new Date(local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - KST_OFFSET_MS);
}

type Outcome =
  | { kind: 'sent' | 'noRecipient' | 'capped'; id: string }
  | { kind: 'failed'; id: string; error: string }
  | { kind: 'retried'; id: string; at: Date; error: string };

/**
 * The worker side of the queue. A batch is claimed in one transaction (FOR UPDATE SKIP LOCKED, so
 * two senders never mail the same row), rendered from the template cache and sent with bounded
 * concurrency over the pooled SMTP transport; the outcomes are written in a few statements and the
 * transaction commits. A failed send is retried with a doubling delay, then given up on. Delivery is
 * at least once: a crash between the SMTP answers and the commit sends the batch's rows again.
 *
 * Non-transactional notification mail (a category other than booking) gets its unsubscribe link
 * (footer, List-Unsubscribe headers) here, and counts against its user's daily cap: over the cap the
 * row finishes as `capped` without being sent.
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
      unsubscribe: UnsubscribeTokens;
      options: MailSenderOptions;
    },
  ) {}

  /**
   * Sends what is due: batch after batch until a batch comes back short or the time budget is spent.
   * Returns what it did (tests call it instead of waiting for the job).
   */
  async drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, noRecipient: 0, retried: 0, failed: 0, capped: 0 };
    const { clock, options } = this.d;
    const started = clock.nowMs();
    for (;;) {
      const claimed = await this.drainBatch(result);
      if (claimed < options.batchSize || clock.nowMs() - started >= options.budgetMs) return result;
    }
  }

  /** One batch in one transaction; returns how many rows it claimed. */
  private async drainBatch(result: DrainResult): Promise<number> {
    const { repo, clock, options } = this.d;
    return this.d.db.transaction().execute(async (tx) => {
      const now = clock.now();
      const rows = await repo.claimDue(tx, now, options.batchSize);
      if (rows.length === 0) return 0;
      const capped = await this.overCap(tx, rows, now);
      const outcomes: Outcome[] = new Array(rows.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < rows.length) {
          const i = next++;
          outcomes[i] = capped.has(rows[i]!.id)
            ? { kind: 'capped', id: rows[i]!.id }
            : await this.deliver(rows[i]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency, rows.length) }, worker));

      const finishedAt = clock.now();
      const of = <K extends Outcome['kind']>(kind: K) =>
        outcomes.filter((o): o is Extract<Outcome, { kind: K }> => o.kind === kind);
      const plain = (list: { id: string }[]) => list.map(({ id }) => ({ id, error: null }));
      await repo.finishMany(tx, plain(of('sent')), 'sent', finishedAt);
      await repo.finishMany(tx, plain(of('noRecipient')), 'no_recipient', finishedAt);
      await repo.finishMany(tx, plain(of('capped')), 'capped', finishedAt);
      await repo.finishMany(tx, of('failed'), 'failed', finishedAt);
      await repo.retryManyLater(tx, of('retried'));
      for (const o of outcomes) result[o.kind]++;
      return rows.length;
    });
  }

  /**
   * Rows over their user's cap for today, counting what was sent earlier today and, in claim order
   * (oldest first), the rows of this batch. A send that then fails still used its place.
   */
  private async overCap(tx: DbOrTx, rows: QueuedMailRow[], now: Date): Promise<Set<string>> {
    const cap = this.d.options.dailyCap;
    const over = new Set<string>();
    if (cap === 0) return over;
    const counted = rows.filter(
      (r) =>
        r.user_id !== null && r.category !== null && r.category !== TRANSACTIONAL && r.to_address !== null,
    );
    if (counted.length === 0) return over;
    const sent = await this.d.repo.sentTodayByUser(
      tx,
      [...new Set(counted.map((r) => r.user_id!))],
      koreanDayStart(now),
    );
    for (const row of counted) {
      const n = sent.get(row.user_id!) ?? 0;
      if (n >= cap) over.add(row.id);
      else sent.set(row.user_id!, n + 1);
    }
    return over;
  }

  private async deliver(row: QueuedMailRow): Promise<Outcome> {
    const { clock } = this.d;
    if (row.to_address === null) return { kind: 'noRecipient', id: row.id };
    try {
      if (!MAIL_TEMPLATES.includes(row.template as MailTemplate)) {
        throw new Error(`unknown mail template ${row.template}`);
      }
      const links = this.d.unsubscribe.linksFor(row.user_id, row.category);
      const rendered = await renderMail(row.template as MailTemplate, row.lang, row.data as never, {
        ...(links && { unsubscribeUrl: links.page }),
      });
      await this.d.mailer.send({
        to: row.to_address,
        ...rendered,
        ...(links && {
          headers: {
            'List-Unsubscribe': `<${links.oneClick}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }),
      });
      return { kind: 'sent', id: row.id };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const attempts = row.attempts + 1;
      const { maxAttempts, baseDelayMs, maxDelayMs } = this.d.retry;
      if (attempts >= maxAttempts) {
        this.d.log.error({ err, mailId: row.id, template: row.template }, 'mail given up');
        return { kind: 'failed', id: row.id, error };
      }
      const delay = Math.min(baseDelayMs * 2 ** (attempts - 1), maxDelayMs);
      this.d.log.warn({ err: error, mailId: row.id, attempts }, 'mail failed; retrying later');
      return { kind: 'retried', id: row.id, at: new Date(clock.nowMs() + delay), error };
    }
  }

  /** Renders and sends at once, for mail the request must know was sent (a verification code). */
  async sendNow<T extends MailTemplate>(to: string, template: T, lang: MailLang, data: MailTemplateData[T]) {
    await this.d.mailer.send({ to, ...(await renderMail(template, lang, data)) });
  }
}
