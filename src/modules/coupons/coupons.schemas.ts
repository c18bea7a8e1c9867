import { Type, type Static } from 'typebox';
import { IdParams, PageQuery, Uuid, UuidOf } from '../../http/schemas.ts';

export { IdParams, PageQuery };

/** KRW amounts fit PostgreSQL int with room to spare. */
const Krw = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000_000, description });
const DateTime = (description: string) => Type.String({ format: 'date-time', description });

export const DiscountTypeSchema = Type.Union([Type.Literal('FIXED'), Type.Literal('PERCENT')]);

export const CreateCouponBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    discountType: DiscountTypeSchema,
    discountValue: Type.Integer({
      minimum: 1,
      maximum: 1_000_000_000,
      description: 'KRW for FIXED, percent (1–100) for PERCENT',
    }),
    maxDiscount: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Cap in KRW (PERCENT only)' }),
    ),
    minOrderAmount: Type.Optional(Krw('Smallest order the coupon applies to (KRW)')),
    stock: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    issueStartsAt: DateTime('Issuing opens'),
    issueEndsAt: DateTime('Issuing closes (after issueStartsAt, in the future)'),
    validUntil: DateTime('Issued copies can be used until (after issueStartsAt)'),
  },
  { additionalProperties: false },
);
export type CreateCouponBody = Static<typeof CreateCouponBody>;

export const CreatedId = Type.Object({ id: Uuid });

const CouponTerms = {
  id: Uuid,
  name: Type.String(),
  discountType: DiscountTypeSchema,
  discountValue: Type.Integer(),
  maxDiscount: Type.Union([Type.Integer(), Type.Null()]),
  minOrderAmount: Type.Integer(),
  validUntil: DateTime('Last moment of use'),
};

export const IssuableCoupon = Type.Object({
  ...CouponTerms,
  remaining: Type.Integer({ description: 'Copies left to issue' }),
  issueStartsAt: DateTime('Issuing opens'),
  issueEndsAt: DateTime('Issuing closes'),
});

export const AdminCoupon = Type.Object({
  ...CouponTerms,
  stock: Type.Integer(),
  issued: Type.Integer(),
  issueStartsAt: DateTime('Issuing opens'),
  issueEndsAt: DateTime('Issuing closes'),
  createdAt: DateTime('Created'),
});

export const AdminCouponPage = Type.Object({
  items: Type.Array(AdminCoupon),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});

export const IssuedCouponSchema = Type.Object({
  userCouponId: Uuid,
  couponId: Uuid,
  validUntil: DateTime('Last moment of use'),
});

export const MyCoupon = Type.Object({
  id: UuidOf('userCouponId, given to checkout'),
  coupon: Type.Object(CouponTerms),
  status: Type.Union([Type.Literal('AVAILABLE'), Type.Literal('USED'), Type.Literal('EXPIRED')]),
  reserved: Type.Boolean({ description: 'Held by an unpaid reservation (status stays AVAILABLE)' }),
  issuedAt: DateTime('Issued'),
  usedAt: Type.Union([DateTime('Used'), Type.Null()]),
});
