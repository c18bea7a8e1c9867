import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, IdParams } from '../../http/schemas.ts';
import { AdminCancelBody, OrderDetail, OrdersPage, OrdersQuery } from './admin-orders.schemas.ts';
import type { AdminOrders } from './admin-orders.service.ts';

/** The orders desk (ADMIN): search, one order, cancel and refund, CSV export. */
export const adminOrdersRoutes =
  (deps: { orders: AdminOrders }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { orders } = deps;
    const tags = ['admin desks'];

    app.get(
      '/admin/orders',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Search orders; format=csv streams every match as a CSV file',
          querystring: OrdersQuery,
          response: { 200: OrdersPage, ...errors(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const { page, size, format, ...query } = request.query;
        if (format === 'csv') {
          const stream = await orders.exportCsv(query, { actorId: request.user!.id, requestId: request.id });
          const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="orders-${day}.csv"`)
            .header('cache-control', 'no-store')
            .send(stream as never);
        }
        return orders.search(query, page, size);
      },
    );

    app.get(
      '/admin/orders/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'One order: buyer, seats, tickets, payment timeline and refunds',
          params: IdParams,
          response: { 200: OrderDetail, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => orders.detail(request.params.id),
    );

    app.post(
      '/admin/orders/:id/cancel',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags,
          summary:
            'Cancel a paid order (or refund more of a cancelled one): all that is left by default, or an amount, whatever the buyer policy',
          params: IdParams,
          body: AdminCancelBody,
          response: { 200: OrderDetail, ...errors(400, 401, 403, 404, 409, 422, 502, 503) },
        },
      },
      async (request) =>
        orders.cancel(request.params.id, {
          actorId: request.user!.id,
          reason: request.body.reason,
          ...(request.body.refundAmount !== undefined ? { refundAmount: request.body.refundAmount } : {}),
          requestId: request.id,
        }),
    );
  };
