import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { ReadRouting } from '../../infra/read-routing.ts';
import type { CouponIssuance } from './coupons.issuance.ts';
import type { CouponRepository } from './coupons.repository.ts';
import type { CouponRow, NewCoupon, UserCouponRow } from './coupons.tables.ts';
import type { CreateCouponBody } from './coupons.schemas.ts';
import type { CouponStock } from './coupons.stock.ts';

/** How long the list of issuable coupons is reused in-process; remaining stock is always live. */
const ISSUABLE_CACHE_MS = 1_000;

export interface CouponDeps {
  /** The primary: writes, and reads that must not lag. */
  db: Db;
  /** Lag-tolerant reads: the replica, or the primary right after the reader wrote. */
  readRouting: Pick<ReadRouting, 'readDbFor'>;
  repo: CouponRepository;
  stock: CouponStock;
  issuance: CouponIssuance;
  log: Logger;
  clock: Clock;
}

/** A user's copy as they see it: EXPIRED is derived (a used copy stays USED, an unused one expires). */
export interface MyCouponRow extends UserCouponRow {
  state: 'AVAILABLE' | 'USED' | 'EXPIRED';
}

export class CouponService {
  /**
   * The issuable list, per database it was read from: one read from the replica is never served to a
   * reader who was routed to the primary because they just wrote.
   */
  private readonly issuableCache = new Map<Db, { at: number; rows: Promise<CouponRow[]> }>();

  constructor(private readonly d: CouponDeps) {}

  /** Creates the coupon (and its stock shards) in one transaction, then primes its Redis state. */
  async create(body: CreateCouponBody): Promise<string> {
    const coupon = validateNewCoupon(body, this.d.clock.now());
    const id = await this.d.db.transaction().execute((tx) => this.d.repo.insert(tx, coupon));
    this.issuableCache.clear();
    try {
      await this.d.issuance.rebuild(id);
    } catch (err) {
      // Not fatal: the first issue request finds the state missing and builds it.
      this.d.log.warn({ err, couponId: id }, 'coupon stock not primed in Redis');
    }
    return id;
  }

  /** The admin list (lag-tolerant: the replica, unless `readerId` just wrote). */
  async page(page: number, size: number, readerId?: string): Promise<{ items: CouponRow[]; total: number }> {
    return this.d.repo.page(await this.d.readRouting.readDbFor(readerId), page, size);
  }

  /**
   * Issuable coupons with their live remaining stock (Redis; PostgreSQL when the state is missing).
   * The list itself is lag-tolerant: the replica, unless `readerId` (when signed in) just wrote.
   */
  async issuable(readerId?: string): Promise<(CouponRow & { remaining: number })[]> {
    const db = await this.d.readRouting.readDbFor(readerId);
    const now = this.d.clock.nowMs();
    let cached = this.issuableCache.get(db);
    if (!cached || now - cached.at > ISSUABLE_CACHE_MS || now < cached.at) {
      const rows = this.d.repo.issuableAt(db, new Date(now));
      const entry = { at: now, rows };
      this.issuableCache.set(db, entry);
      rows.catch(() => {
        if (this.issuableCache.get(db) === entry) this.issuableCache.delete(db);
      });
      cached = entry;
    }
    const rows = (await cached.rows).filter(
      (c) => c.issueStartsAt.getTime() <= now && c.issueEndsAt.getTime() > now,
    );
    let live: (number | undefined)[] = [];
    try {
      live = await this.d.stock.remaining(rows.map((c) => c.id));
    } catch (err) {
      this.d.log.warn({ err }, 'remaining coupon stock read from PostgreSQL: Redis failed');
    }
    return rows.map((c, i) => ({ ...c, remaining: live[i] ?? Math.max(0, c.stock - c.issued) }));
  }

  /**
   * "My coupons": lag-tolerant, so the replica, unless the user has just written (an issuance, a
   * reservation using a coupon): then the primary, so the copy they just got is there.
   */
  async mine(userId: string): Promise<MyCouponRow[]> {
    const rows = await this.d.repo.ofUser(await this.d.readRouting.readDbFor(userId), userId);
    const now = this.d.clock.nowMs();
    return rows.map((uc) => ({
      ...uc,
      state: uc.status === 'USED' ? 'USED' : uc.coupon.validUntil.getTime() <= now ? 'EXPIRED' : 'AVAILABLE',
    }));
  }
}

type Field = keyof CreateCouponBody;

/** Rules across fields (the schema already checked each field on its own). */
export function validateNewCoupon(body: CreateCouponBody, now: Date): NewCoupon {
  // Each with the rule it broke, so a client words it (docs/CONVENTIONS.md "Errors").
  const errors: { field: string; rule: string; message: string; [bound: string]: unknown }[] = [];
  const fail = (field: Field, rule: string, message: string, bound: Record<string, unknown> = {}): void => {
    errors.push({ field: `body.${field}`, rule, message, ...bound });
  };
  const issueStartsAt = new Date(body.issueStartsAt);
  const issueEndsAt = new Date(body.issueEndsAt);
  const validUntil = new Date(body.validUntil);
  for (const [field, date] of [
    ['issueStartsAt', issueStartsAt],
    ['issueEndsAt', issueEndsAt],
    ['validUntil', validUntil],
  ] as const) {
    if (Number.isNaN(date.getTime()))
      fail(field, 'format', 'must be a valid date-time', { format: 'date-time' });
  }
  if (body.discountType === 'PERCENT' && body.discountValue > 100) {
    fail('discountValue', 'maximum', 'must be between 1 and 100 for PERCENT', { limit: 100 });
  }
  if (body.discountType === 'FIXED' && body.maxDiscount !== undefined) {
    fail('maxDiscount', 'percentOnly', 'applies to PERCENT coupons only');
  }
  if (issueEndsAt <= issueStartsAt)
    fail('issueEndsAt', 'after', 'must be after issueStartsAt', { other: 'issueStartsAt' });
  if (issueEndsAt <= now) fail('issueEndsAt', 'future', 'must be in the future');
  if (validUntil <= issueStartsAt)
    fail('validUntil', 'after', 'must be after issueStartsAt', { other: 'issueStartsAt' });
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      errors,
    });
  }
  return {
    name: body.name.trim(),
    discountType: body.discountType,
    discountValue: body.discountValue,
    maxDiscount: body.maxDiscount ?? null,
    minOrderAmount: body.minOrderAmount ?? 0,
    stock: body.stock,
    issueStartsAt,
    issueEndsAt,
    validUntil,
  };
}
