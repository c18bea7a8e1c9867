import type { Background, Infra } from '../../container.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import { LeasedJob } from '../../infra/lease.ts';
import type { Logger } from '../../infra/logger.ts';
import type { MailQueue } from '../mail/index.ts';
import type { NotificationsHousekeepingRepository } from './notifications-housekeeping.repository.ts';

const DAY_MS = 86_400_000;

export interface HousekeepingPolicy {
  /** Read notifications older than this are deleted (90 days). */
  readRetentionMs: number;
  /** Any notification older than this is deleted, read or not (a year). */
  unreadRetentionMs: number;
  /** A notification mail given up on is queued once more after this cool-off (6 hours). */
  resendAfterMs: number;
  /** Rows per statement. */
  batchSize: number;
  /** Statements per run at most; the rest waits for the next run. */
  maxBatches: number;
}

export const HOUSEKEEPING_POLICY: HousekeepingPolicy = {
  readRetentionMs: 90 * DAY_MS,
  unreadRetentionMs: 365 * DAY_MS,
  resendAfterMs: 6 * 3_600_000,
  batchSize: 1_000,
  maxBatches: 50,
};

/**
 * Notification housekeeping: purges old notifications in bounded batches, and gives notification
 * mail the sender gave up on one more try after a cool-off. Each statement takes its rows with
 * SKIP LOCKED and each resend is marked on the row, so two runners at once still delete and resend
 * each row once; the leased jobs below normally keep it to one runner anyway.
 */
export class NotificationHousekeeping {
  readonly totals = { purged: 0, resent: 0 };
  private readonly policy: HousekeepingPolicy;

  constructor(
    private readonly d: {
      db: Db;
      repo: NotificationsHousekeepingRepository;
      mail: Pick<MailQueue, 'requeueFailedNotifications'>;
      clock: Clock;
      log: Logger;
      policy?: Partial<HousekeepingPolicy>;
    },
  ) {
    this.policy = { ...HOUSEKEEPING_POLICY, ...d.policy };
  }

  /** One run of the purge; returns how many notifications were deleted. */
  async purge(): Promise<number> {
    const { db, repo, clock } = this.d;
    const { readRetentionMs, unreadRetentionMs, batchSize, maxBatches } = this.policy;
    const now = clock.nowMs();
    const readBefore = new Date(now - readRetentionMs);
    const unreadBefore = new Date(now - unreadRetentionMs);
    let purged = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await repo.purge(db, readBefore, unreadBefore, batchSize);
      purged += n;
      if (n < batchSize) break;
    }
    this.totals.purged += purged;
    if (purged > 0) this.d.log.info({ purged }, 'old notifications purged');
    return purged;
  }

  /** One run of the resend; returns how many failed notification mails were queued again. */
  async resendFailed(): Promise<number> {
    const { db, mail, clock } = this.d;
    const { resendAfterMs, batchSize, maxBatches } = this.policy;
    const before = new Date(clock.nowMs() - resendAfterMs);
    let resent = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await mail.requeueFailedNotifications(db, before, batchSize);
      resent += n;
      if (n < batchSize) break;
    }
    this.totals.resent += resent;
    if (resent > 0) this.d.log.info({ resent }, 'failed notification mail queued again');
    return resent;
  }
}

/** The two leased jobs (any number of workers may run them; one holds each lease at a time). */
export function housekeepingJobs(
  infra: Pick<Infra, 'redis' | 'log'>,
  housekeeping: NotificationHousekeeping,
  intervals: { purgeMs?: number; resendMs?: number } = {},
): Background[] {
  const job = (name: string, intervalMs: number, run: () => Promise<unknown>): Background => {
    const leased = new LeasedJob({
      name,
      intervalMs,
      redis: infra.redis,
      log: infra.log,
      run: async () => {
        await run();
      },
    });
    return { name, start: () => leased.start(), stop: () => leased.stop() };
  };
  return [
    job('notifications-purge', intervals.purgeMs ?? 10 * 60_000, () => housekeeping.purge()),
    job('notifications-resend-failed', intervals.resendMs ?? 5 * 60_000, () => housekeeping.resendFailed()),
  ];
}
