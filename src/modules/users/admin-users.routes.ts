import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams, Page, Size, Uuid } from '../../http/schemas.ts';
import type { UsersAdmin } from './admin-users.service.ts';

const RoleSchema = Type.Union([Type.Literal('USER'), Type.Literal('STAFF'), Type.Literal('ADMIN')]);

const AdminUser = Type.Object({
  id: Uuid,
  email: Type.String(),
  nickname: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  suspended: Type.Boolean(),
  suspendedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

/** The users desk (ADMIN). */
export const adminUsersRoutes =
  (deps: { admin: UsersAdmin }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['admin desks'];
    app.get(
      '/admin/users',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Search accounts by email, nickname or phone',
          querystring: Type.Object({
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            role: Type.Optional(RoleSchema),
            suspended: Type.Optional(Type.Boolean()),
            page: Page(),
            size: Size(20),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(AdminUser),
              page: Type.Integer(),
              size: Type.Integer(),
              total: Type.Integer(),
            }),
            ...errors(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { page, size, ...filter } = request.query;
        return deps.admin.search(filter, page, size);
      },
    );

    app.patch(
      '/admin/users/:id',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags,
          summary:
            'Change a role or suspend (sessions end within seconds); not one’s own demotion or suspension',
          params: IdParams,
          body: Type.Object(
            { role: Type.Optional(RoleSchema), suspended: Type.Optional(Type.Boolean()) },
            { additionalProperties: false, minProperties: 1 },
          ),
          response: { 200: AdminUser, ...errors(400, 401, 403, 404, 409, 503) },
        },
      },
      async (request) => deps.admin.update(request.user!.id, request.params.id, request.body, request.id),
    );
  };
