import { setTimeout as sleep } from 'node:timers/promises';
import type { Histogram } from 'prom-client';
import { AppError } from '../../errors.ts';
import { isPgError, PG, type Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { ReadRouting } from '../../infra/read-routing.ts';
import type { CouponRepository } from './coupons.repository.ts';
import type { CouponStock } from './coupons.stock.ts';

export interface IssuedCoupon {
  userCouponId: string;
  couponId: string;
  validUntil: Date;
}

/** How long a rebuild may hold its lease; a crashed rebuilder frees it after this. */
const REBUILD_LEASE_MS = 5_000;
/** How long a requester waits for someone else's rebuild before giving up with 503. */
const REBUILD_WAIT_MS = 3_000;

export interface IssuanceDeps {
  db: Db;
  /** Marks the winner as "just wrote", so their next lag-tolerant reads see the copy (primary). */
  readRouting: Pick<ReadRouting, 'markWrote'>;
  repo: CouponRepository;
  stock: CouponStock;
  duration: Histogram<'outcome'>;
  log: Logger;
}

export type IssueOutcome = 'issued' | 'already_issued' | 'sold_out' | 'not_issuable' | 'not_found' | 'error';

/**
 * First-come issuance without a global lock: Redis decides (one Lua script per attempt), PostgreSQL
 * records and guards. The steps and their undo:
 *   1. TRY_ISSUE in Redis — MISSING state → rebuild from PostgreSQL, then try again.
 *   2. INSERT the winner into its stock shard — unique violation: they already hold it (Redis counts
 *      them: no undo); shard full or any other failure: give the place back in the state that
 *      granted it (and, shard full, try again).
 *   3. ENSURE the committed winner is counted, in its shard, by the current state (it may have been
 *      rebuilt from a snapshot taken before our commit).
 */
export class CouponIssuance {
  private readonly rebuilding = new Map<string, Promise<void>>();

  private readonly db: Db;
  private readonly repo: CouponRepository;
  private readonly stock: CouponStock;
  private readonly log: Logger;

  constructor(private readonly d: IssuanceDeps) {
    ({ db: this.db, repo: this.repo, stock: this.stock, log: this.log } = d);
  }

  /**
   * The rush path asks Redis before PostgreSQL (that is its point), so the stock keys are built from
   * the coupon id the request named. One coupon has one stock only because every route admits ids in
   * their canonical lowercase spelling alone (src/http/schemas.ts); a rebuild then reads the row by
   * that same id.
   */
  async issue(couponId: string, userId: string): Promise<IssuedCoupon> {
    const started = process.hrtime.bigint();
    let outcome: IssueOutcome = 'error';
    try {
      const result = await this.issueOnce(couponId, userId);
      outcome = 'issued';
      await this.markWrote(userId);
      return result;
    } catch (err) {
      if (err instanceof AppError) outcome = OUTCOME_OF[err.code] ?? 'error';
      throw err;
    } finally {
      this.d.duration.observe({ outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  /** After the commit: the copy is the user's whatever happens here, so a failure is only logged. */
  private async markWrote(userId: string): Promise<void> {
    try {
      await this.d.readRouting.markWrote(userId);
    } catch (err) {
      this.log.warn({ err, userId }, 'read-your-writes marker not set after a coupon issuance');
    }
  }

  private async issueOnce(couponId: string, userId: string): Promise<IssuedCoupon> {
    // A shard can be full in PostgreSQL while Redis still shows room only after a rebuild raced
    // with in-flight winners; then the place is given back and another shard is tried.
    for (let attempt = 0; ; attempt++) {
      const win = await this.win(couponId, userId);
      let row: { userCouponId: string; validUntil: Date } | undefined;
      try {
        row = await this.repo.insertWinner(this.db, couponId, userId, win.shard);
      } catch (err) {
        if (isPgError(err, PG.UNIQUE_VIOLATION, 'user_coupons_coupon_user_key')) {
          throw new AppError('COUPON_ALREADY_ISSUED');
        }
        await this.compensate(couponId, userId, win);
        if (isPgError(err, PG.CHECK_VIOLATION, 'coupon_stock_shards_within_cap')) {
          if (attempt < 2) continue;
          throw new AppError('COUPON_SOLD_OUT');
        }
        // A token outlived its user.
        if (isPgError(err, PG.FOREIGN_KEY_VIOLATION, 'user_coupons_user_id_fkey')) {
          throw new AppError('USER_NOT_FOUND');
        }
        throw err;
      }
      if (!row) {
        // The shard row vanished (coupons are never deleted, so this is a broken store): undo and say so.
        await this.compensate(couponId, userId, win);
        throw new AppError('COUPON_NOT_FOUND');
      }
      await this.ensureCounted(couponId, userId, win.shard);
      return { userCouponId: row.userCouponId, couponId, validUntil: row.validUntil };
    }
  }

  private async win(couponId: string, userId: string): Promise<{ epoch: string; shard: number }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await this.stock.tryIssue(couponId, userId).catch((err: unknown) => {
        // Without Redis there is no fair first-come order to apply: refuse rather than guess.
        this.log.warn({ err, couponId }, 'coupon stock unreachable');
        throw new AppError('SERVICE_UNAVAILABLE', 'Coupon issuance is unavailable; try again');
      });
      switch (r.kind) {
        case 'WON':
          return r;
        case 'ALREADY_ISSUED':
          throw new AppError('COUPON_ALREADY_ISSUED');
        case 'SOLD_OUT':
          throw new AppError('COUPON_SOLD_OUT');
        case 'NOT_ISSUABLE':
          throw new AppError('COUPON_NOT_ISSUABLE');
        case 'MISSING':
          await this.rebuild(couponId);
      }
    }
    throw new AppError('SERVICE_UNAVAILABLE', 'The coupon stock is being rebuilt; try again');
  }

  private async compensate(couponId: string, userId: string, win: { epoch: string; shard: number }) {
    try {
      await this.stock.compensate(couponId, userId, win.epoch, win.shard);
    } catch (err) {
      // Redis now holds one slot too few (under-issue, never over-issue); a rebuild corrects it.
      this.log.error({ err, couponId, userId }, 'coupon compensation failed');
    }
  }

  /**
   * The copy is committed, so the answer is 201 whatever happens here. Should Redis fail now, it
   * counts one copy too few after a rebuild: later winners then meet a full shard in PostgreSQL and
   * are refused there (never over-issued), and a rebuild squares it.
   */
  private async ensureCounted(couponId: string, userId: string, shard: number): Promise<void> {
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        if (await this.stock.ensureCounted(couponId, userId, shard)) return;
        await this.rebuild(couponId);
      }
      this.log.warn({ couponId, userId }, 'coupon state still missing after issuing');
    } catch (err) {
      this.log.warn({ err, couponId, userId }, 'issued coupon not confirmed in Redis');
    }
  }

  /**
   * Rebuilds the Redis state from PostgreSQL under a short lease on the coupon's own hash tag. Others
   * wait until the state is back. Issuers that won in the lost state and commit after the snapshot
   * are added by their own ENSURE step, so the rebuilt state never lets more winners through than
   * PostgreSQL has room for (and each shard's CHECK (issued <= cap) would stop them anyway).
   */
  rebuild(couponId: string): Promise<void> {
    // Single flight per process: a rush that finds the state gone waits on one promise here, so only
    // one request per instance polls Redis for the lease.
    let pending = this.rebuilding.get(couponId);
    if (!pending) {
      pending = this.rebuildOnce(couponId)
        .catch((err: unknown) => {
          if (err instanceof AppError) throw err;
          this.log.warn({ err, couponId }, 'coupon stock rebuild failed');
          throw new AppError('SERVICE_UNAVAILABLE', 'Coupon issuance is unavailable; try again');
        })
        .finally(() => this.rebuilding.delete(couponId));
      this.rebuilding.set(couponId, pending);
    }
    return pending;
  }

  private async rebuildOnce(couponId: string): Promise<void> {
    // Real time, not the injected clock: this bounds an actual wait on another process's lease.
    const deadline = Date.now() + REBUILD_WAIT_MS;
    for (let wait = 5; ; wait = Math.min(wait * 2, 50)) {
      const token = await this.stock.lockRebuild(couponId, REBUILD_LEASE_MS);
      if (token) {
        try {
          if (await this.stock.exists(couponId)) return;
          const snap = await this.repo.stockSnapshot(this.db, couponId);
          if (!snap) throw new AppError('COUPON_NOT_FOUND');
          const result = await this.stock.writeSnapshot(couponId, token, snap);
          this.log.info(
            { couponId, result, issued: snap.holders.length },
            'coupon stock rebuilt from PostgreSQL',
          );
          return;
        } finally {
          await this.stock.unlockRebuild(couponId, token);
        }
      }
      if (Date.now() > deadline) {
        throw new AppError('SERVICE_UNAVAILABLE', 'The coupon stock is being rebuilt; try again');
      }
      await sleep(wait + Math.floor(Math.random() * wait));
      if (await this.stock.exists(couponId)) return;
    }
  }
}

const OUTCOME_OF: Partial<Record<string, IssueOutcome>> = {
  COUPON_ALREADY_ISSUED: 'already_issued',
  COUPON_SOLD_OUT: 'sold_out',
  COUPON_NOT_ISSUABLE: 'not_issuable',
  COUPON_NOT_FOUND: 'not_found',
};
