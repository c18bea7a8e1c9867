import { Type, type Static } from 'typebox';
import { UuidOf } from '../../http/schemas.ts';

/** One of the caller's coupons priced against a held order (GET /holds/:id/coupon-quotes). */
export const CouponQuote = Type.Object({
  userCouponId: UuidOf('The coupon copy to name in POST /reservations'),
  couponName: Type.String(),
  applicable: Type.Boolean({ description: 'POST /reservations with this coupon would apply it' }),
  discount: Type.Integer({ minimum: 0, description: 'KRW off the order; 0 when not applicable' }),
  total: Type.Integer({ minimum: 0, description: 'What the reservation would charge with this coupon' }),
  minOrderAmount: Type.Integer({ minimum: 0, description: 'The order amount the coupon needs (0: none)' }),
  reason: Type.Optional(
    Type.Union([Type.Literal('MIN_ORDER_NOT_MET'), Type.Literal('RESERVED')], {
      description:
        'Why it does not apply: the order is below the minimum, or another unpaid reservation holds it',
    }),
  ),
});
export type CouponQuote = Static<typeof CouponQuote>;

export const CouponQuoteList = Type.Array(CouponQuote);

export const CouponQuoteQuery = Type.Object(
  {
    ticketTypes: Type.Optional(
      Type.String({
        maxLength: 1300,
        pattern: '^[0-9a-fA-F-]{36}:[A-Z][A-Z0-9_]{1,23}(,[0-9a-fA-F-]{36}:[A-Z][A-Z0-9_]{1,23}){0,19}$',
        description:
          'The ticket types the order will use, as `seatId:CODE` pairs separated by commas (a seat left out is ADULT)',
      }),
    ),
  },
  { additionalProperties: false },
);
