import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams } from '../../http/schemas.ts';
import { acceptMultipart, readOneFile } from '../../http/multipart.ts';
import type { PosterService } from './posters.service.ts';

const Poster = Type.Object({
  url: Type.String({ description: "The performance's posterUrl now (the largest JPEG)" }),
  width: Type.Integer(),
  height: Type.Integer(),
});

/** The performance editor's poster field: upload a poster (replacing the old one) or go back to the generated one. */
export const postersRoutes =
  (deps: { service: PosterService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service } = deps;
    await acceptMultipart(app, service.maxBytes);
    const doc = (summary: string) => ({ tags: ['catalogue admin'], summary, security: [{ bearerAuth: [] }] });

    app.put(
      '/admin/performances/:id/poster',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          ...doc(
            "Upload the performance's poster (JPEG, PNG or WebP, ≤ 5 MB); the old uploaded poster is deleted",
          ),
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 200: Poster, ...errors(400, 401, 403, 404, 413, 415, 422, 503) },
        },
      },
      async (request) => {
        const file = await readOneFile(request, service.maxBytes);
        return service.replacePoster(request.user!, request.params.id, file);
      },
    );

    app.delete(
      '/admin/performances/:id/poster',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          ...doc('Go back to the generated poster; the uploaded one is deleted'),
          params: IdParams,
          response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 503) },
        },
      },
      async (request, reply) => {
        await service.removePoster(request.user!, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
