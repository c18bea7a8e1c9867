import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, IdParams } from '../../http/schemas.ts';
import { CouponQuoteList, CouponQuoteQuery } from './quotes.schemas.ts';
import { parseTicketTypes, type CouponQuotes } from './quotes.service.ts';

const security = [{ bearerAuth: [] }];

/** Coupon quotes for a held order: the discount and total the checkout page shows. */
export const quoteRoutes =
  (deps: { quotes: CouponQuotes }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/holds/:id/coupon-quotes',
      {
        config: { access: 'owner' },
        schema: {
          tags: ['checkout'],
          summary: 'Price my held order with each of my coupons (the discount POST /reservations applies)',
          description:
            'Lists my unused, valid coupons with the discount and total each would give this hold, applicable ' +
            'ones first. A coupon that does not apply says why: MIN_ORDER_NOT_MET or RESERVED (held by ' +
            'another unpaid reservation). Another user’s hold is 404 HOLD_NOT_FOUND; a reserved or ' +
            'expired hold is 409 HOLD_EXPIRED. With `ticketTypes` the order is priced as those types (an ' +
            'unknown code is 422 TICKET_TYPE_UNAVAILABLE).',
          security,
          params: IdParams,
          querystring: CouponQuoteQuery,
          response: { 200: CouponQuoteList, ...errors(400, 401, 404, 409, 422) },
        },
      },
      async (request) =>
        deps.quotes.forHold(request.params.id, request.user!.id, parseTicketTypes(request.query.ticketTypes)),
    );
  };
