import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors } from '../../http/schemas.ts';
import { BannedWord, BannedWordBody, BannedWordList, IdParams, toBannedWord } from './moderation.schemas.ts';
import type { ModerationService } from './moderation.service.ts';

const security = [{ bearerAuth: [] }];

/** 금칙어: the admin's banned-words list. Each change is audited in its own transaction. */
export const moderationRoutes =
  (deps: { service: ModerationService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service } = deps;

    app.get(
      '/admin/banned-words',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['moderation'],
          summary: 'The banned-words list (금칙어), alphabetical',
          security,
          response: { 200: BannedWordList, ...errors(401, 403) },
        },
      },
      async () => ({ items: (await service.list()).map(toBannedWord) }),
    );

    app.post(
      '/admin/banned-words',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags: ['moderation'],
          summary: 'Add a banned word; enforced on every instance within BANNED_WORDS_CHECK_MS',
          security,
          body: BannedWordBody,
          response: { 201: BannedWord, ...errors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const row = await service.add(request.user!.id, request.body.word, request.id);
        return reply.status(201).send(toBannedWord(row));
      },
    );

    app.delete(
      '/admin/banned-words/:id',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags: ['moderation'],
          summary: 'Remove a banned word',
          security,
          params: IdParams,
          response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await service.remove(request.user!.id, request.params.id, request.id);
        return reply.status(204).send(null);
      },
    );
  };
