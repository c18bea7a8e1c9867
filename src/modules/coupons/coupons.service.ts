import { AppError } from '../../errors.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { CouponIssuance } from './coupons.issuance.ts';
import type { CouponRepository, CouponRow, NewCoupon } from './coupons.repository.ts';
import type { CreateCouponBody } from './coupons.schemas.ts';
import type { CouponStock } from './coupons.stock.ts';

/** How long the list of issuable coupons is reused in-process; remaining stock is always live. */
const ISSUABLE_CACHE_MS = 1_000;

export class CouponService {
  private issuableCache: { at: number; rows: Promise<CouponRow[]> } | undefined;

  constructor(
    private readonly db: Db,
    private readonly repo: CouponRepository,
    private readonly stock: CouponStock,
    private readonly issuance: CouponIssuance,
    private readonly log: Logger,
  ) {}

  async create(body: CreateCouponBody): Promise<string> {
    const coupon = validateNewCoupon(body);
    const id = await this.repo.insert(this.db, coupon);
    this.issuableCache = undefined;
    try {
      await this.issuance.rebuild(id);
    } catch (err) {
      // Not fatal: the first issue request finds the state missing and builds it.
      this.log.warn({ err, couponId: id }, 'coupon stock not primed in Redis');
    }
    return id;
  }

  page(page: number, size: number): Promise<{ items: CouponRow[]; total: number }> {
    return this.repo.page(this.db, page, size);
  }

  /** Issuable coupons with their live remaining stock (Redis; PostgreSQL when the state is missing). */
  async issuable(): Promise<(CouponRow & { remaining: number })[]> {
    const now = Date.now();
    if (!this.issuableCache || now - this.issuableCache.at > ISSUABLE_CACHE_MS) {
      const rows = this.repo.issuableNow(this.db);
      this.issuableCache = { at: now, rows };
      rows.catch(() => (this.issuableCache = undefined));
    }
    const rows = (await this.issuableCache.rows).filter(
      (c) => c.issueStartsAt.getTime() <= now && c.issueEndsAt.getTime() > now,
    );
    let live: (number | undefined)[] = [];
    try {
      live = await this.stock.remaining(rows.map((c) => c.id));
    } catch (err) {
      this.log.warn({ err }, 'remaining coupon stock read from PostgreSQL: Redis failed');
    }
    return rows.map((c, i) => ({ ...c, remaining: live[i] ?? Math.max(0, c.stock - c.issued) }));
  }

  mine(userId: string): ReturnType<CouponRepository['ofUser']> {
    return this.repo.ofUser(this.db, userId);
  }
}

type Field = keyof CreateCouponBody;

/** Rules across fields (the schema already checked each field on its own). */
export function validateNewCoupon(body: CreateCouponBody, now = new Date()): NewCoupon {
  const errors: { field: string; message: string }[] = [];
  const fail = (field: Field, message: string): void => {
    errors.push({ field: `body.${field}`, message });
  };
  const issueStartsAt = new Date(body.issueStartsAt);
  const issueEndsAt = new Date(body.issueEndsAt);
  const validUntil = new Date(body.validUntil);
  for (const [field, date] of [
    ['issueStartsAt', issueStartsAt],
    ['issueEndsAt', issueEndsAt],
    ['validUntil', validUntil],
  ] as const) {
    if (Number.isNaN(date.getTime())) fail(field, 'must be a valid date-time');
  }
  if (body.discountType === 'PERCENT' && body.discountValue > 100) {
    fail('discountValue', 'must be between 1 and 100 for PERCENT');
  }
  if (body.discountType === 'FIXED' && body.maxDiscount !== undefined) {
    fail('maxDiscount', 'applies to PERCENT coupons only');
  }
  if (issueEndsAt <= issueStartsAt) fail('issueEndsAt', 'must be after issueStartsAt');
  if (issueEndsAt <= now) fail('issueEndsAt', 'must be in the future');
  if (validUntil <= issueStartsAt) fail('validUntil', 'must be after issueStartsAt');
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
