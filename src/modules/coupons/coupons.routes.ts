import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { CouponIssuance } from './coupons.issuance.ts';
import type { CouponRow } from './coupons.tables.ts';
import {
  AdminCouponPage,
  CreateCouponBody,
  CreatedId,
  IdParams,
  IssuableCoupon,
  IssuedCouponSchema,
  MyCoupon,
  PageQuery,
} from './coupons.schemas.ts';
import type { CouponService } from './coupons.service.ts';
import { userKey } from '../../http/rate-limit-key.ts';
import { optionalUser } from '../../http/auth-guard.ts';
import { errors } from '../../http/schemas.ts';
import type { AccessTokens } from '../auth/tokens.ts';

const terms = (c: CouponRow) => ({
  id: c.id,
  name: c.name,
  discountType: c.discountType,
  discountValue: c.discountValue,
  maxDiscount: c.maxDiscount,
  minOrderAmount: c.minOrderAmount,
  validUntil: c.validUntil.toISOString(),
});

/** The signed-in user's id; only called on routes whose access rule requires a signed-in caller. */
const userIdOf = (request: FastifyRequest): string => request.user!.id;

export const couponRoutes =
  (deps: {
    service: CouponService;
    issuance: CouponIssuance;
    tokens: AccessTokens;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service, issuance, tokens } = deps;
    const security = [{ bearerAuth: [] }];

    app.post(
      '/admin/coupons',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['coupons'],
          summary: 'Create a coupon (admin)',
          security,
          body: CreateCouponBody,
          response: { 201: CreatedId, ...errors(400, 401, 403) },
        },
      },
      async (request, reply) => reply.status(201).send({ id: await service.create(request.body) }),
    );

    app.get(
      '/admin/coupons',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['coupons'],
          summary: 'List coupons, newest first (admin)',
          security,
          querystring: PageQuery,
          response: { 200: AdminCouponPage, ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { page, size } = request.query;
        const { items, total } = await service.page(page, size, userIdOf(request));
        return {
          page,
          size,
          total,
          items: items.map((c) => ({
            ...terms(c),
            stock: c.stock,
            issued: c.issued,
            issueStartsAt: c.issueStartsAt.toISOString(),
            issueEndsAt: c.issueEndsAt.toISOString(),
            createdAt: c.createdAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/coupons',
      {
        config: { access: 'public' },
        schema: {
          tags: ['coupons'],
          summary: 'Coupons issuable now, with remaining stock',
          description:
            'Read from the replica when one is configured; a signed-in caller who has just written reads the primary.',
          response: { 200: Type.Array(IssuableCoupon), ...errors(503) },
        },
      },
      async (request) => {
        // Public, but a bearer token (when sent) names the reader for read-your-writes.
        await optionalUser(request, tokens);
        return (await service.issuable(request.user?.id)).map((c) => ({
          ...terms(c),
          remaining: c.remaining,
          issueStartsAt: c.issueStartsAt.toISOString(),
          issueEndsAt: c.issueEndsAt.toISOString(),
        }));
      },
    );

    app.post(
      '/coupons/:id/issue',
      {
        config: {
          access: 'signed-in',
          // Per user, after authentication: a rush is many users once each, not one user many times.
          rateLimit: {
            max: 20,
            timeWindow: 60_000,
            hook: 'preHandler',
            keyGenerator: userKey,
          },
        },
        schema: {
          tags: ['coupons'],
          summary: 'Claim one copy of a coupon (first come, first served)',
          security,
          params: IdParams,
          response: { 201: IssuedCouponSchema, ...errors(400, 401, 404, 409, 410, 429, 503) },
        },
      },
      async (request, reply) => {
        const issued = await issuance.issue(request.params.id, userIdOf(request));
        return reply.status(201).send({
          userCouponId: issued.userCouponId,
          couponId: issued.couponId,
          validUntil: issued.validUntil.toISOString(),
        });
      },
    );

    app.get(
      '/users/me/coupons',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['coupons'],
          summary: "The signed-in user's coupons",
          security,
          response: { 200: Type.Array(MyCoupon), ...errors(401) },
        },
      },
      async (request) =>
        (await service.mine(userIdOf(request))).map((uc) => ({
          id: uc.id,
          coupon: terms(uc.coupon),
          status: uc.state,
          reserved: uc.status === 'RESERVED',
          issuedAt: uc.issuedAt.toISOString(),
          usedAt: uc.usedAt ? uc.usedAt.toISOString() : null,
        })),
    );
  };
