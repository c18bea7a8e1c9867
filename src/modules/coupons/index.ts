import type { Infra } from '../../container.ts';
import { CouponDiscounts } from './coupons.discount.ts';
import { CouponIssuance } from './coupons.issuance.ts';
import { CouponRepository } from './coupons.repository.ts';
import { couponRoutes } from './coupons.routes.ts';
import { CouponService } from './coupons.service.ts';
import { CouponStock } from './coupons.stock.ts';
import { CouponAdmin, type CouponsAudit, type HolderProfiles } from './coupons.admin.ts';
import { couponAdminRoutes } from './coupons.admin.routes.ts';
import './coupons.tables.ts';

/** Coupons: admin catalogue, first-come issuance, and the DiscountPort that checkout calls. */
export function createCouponsModule(
  infra: Pick<Infra, 'db' | 'readRouting' | 'redis' | 'metrics' | 'log' | 'clock' | 'tokens'>,
  ports: { audit?: CouponsAudit; holders?: HolderProfiles } = {},
) {
  const log = infra.log.child({ module: 'coupons' });
  const repo = new CouponRepository();
  const stock = new CouponStock(infra.redis, infra.clock);
  const duration = infra.metrics.histogram({
    name: 'coupon_issue_duration_seconds',
    help: 'Server-side time of one coupon issuance attempt, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [
      0.00005, 0.0001, 0.0002, 0.0003, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.005, 0.0075, 0.01,
      0.025, 0.05, 0.1, 0.25, 0.5, 1,
    ],
  });
  const { db, readRouting, clock } = infra;
  const issuance = new CouponIssuance({ db, readRouting, repo, stock, duration, log });
  const service = new CouponService({ db, readRouting, repo, stock, issuance, log, clock });
  const discounts = new CouponDiscounts(repo, clock);
  const admin = new CouponAdmin({
    db,
    repo,
    stock,
    issuance,
    clock,
    log,
    audit: ports.audit,
    holders: ports.holders,
  });
  return {
    routes: couponRoutes({ service, issuance, tokens: infra.tokens }),
    adminRoutes: couponAdminRoutes({ admin }),
    admin,
    discounts,
    issuance,
    service,
    stock,
  };
}
