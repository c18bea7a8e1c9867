import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UsersService } from './users.service.ts';
import { errors } from '../../http/schemas.ts';
import { UpdateMeBody, UserView } from './users.schemas.ts';

const security = [{ bearerAuth: [] }];

export const usersRoutes =
  (users: UsersService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/users/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['users'],
          summary: 'The signed-in user',
          security,
          response: { 200: UserView, ...errors(401, 404) },
        },
      },
      async (request) => users.me(request.user!.id),
    );

    app.patch(
      '/users/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['users'],
          summary: 'Change nickname, phone, birth date or password (with currentPassword)',
          description:
            'Changing the password needs `currentPassword` and ends every other session of the user (their refresh and access tokens are refused within seconds); this session goes on. ' +
            'Wrong current passwords are limited per account (5 per 15 minutes, then 429 RATE_LIMITED with Retry-After).',
          security,
          body: UpdateMeBody,
          response: { 200: UserView, ...errors(400, 401, 404, 429) },
        },
      },
      async (request) => users.update(request.user!.id, request.body, request.user!.sessionId),
    );
  };
