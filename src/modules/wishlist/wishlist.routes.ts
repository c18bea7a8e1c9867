import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errors } from '../../http/schemas.ts';
import { PageQuery, PerformanceIdParams, WishedIds, WishlistPage } from './wishlist.schemas.ts';
import type { WishlistService } from './wishlist.service.ts';

/** Only called on signed-in routes. */
const userIdOf = (request: FastifyRequest): string => request.user!.id;

export const wishlistRoutes =
  (deps: { service: WishlistService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service } = deps;
    const security = [{ bearerAuth: [] }];

    app.put(
      '/users/me/wishlist/:performanceId',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['wishlist'],
          summary: 'Wish for a performance (찜; idempotent)',
          security,
          params: PerformanceIdParams,
          response: { 204: Type.Null(), ...errors(400, 401, 404, 409) },
        },
      },
      async (request, reply) => {
        await service.add(userIdOf(request), request.params.performanceId);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/users/me/wishlist/:performanceId',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['wishlist'],
          summary: 'Remove a performance from the wishlist (idempotent)',
          security,
          params: PerformanceIdParams,
          response: { 204: Type.Null(), ...errors(400, 401, 404) },
        },
      },
      async (request, reply) => {
        await service.remove(userIdOf(request), request.params.performanceId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/users/me/wishlist',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['wishlist'],
          summary: "The signed-in user's wished performances, newest wish first",
          security,
          querystring: PageQuery,
          response: { 200: WishlistPage, ...errors(400, 401) },
        },
      },
      async (request) => {
        const { page, size } = request.query;
        return { page, size, ...(await service.page(userIdOf(request), page, size)) };
      },
    );

    app.get(
      '/users/me/wishlist/ids',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['wishlist'],
          summary: 'Ids of the wished performances (the page marks its hearts from these)',
          security,
          response: { 200: WishedIds, ...errors(401) },
        },
      },
      async (request) => service.ids(userIdOf(request)),
    );
  };
