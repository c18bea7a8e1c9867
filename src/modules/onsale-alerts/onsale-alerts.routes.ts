import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errors } from '../../http/schemas.ts';
import {
  NewOnsaleAlert,
  OnsaleAlert,
  OnsaleAlertIdParams,
  OnsaleAlertList,
} from './onsale-alerts.schemas.ts';
import type { OnsaleAlertsService } from './onsale-alerts.service.ts';

/** Only called on signed-in routes. */
const userIdOf = (request: FastifyRequest): string => request.user!.id;

export const onsaleAlertsRoutes =
  (deps: { service: OnsaleAlertsService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service } = deps;
    const security = [{ bearerAuth: [] }];

    app.post(
      '/users/me/onsale-alerts',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['onsale-alerts'],
          summary: 'Ask to be told when sales open (10 minutes before and at the opening; idempotent)',
          security,
          body: NewOnsaleAlert,
          response: { 200: OnsaleAlert, 201: OnsaleAlert, ...errors(400, 401, 404, 409) },
        },
      },
      async (request, reply) => {
        const { alert, created } = await service.add(userIdOf(request), request.body);
        return reply.status(created ? 201 : 200).send(alert);
      },
    );

    app.get(
      '/users/me/onsale-alerts',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['onsale-alerts'],
          summary: "The signed-in user's sales-open alerts, newest first",
          security,
          response: { 200: OnsaleAlertList, ...errors(401) },
        },
      },
      async (request) => ({ items: await service.list(userIdOf(request)) }),
    );

    app.delete(
      '/users/me/onsale-alerts/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['onsale-alerts'],
          summary: 'Stop a sales-open alert',
          security,
          params: OnsaleAlertIdParams,
          response: { 204: Type.Null(), ...errors(400, 401, 404) },
        },
      },
      async (request, reply) => {
        await service.remove(userIdOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
