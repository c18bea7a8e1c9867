import { AppError, fieldError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db, DbOrTx } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { CouponIssuance } from './coupons.issuance.ts';
import type { CouponRepository } from './coupons.repository.ts';
import type { CouponStock } from './coupons.stock.ts';
import type { CouponRow } from './coupons.tables.ts';
import type { AuditPort } from '../../infra/audit.ts';

/** The audit log, written in the transaction of the edit (the audit module fills it). */
export type CouponsAudit = AuditPort;

/** Accounts behind holders' ids (the users module). */
export interface HolderProfiles {
  profiles(ids: string[]): Promise<Map<string, { email: string; nickname: string }>>;
}

export interface CouponEdit {
  name?: string;
  stock?: number;
  issueEndsAt?: string;
  validUntil?: string;
}

const snapshot = (c: CouponRow) => ({
  name: c.name,
  stock: c.stock,
  issued: c.issued,
  issueStartsAt: c.issueStartsAt.toISOString(),
  issueEndsAt: c.issueEndsAt.toISOString(),
  validUntil: c.validUntil.toISOString(),
});

/**
 * The coupons desk: edit, stop early, list holders. PostgreSQL is changed first, in one transaction
 * with its audit entry; then the Redis state is dropped and rebuilt from PostgreSQL (CouponStock
 * .invalidate), so the first-come gate counts the new stock and window exactly.
 * Stock rule: once issuing has started, stock only grows (copies already promised in flight must
 * keep their places, and a shard's cap never goes under what it issued); before, any stock ≥ 1.
 */
export class CouponAdmin {
  constructor(
    private readonly d: {
      db: Db;
      repo: CouponRepository;
      stock: CouponStock;
      issuance: CouponIssuance;
      clock: Clock;
      log: Logger;
      audit: CouponsAudit | undefined;
      holders: HolderProfiles | undefined;
    },
  ) {}

  async edit(actorId: string, id: string, edit: CouponEdit, requestId?: string): Promise<CouponRow> {
    const now = this.d.clock.now();
    const row = await this.d.db.transaction().execute(async (tx) => {
      const before = await this.d.repo.lockOne(tx, id);
      if (!before) throw new AppError('COUPON_NOT_FOUND');
      const started = before.issueStartsAt.getTime() <= now.getTime();
      if (edit.stock !== undefined && edit.stock !== before.stock) {
        if (started && edit.stock < before.stock) {
          throw fieldError(
            'COUPON_STOCK_DECREASE',
            'body.stock',
            'stockOnlyUp',
            'Once issuing has started, stock can only grow',
            {
              limit: before.stock,
            },
          );
        }
      }
      const issueEndsAt = edit.issueEndsAt === undefined ? undefined : new Date(edit.issueEndsAt);
      if (issueEndsAt && issueEndsAt.getTime() <= Math.max(now.getTime(), before.issueStartsAt.getTime())) {
        throw fieldError(
          'VALIDATION_FAILED',
          'body.issueEndsAt',
          'after',
          'Issuing must close after it opens and in the future (to stop now, DELETE the coupon)',
        );
      }
      const validUntil = edit.validUntil === undefined ? undefined : new Date(edit.validUntil);
      if (validUntil && validUntil.getTime() <= before.issueStartsAt.getTime()) {
        throw fieldError(
          'VALIDATION_FAILED',
          'body.validUntil',
          'after',
          'Copies must stay valid after issuing opens',
        );
      }
      await this.d.repo.updateCoupon(tx, id, {
        ...(edit.name !== undefined ? { name: edit.name } : {}),
        ...(edit.stock !== undefined ? { stock: edit.stock } : {}),
        ...(issueEndsAt ? { issueEndsAt } : {}),
        ...(validUntil ? { validUntil } : {}),
      });
      if (edit.stock !== undefined && edit.stock !== before.stock) {
        await this.d.repo.resizeShards(tx, id, edit.stock);
      }
      return this.recorded(tx, 'coupon.update', actorId, before, requestId);
    });
    await this.refreshGate(id);
    return row;
  }

  /** Stops issuing now (already issued copies stay valid). Stopping a stopped coupon changes nothing. */
  async stop(actorId: string, id: string, requestId?: string): Promise<CouponRow> {
    const now = this.d.clock.now();
    const row = await this.d.db.transaction().execute(async (tx) => {
      const before = await this.d.repo.lockOne(tx, id);
      if (!before) throw new AppError('COUPON_NOT_FOUND');
      if (before.issueEndsAt.getTime() <= now.getTime()) return before;
      // A coupon that has not opened yet closes before it opens (the window must stay ordered).
      const opensLater = before.issueStartsAt.getTime() >= now.getTime();
      await this.d.repo.updateCoupon(tx, id, {
        issueEndsAt: now,
        ...(opensLater ? { issueStartsAt: new Date(now.getTime() - 1) } : {}),
      });
      return this.recorded(tx, 'coupon.stop', actorId, before, requestId);
    });
    await this.refreshGate(id);
    return row;
  }

  /** Reads the coupon after a change and records before and after in the change's transaction. */
  private async recorded(
    tx: DbOrTx,
    action: 'coupon.update' | 'coupon.stop',
    actorId: string,
    before: CouponRow,
    requestId: string | undefined,
  ): Promise<CouponRow> {
    const after = (await this.d.repo.byId(tx, before.id))!;
    await this.d.audit?.record(tx, {
      actorId,
      action,
      target: { type: 'coupon', id: before.id },
      before: snapshot(before),
      after: snapshot(after),
      ...(requestId ? { requestId } : {}),
    });
    return after;
  }

  async holders(id: string, page: number, size: number) {
    const coupon = await this.d.repo.byId(this.d.db, id);
    if (!coupon) throw new AppError('COUPON_NOT_FOUND');
    const { items, total, used } = await this.d.repo.holders(this.d.db, id, page, size);
    const people = (await this.d.holders?.profiles([...new Set(items.map((i) => i.userId))])) ?? new Map();
    return {
      coupon: { id, name: coupon.name, stock: coupon.stock, issued: coupon.issued, used },
      items: items.map((i) => ({
        userCouponId: i.id,
        user: {
          id: i.userId,
          email: people.get(i.userId)?.email ?? null,
          nickname: people.get(i.userId)?.nickname ?? null,
        },
        status: i.status,
        reservationId: i.reservationId,
        issuedAt: i.issuedAt.toISOString(),
        usedAt: i.usedAt?.toISOString() ?? null,
      })),
      page,
      size,
      total,
    };
  }

  /** The Redis gate follows PostgreSQL: dropped (must succeed), then primed again (issuing rebuilds it anyway). */
  private async refreshGate(id: string): Promise<void> {
    try {
      await this.d.stock.invalidate(id);
    } catch (err) {
      // The old gate would go on issuing by the old stock or window: the admin must retry.
      this.d.log.error({ err, couponId: id }, 'coupon gate not dropped in Redis after an edit');
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'Saved, but the issuing gate was not updated; repeat the change',
      );
    }
    try {
      await this.d.issuance.rebuild(id);
    } catch (err) {
      this.d.log.warn({ err, couponId: id }, 'coupon stock not primed in Redis after an edit');
    }
  }
}
