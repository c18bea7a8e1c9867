import type { Clock } from '../../infra/clock.ts';
import type { Db, DbOrTx } from '../../infra/db.ts';
import type { ReadRouting } from '../../infra/read-routing.ts';
import { AppError, fieldError } from '../../errors.ts';
import { appendEvent } from '../events/outbox.ts';
import type {
  ReviewAuthors,
  ReviewPerformances,
  ReviewReservations,
  ReviewsAudit,
  ReviewsContentScreen,
  ReviewShowtimes,
} from './ports.ts';
import type { Histogram, ReviewRow, ReviewSort, ReviewsRepository, Stars } from './reviews.repository.ts';

/** Bounds of what people write (after trimming); the database checks the same. */
export const REVIEW_LIMITS = {
  body: { min: 10, max: 2000 },
  reason: { min: 2, max: 500 },
  reply: { min: 1, max: 2000 },
} as const;
/** How many of a review's newest report reasons the moderation queue shows. */
const REASONS_SHOWN = 5;
/** The name a review shows when its author's account is gone. */
const WITHDRAWN = '탈퇴한 회원';

export interface ReviewsDeps {
  db: Db;
  readDb: Db;
  readRouting: ReadRouting;
  repo: ReviewsRepository;
  clock: Clock;
  reservations: ReviewReservations;
  showtimes: ReviewShowtimes;
  performances: ReviewPerformances;
  authors: ReviewAuthors;
  screen: ReviewsContentScreen;
  audit: ReviewsAudit | undefined;
}

/** A review with what the routes show beside it. */
export interface ReviewView {
  row: ReviewRow;
  nickname: string;
}

export interface Summary {
  average: number;
  count: number;
  histogram: Histogram;
}

/** Average to two decimals, count and histogram from the per-performance counts (never a recount). */
export function summaryOf(h: Histogram): Summary {
  const count = h[1] + h[2] + h[3] + h[4] + h[5];
  const sum = h[1] + 2 * h[2] + 3 * h[3] + 4 * h[4] + 5 * h[5];
  return { average: count ? Math.round((sum / count) * 100) / 100 : 0, count, histogram: h };
}

/** Trimmed text within bounds, or 400 VALIDATION_FAILED naming the field and the bound it broke. */
function bounded(field: string, text: string, limits: { min: number; max: number }): string {
  const trimmed = text.trim();
  const length = [...trimmed].length;
  if (length < limits.min)
    throw fieldError('VALIDATION_FAILED', field, 'minLength', `must have at least ${limits.min} characters`, {
      limit: limits.min,
    });
  if (length > limits.max)
    throw fieldError('VALIDATION_FAILED', field, 'maxLength', `must have at most ${limits.max} characters`, {
      limit: limits.max,
    });
  return trimmed;
}

const star = (rating: number) => rating as Stars;

/**
 * 관람후기: who may write (the buyer of a CONFIRMED reservation of this performance whose showtime
 * has started, once per reservation), edits and deletes by the author, helpful votes and reports
 * once per user, moderation (hide, reply) with its events and audit entries. Every write that
 * changes the visible reviews of a performance updates `review_stats` in its own transaction, under
 * the review's row lock, so the aggregates are always those of the committed reviews.
 */
export class ReviewsService {
  constructor(private readonly d: ReviewsDeps) {}

  private readDbFor(userId: string | undefined): Promise<DbOrTx> {
    return userId ? this.d.readRouting.readDbFor(userId) : Promise.resolve(this.d.readDb);
  }

  private async assertListed(performanceId: string): Promise<void> {
    if (!(await this.d.performances.isListed(performanceId))) throw new AppError('PERFORMANCE_NOT_FOUND');
  }

  async nicknames(userIds: string[]): Promise<Map<string, string>> {
    const profiles = await this.d.authors.profiles([...new Set(userIds)]);
    return new Map([...profiles].map(([id, p]) => [id, p.nickname]));
  }

  private async views(rows: ReviewRow[]): Promise<ReviewView[]> {
    const names = await this.nicknames(rows.map((r) => r.user_id));
    return rows.map((row) => ({ row, nickname: names.get(row.user_id) ?? WITHDRAWN }));
  }

  // --- reading -------------------------------------------------------------------------------------

  async list(
    performanceId: string,
    q: { sort: ReviewSort; page: number; size: number },
    viewerId: string | undefined,
  ): Promise<Summary & { items: (ReviewView & { voted: boolean; reported: boolean })[]; total: number }> {
    await this.assertListed(performanceId);
    const db = await this.readDbFor(viewerId);
    const [histogram, rows] = await Promise.all([
      this.d.repo.histogram(db, performanceId),
      this.d.repo.page(db, performanceId, q.sort, q.page, q.size),
    ]);
    const ids = rows.map((r) => r.id);
    const [voted, reported, views] = await Promise.all([
      viewerId ? this.d.repo.votedBy(db, viewerId, ids) : new Set<string>(),
      viewerId ? this.d.repo.reportedBy(db, viewerId, ids) : new Set<string>(),
      this.views(rows),
    ]);
    const summary = summaryOf(histogram);
    return {
      ...summary,
      total: summary.count,
      items: views.map((v) => ({ ...v, voted: voted.has(v.row.id), reported: reported.has(v.row.id) })),
    };
  }

  async mine(
    userId: string,
    page: number,
    size: number,
  ): Promise<{ items: (ReviewView & { title: string })[]; total: number }> {
    const { rows, total } = await this.d.repo.ofUser(await this.readDbFor(userId), userId, page, size);
    const labels = await this.d.showtimes.labels([...new Set(rows.map((r) => r.showtime_id))]);
    const views = await this.views(rows);
    return { items: views.map((v) => ({ ...v, title: labels.get(v.row.showtime_id)?.title ?? '' })), total };
  }

  // --- the author ----------------------------------------------------------------------------------

  async create(
    userId: string,
    performanceId: string,
    input: { reservationId: string; rating: number; body: string },
  ): Promise<ReviewView> {
    const body = bounded('body.body', input.body, REVIEW_LIMITS.body);
    await this.assertListed(performanceId);
    const reservation = await this.d.reservations.reservationOf(input.reservationId);
    if (!reservation || reservation.userId !== userId || reservation.status !== 'CONFIRMED')
      throw new AppError('NOT_A_BUYER', 'No confirmed reservation of yours has this id');
    const show = (await this.d.showtimes.labels([reservation.showtimeId])).get(reservation.showtimeId);
    if (!show || show.performanceId !== performanceId)
      throw new AppError('NOT_A_BUYER', 'The reservation is for another performance');
    if (show.startsAt.getTime() > this.d.clock.nowMs())
      throw new AppError('NOT_A_BUYER', 'The show has not started yet', {
        startsAt: show.startsAt.toISOString(),
      });
    await this.d.screen.assertClean(body);

    const row = await this.d.db.transaction().execute(async (tx) => {
      const row = await this.d.repo.insert(tx, {
        performanceId,
        showtimeId: reservation.showtimeId,
        reservationId: input.reservationId,
        userId,
        rating: input.rating,
        body,
        at: this.d.clock.now(),
      });
      if (!row) throw new AppError('ALREADY_REVIEWED');
      await this.d.repo.bumpStats(tx, performanceId, { [star(row.rating)]: 1 });
      return row;
    });
    await this.d.readRouting.markWrote(userId);
    return (await this.views([row]))[0]!;
  }

  /** The author's review under its lock; anyone else is answered as if it did not exist. */
  private async lockOwn(tx: Parameters<ReviewsRepository['lock']>[0], userId: string, id: string) {
    const row = await this.d.repo.lock(tx, id);
    if (!row || row.user_id !== userId) throw new AppError('REVIEW_NOT_FOUND');
    return row;
  }

  async edit(userId: string, id: string, change: { rating?: number; body?: string }): Promise<ReviewView> {
    const body =
      change.body === undefined ? undefined : bounded('body.body', change.body, REVIEW_LIMITS.body);
    if (body !== undefined) await this.d.screen.assertClean(body);
    const row = await this.d.db.transaction().execute(async (tx) => {
      const before = await this.lockOwn(tx, userId, id);
      if (before.hidden_at) throw new AppError('REVIEW_HIDDEN');
      const after = await this.d.repo.update(tx, id, {
        rating: change.rating ?? before.rating,
        body: body ?? before.body,
        editedAt: this.d.clock.now(),
      });
      if (after.rating !== before.rating)
        await this.d.repo.bumpStats(tx, before.performance_id, {
          [star(before.rating)]: -1,
          [star(after.rating)]: 1,
        });
      return after;
    });
    await this.d.readRouting.markWrote(userId);
    return (await this.views([row]))[0]!;
  }

  async remove(userId: string, id: string): Promise<void> {
    await this.d.db.transaction().execute(async (tx) => {
      const row = await this.lockOwn(tx, userId, id);
      await this.d.repo.remove(tx, id);
      // A hidden review already left the aggregates when it was hidden.
      if (!row.hidden_at) await this.d.repo.bumpStats(tx, row.performance_id, { [star(row.rating)]: -1 });
    });
    await this.d.readRouting.markWrote(userId);
  }

  // --- other readers -------------------------------------------------------------------------------

  /** A visible review someone other than its author acts on. */
  private async visibleOthers(db: DbOrTx, userId: string, id: string): Promise<ReviewRow> {
    const row = await this.d.repo.byId(db, id);
    if (!row || row.hidden_at) throw new AppError('REVIEW_NOT_FOUND');
    if (row.user_id === userId) throw new AppError('OWN_REVIEW');
    return row;
  }

  async vote(userId: string, id: string): Promise<number> {
    const count = await this.d.db.transaction().execute(async (tx) => {
      await this.visibleOthers(tx, userId, id);
      if (!(await this.d.repo.addVote(tx, id, userId, this.d.clock.now())))
        throw new AppError('ALREADY_VOTED');
      return this.d.repo.bumpHelpful(tx, id, 1);
    });
    await this.d.readRouting.markWrote(userId);
    return count;
  }

  /** Takes a vote back; without one, nothing changes. */
  async unvote(userId: string, id: string): Promise<number> {
    const count = await this.d.db.transaction().execute(async (tx) => {
      const row = await this.d.repo.byId(tx, id);
      if (!row || row.hidden_at) throw new AppError('REVIEW_NOT_FOUND');
      if (!(await this.d.repo.removeVote(tx, id, userId))) return row.helpful_count;
      return this.d.repo.bumpHelpful(tx, id, -1);
    });
    await this.d.readRouting.markWrote(userId);
    return count;
  }

  async report(userId: string, id: string, reasonText: string): Promise<void> {
    const reason = bounded('body.reason', reasonText, REVIEW_LIMITS.reason);
    await this.d.screen.assertClean(reason);
    await this.d.db.transaction().execute(async (tx) => {
      await this.visibleOthers(tx, userId, id);
      if (!(await this.d.repo.addReport(tx, id, userId, reason, this.d.clock.now())))
        throw new AppError('ALREADY_REPORTED');
    });
    await this.d.readRouting.markWrote(userId);
  }

  // --- moderation ----------------------------------------------------------------------------------

  async moderationQueue(
    reportedOnly: boolean,
    page: number,
    size: number,
  ): Promise<{
    items: (ReviewView & { title: string; reports: { reason: string; createdAt: Date }[] })[];
    total: number;
  }> {
    const { rows, total } = await this.d.repo.moderationPage(this.d.db, reportedOnly, page, size);
    const [labels, reports, views] = await Promise.all([
      this.d.showtimes.labels([...new Set(rows.map((r) => r.showtime_id))]),
      this.d.repo.reportsOf(
        this.d.db,
        rows.map((r) => r.id),
        REASONS_SHOWN,
      ),
      this.views(rows),
    ]);
    return {
      items: views.map((v) => ({
        ...v,
        title: labels.get(v.row.showtime_id)?.title ?? '',
        reports: reports.get(v.row.id) ?? [],
      })),
      total,
    };
  }

  private async titleOf(row: ReviewRow): Promise<string> {
    return (await this.d.showtimes.labels([row.showtime_id])).get(row.showtime_id)?.title ?? '';
  }

  /** Takes a review off the public list and out of the aggregates; the author is told (review.hidden). */
  async hide(
    adminId: string,
    id: string,
    reasonText: string,
    requestId?: string,
  ): Promise<ReviewView & { title: string }> {
    const reason = bounded('body.reason', reasonText, REVIEW_LIMITS.reason);
    const existing = await this.d.repo.byId(this.d.db, id);
    if (!existing) throw new AppError('REVIEW_NOT_FOUND');
    const title = await this.titleOf(existing);
    const row = await this.d.db.transaction().execute(async (tx) => {
      const before = await this.d.repo.lock(tx, id);
      if (!before) throw new AppError('REVIEW_NOT_FOUND');
      if (before.hidden_at) throw new AppError('REVIEW_HIDDEN', 'The review is already hidden');
      const at = this.d.clock.now();
      const after = await this.d.repo.hide(tx, id, { reason, by: adminId, at });
      await this.d.repo.bumpStats(tx, before.performance_id, { [star(before.rating)]: -1 });
      await appendEvent(
        tx,
        'review.hidden',
        { type: 'review', id },
        {
          reviewId: id,
          performanceId: before.performance_id,
          userId: before.user_id,
          performanceTitle: title,
          reason,
          hiddenAt: at.toISOString(),
        },
      );
      await this.d.audit?.record(tx, {
        actorId: adminId,
        action: 'review.hide',
        target: { type: 'review', id },
        before: { hidden: false, rating: before.rating, body: before.body },
        after: { hidden: true, reason },
        ...(requestId ? { requestId } : {}),
      });
      return after;
    });
    return { ...(await this.views([row]))[0]!, title };
  }

  /** The theatre's reply under a review (a second call replaces it); the author is told (review.replied). */
  async reply(
    adminId: string,
    id: string,
    bodyText: string,
    requestId?: string,
  ): Promise<ReviewView & { title: string }> {
    const body = bounded('body.body', bodyText, REVIEW_LIMITS.reply);
    await this.d.screen.assertClean(body);
    const existing = await this.d.repo.byId(this.d.db, id);
    if (!existing) throw new AppError('REVIEW_NOT_FOUND');
    const title = await this.titleOf(existing);
    const row = await this.d.db.transaction().execute(async (tx) => {
      const before = await this.d.repo.lock(tx, id);
      if (!before) throw new AppError('REVIEW_NOT_FOUND');
      const at = this.d.clock.now();
      const after = await this.d.repo.reply(tx, id, { body, by: adminId, at });
      await appendEvent(
        tx,
        'review.replied',
        { type: 'review', id },
        {
          reviewId: id,
          performanceId: before.performance_id,
          userId: before.user_id,
          performanceTitle: title,
          reply: body,
          repliedAt: at.toISOString(),
        },
      );
      await this.d.audit?.record(tx, {
        actorId: adminId,
        action: 'review.reply',
        target: { type: 'review', id },
        before: { reply: before.reply_body },
        after: { reply: body },
        ...(requestId ? { requestId } : {}),
      });
      return after;
    });
    return { ...(await this.views([row]))[0]!, title };
  }
}
