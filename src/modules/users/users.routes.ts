import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UsersService } from './users.service.ts';
import { errors } from '../../http/schemas.ts';
import { Type } from 'typebox';
import type { WithdrawalService } from './withdrawal.service.ts';
import { UpdateMeBody, UserView, WithdrawBody } from './users.schemas.ts';

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
          summary:
            'Change nickname, phone, birth date, language, marketing consent or password (with currentPassword)',
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

/** DELETE /users/me, built after the tickets and booking modules it asks (see createWithdrawal). */
export const withdrawalRoutes =
  (withdrawal: WithdrawalService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.delete(
      '/users/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['users'],
          summary: 'Withdraw: erase the personal data and end every session; orders are kept',
          description:
            'Needs `currentPassword` (400 WRONG_PASSWORD; limited like a password change), or for an account without a password a sign-in within the last 5 minutes (403 RECENT_SIGN_IN_REQUIRED). ' +
            '409 HAS_UPCOMING_TICKETS while the user holds tickets for shows that have not started, or has an order for one being paid or paid and not yet ticketed (`upcomingTickets`, `openOrders`). ' +
            'Email, nickname, phone, birth date and the booker details of reservations are erased; reservations, payments and tickets are kept five years (e-commerce law) under the account id.',
          security,
          body: WithdrawBody,
          response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        await withdrawal.withdraw(request.user!.id, {
          currentPassword: request.body.currentPassword,
          sessionId: request.user!.sessionId,
        });
        return reply.status(204).send(null);
      },
    );
  };
