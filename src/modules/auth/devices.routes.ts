import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams } from '../../http/schemas.ts';
import { DeviceSessionView } from './auth.schemas.ts';
import type { Sessions } from './sessions.ts';

const security = [{ bearerAuth: [] }];
const ENDED_WITHIN =
  'Its refresh token is refused at once and its access token within seconds on every instance.';

/** The signed-in user's devices: their live sessions, and ending one or all but this one. */
export const devicesRoutes =
  (sessions: Sessions): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/users/me/sessions',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['users'],
          summary: 'Signed-in devices: live sessions, the one of this request marked current',
          security,
          response: { 200: Type.Array(DeviceSessionView), ...errors(401) },
        },
      },
      async (request) => sessions.list(request.user!.id, request.user!.sessionId),
    );

    app.delete(
      '/users/me/sessions/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['users'],
          summary: 'End one of my sessions (sign that device out)',
          description: `${ENDED_WITHIN} Another user's session is 404 SESSION_NOT_FOUND.`,
          security,
          params: IdParams,
          response: { 204: Type.Null(), ...errors(400, 401, 404) },
        },
      },
      async (request, reply) => {
        await sessions.endOwn(request.user!.id, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/users/me/sessions',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['users'],
          summary: 'End every session but this one',
          description: ENDED_WITHIN,
          security,
          response: { 204: Type.Null(), ...errors(401) },
        },
      },
      async (request, reply) => {
        await sessions.endAllSessions(request.user!.id, { exceptSessionId: request.user!.sessionId });
        return reply.status(204).send(null);
      },
    );
  };
