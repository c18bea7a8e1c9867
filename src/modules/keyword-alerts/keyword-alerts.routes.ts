import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errors } from '../../http/schemas.ts';
import {
  CreateKeywordAlertBody,
  KeywordAlert,
  KeywordAlertIdParams,
  KeywordAlertList,
} from './keyword-alerts.schemas.ts';
import type { KeywordAlertsService } from './keyword-alerts.service.ts';

/** Only called on signed-in routes. */
const userIdOf = (request: FastifyRequest): string => request.user!.id;

export const keywordAlertsRoutes =
  (deps: { service: KeywordAlertsService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service } = deps;
    const security = [{ bearerAuth: [] }];

    app.get(
      '/users/me/keyword-alerts',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['keyword-alerts'],
          summary: "The signed-in user's keyword alerts, in the order they were added",
          security,
          response: { 200: KeywordAlertList, ...errors(401) },
        },
      },
      async (request) => ({ items: await service.list(userIdOf(request)), limit: service.limit }),
    );

    app.post(
      '/users/me/keyword-alerts',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['keyword-alerts'],
          summary:
            'Add a keyword alert (201); the same keyword again (ignoring case and spaces) answers 200 with the existing one',
          security,
          body: CreateKeywordAlertBody,
          response: { 200: KeywordAlert, 201: KeywordAlert, ...errors(400, 401, 409) },
        },
      },
      async (request, reply) => {
        const { alert, created } = await service.add(userIdOf(request), request.body.keyword);
        return reply.status(created ? 201 : 200).send(alert);
      },
    );

    app.delete(
      '/users/me/keyword-alerts/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['keyword-alerts'],
          summary: 'Remove one of my keyword alerts',
          security,
          params: KeywordAlertIdParams,
          response: { 204: Type.Null(), ...errors(400, 401, 404) },
        },
      },
      async (request, reply) => {
        await service.remove(userIdOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
