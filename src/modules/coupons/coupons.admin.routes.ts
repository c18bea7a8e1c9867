import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams, Page, Size, Uuid } from '../../http/schemas.ts';
import type { CouponAdmin } from './coupons.admin.ts';
import { AdminCoupon } from './coupons.schemas.ts';
import type { CouponRow } from './coupons.tables.ts';

const adminView = (c: CouponRow) => ({
  id: c.id,
  name: c.name,
  discountType: c.discountType,
  discountValue: c.discountValue,
  maxDiscount: c.maxDiscount,
  minOrderAmount: c.minOrderAmount,
  validUntil: c.validUntil.toISOString(),
  stock: c.stock,
  issued: c.issued,
  issueStartsAt: c.issueStartsAt.toISOString(),
  issueEndsAt: c.issueEndsAt.toISOString(),
  createdAt: c.createdAt.toISOString(),
});

const EditCouponBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    stock: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'Only upward once issuing has started' }),
    ),
    issueEndsAt: Type.Optional(Type.String({ format: 'date-time', description: 'Issuing closes' })),
    validUntil: Type.Optional(Type.String({ format: 'date-time', description: 'Copies can be used until' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const Holders = Type.Object({
  coupon: Type.Object({
    id: Uuid,
    name: Type.String(),
    stock: Type.Integer(),
    issued: Type.Integer(),
    used: Type.Integer(),
  }),
  items: Type.Array(
    Type.Object({
      userCouponId: Uuid,
      user: Type.Object({
        id: Uuid,
        email: Type.Union([Type.String(), Type.Null()]),
        nickname: Type.Union([Type.String(), Type.Null()]),
      }),
      status: Type.Union([Type.Literal('AVAILABLE'), Type.Literal('RESERVED'), Type.Literal('USED')]),
      reservationId: Type.Union([Uuid, Type.Null()]),
      issuedAt: Type.String({ format: 'date-time' }),
      usedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
  ),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});

/** The coupons desk (ADMIN): edit, stop early, holders and uses. */
export const couponAdminRoutes =
  (deps: { admin: CouponAdmin }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['coupons'];
    app.patch(
      '/admin/coupons/:id',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags,
          summary: 'Edit a coupon: name, stock (only upward once issuing started), closing time, validity',
          params: IdParams,
          body: EditCouponBody,
          response: { 200: AdminCoupon, ...errors(400, 401, 403, 404, 422, 503) },
        },
      },
      async (request) =>
        adminView(await deps.admin.edit(request.user!.id, request.params.id, request.body, request.id)),
    );

    app.delete(
      '/admin/coupons/:id',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags,
          summary: 'Stop issuing now; copies already issued stay valid',
          params: IdParams,
          response: { 200: AdminCoupon, ...errors(400, 401, 403, 404, 503) },
        },
      },
      async (request) => adminView(await deps.admin.stop(request.user!.id, request.params.id, request.id)),
    );

    app.get(
      '/admin/coupons/:id/holders',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Who holds a copy, and which were used (with the reservation)',
          params: IdParams,
          querystring: Type.Object({ page: Page(), size: Size(50) }),
          response: { 200: Holders, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => deps.admin.holders(request.params.id, request.query.page, request.query.size),
    );
  };
