import { sql, type Selectable } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { MailQueueTable } from './mail.tables.ts';
import './mail.tables.ts';

export type QueuedMailRow = Selectable<MailQueueTable>;

export interface NewQueuedMail {
  template: string;
  lang: 'ko' | 'en';
  to: string | null;
  data: unknown;
  notBefore: Date;
  /** Notification mail: whose it is and its category (booking mail is never capped). */
  userId?: string | null;
  category?: string | null;
}

/** The mail queue, stateless: every method takes the connection first; "now" is the caller's clock. */
export class MailRepository {
  async insert(db: DbOrTx, mail: NewQueuedMail): Promise<string> {
    const row = await db
      .insertInto('mail_queue')
      .values({
        template: mail.template,
        lang: mail.lang,
        to_address: mail.to,
        data: JSON.stringify(mail.data),
        next_attempt_at: mail.notBefore,
        last_error: null,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Many rows in one statement (a fan-out batch). */
  async insertMany(db: DbOrTx, mails: NewQueuedMail[]): Promise<void> {
    if (mails.length === 0) return;
    await db
      .insertInto('mail_queue')
      .values(
        mails.map((mail) => ({
          template: mail.template,
          lang: mail.lang,
          to_address: mail.to,
          data: JSON.stringify(mail.data),
          next_attempt_at: mail.notBefore,
          last_error: null,
          finished_at: null,
          user_id: mail.userId ?? null,
          category: mail.category ?? null,
        })),
      )
      .execute();
  }

  /**
   * Pending rows due now, oldest first, locked for this transaction; rows another sender holds are
   * skipped, so two senders never mail the same row.
   */
  async claimDue(tx: DbOrTx, now: Date, limit: number): Promise<QueuedMailRow[]> {
    return tx
      .selectFrom('mail_queue')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  }

  /**
   * Sent, given up, or nobody to send to: the data (a reset link, a hint) is no longer kept, except
   * for a notification mail given up for the first time, which the housekeeping job queues once more.
   */
  async finish(
    db: DbOrTx,
    id: string,
    status: 'sent' | 'failed' | 'no_recipient',
    now: Date,
    error?: string,
  ): Promise<void> {
    await db
      .updateTable('mail_queue')
      .set((eb) => ({
        status,
        data:
          status === 'failed' ? sql`CASE WHEN user_id IS NOT NULL AND resent_at IS NULL THEN data END` : null,
        finished_at: now,
        attempts: status === 'no_recipient' ? eb.ref('attempts') : eb('attempts', '+', 1),
        last_error: error ?? null,
      }))
      .where('id', '=', id)
      .execute();
  }

  /**
   * Many rows at once, each with its own error (or none): sent and failed count an attempt;
   * no_recipient and capped were never tried.
   */
  async finishMany(
    db: DbOrTx,
    rows: Array<{ id: string; error: string | null }>,
    status: 'sent' | 'failed' | 'no_recipient' | 'capped',
    now: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    const attempted = status === 'sent' || status === 'failed';
    await sql`
      UPDATE mail_queue m
      SET status = ${status},
          -- A notification mail given up for the first time keeps its data: housekeeping queues it once more.
          data = ${status === 'failed' ? sql`CASE WHEN m.user_id IS NOT NULL AND m.resent_at IS NULL THEN m.data END` : sql`NULL`},
          finished_at = ${now},
          attempts = m.attempts + ${attempted ? 1 : 0}, last_error = f.error
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.error)}::text[]) AS f (id, error)
      WHERE m.id = f.id`.execute(db);
  }

  /**
   * A user's queued mail of these categories, finished unsent as `withdrawn`; returns how many. A row
   * a sender holds is waited for and, sent by then, left alone (the status is checked again after the
   * lock).
   */
  async withdrawPending(db: DbOrTx, userId: string, categories: string[], now: Date): Promise<number> {
    if (categories.length === 0) return 0;
    const result = await sql`
      UPDATE mail_queue SET status = 'withdrawn', data = NULL, finished_at = ${now}
      WHERE user_id = ${userId} AND category = ANY(${categories}::text[]) AND status = 'pending'`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** Many failed rows back to pending, each due again at its own time. */
  async retryManyLater(db: DbOrTx, rows: Array<{ id: string; at: Date; error: string }>): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      UPDATE mail_queue m
      SET attempts = m.attempts + 1, next_attempt_at = f.at, last_error = f.error
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.at)}::timestamptz[],
                  ${rows.map((r) => r.error)}::text[]) AS f (id, at, error)
      WHERE m.id = f.id`.execute(db);
  }

  /**
   * Non-transactional notification mail sent to each of these users since `since` (the start of the
   * Korean day), for the daily cap.
   */
  async sentTodayByUser(db: DbOrTx, userIds: string[], since: Date): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await sql<{ user_id: string; n: number }>`
      SELECT user_id, count(*)::int AS n FROM mail_queue
      WHERE user_id = ANY(${userIds}::uuid[]) AND status = 'sent' AND category <> 'booking'
        AND finished_at >= ${since}
      GROUP BY user_id`.execute(db);
    return new Map(rows.rows.map((r) => [r.user_id, r.n]));
  }

  /**
   * Notification mail given up on before `finishedBefore` and never resent goes back to pending for
   * one more round of attempts, up to `limit` rows, oldest first. Rows another caller holds are
   * skipped and `resent_at` is set, so each row is resent once however many callers run.
   */
  async requeueFailedNotifications(
    db: DbOrTx,
    finishedBefore: Date,
    now: Date,
    limit: number,
  ): Promise<number> {
    const result = await sql<{ id: string }>`
      UPDATE mail_queue SET status = 'pending', attempts = 0, next_attempt_at = ${now},
        finished_at = NULL, resent_at = ${now}
      WHERE id IN (
        SELECT id FROM mail_queue
        WHERE status = 'failed' AND user_id IS NOT NULL AND resent_at IS NULL
          AND data IS NOT NULL AND finished_at < ${finishedBefore}
        ORDER BY finished_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id`.execute(db);
    return result.rows.length;
  }

  async retryLater(db: DbOrTx, id: string, at: Date, error: string): Promise<void> {
    await db
      .updateTable('mail_queue')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: at, last_error: error }))
      .where('id', '=', id)
      .execute();
  }
}
