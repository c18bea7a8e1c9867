import type { App } from '../src/app.ts';
import type { TestUser } from './factories.ts';

/** Test helpers: coupons made through the admin API, as an operator would. */
export function couponBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    name: '오픈 기념 10% 할인',
    discountType: 'PERCENT',
    discountValue: 10,
    maxDiscount: 5_000,
    minOrderAmount: 30_000,
    stock: 100,
    issueStartsAt: new Date(now - 60_000).toISOString(),
    issueEndsAt: new Date(now + 3_600_000).toISOString(),
    validUntil: new Date(now + 7 * 86_400_000).toISOString(),
    ...overrides,
  };
}

export async function createCoupon(
  app: App,
  admin: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/coupons',
    headers: admin.headers,
    payload: couponBody(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`coupon not created: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export function issue(app: App, user: TestUser, couponId: string) {
  return app.inject({ method: 'POST', url: `/api/v1/coupons/${couponId}/issue`, headers: user.headers });
}
