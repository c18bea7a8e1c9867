import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { errors } from '../../http/schemas.ts';
import { acceptMultipart, readOneFile } from '../../http/multipart.ts';
import { IMMUTABLE_CACHE_CONTROL } from '../../infra/storage/index.ts';
import { userKey } from '../../http/rate-limit-key.ts';
import { CHAT_PRESET, POSTER_PRESET } from './image-pipeline.ts';
import type { UploadsService } from './uploads.service.ts';
import { imageUploadBody, MediaParams, StoredImage, UploadedUrl } from './uploads.schemas.ts';

/**
 * POST /admin/uploads (an image, re-encoded in the poster sizes), POST /uploads/images (a signed-in
 * user's image for a chat message, in the chat sizes) and GET /media/images/{file}.
 */
export const uploadsRoutes =
  (deps: { service: UploadsService; imagesPerUserPerMinute: number }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service } = deps;
    await acceptMultipart(app, service.maxBytes);

    app.post(
      '/admin/uploads',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['uploads'],
          summary: 'Upload an image (JPEG, PNG or WebP, ≤ 5 MB): stored in the poster sizes as WebP and JPEG',
          security: [{ bearerAuth: [] }],
          ...imageUploadBody,
          response: { 201: StoredImage, ...errors(400, 401, 403, 413, 415, 422, 503) },
        },
      },
      async (request, reply) => {
        const file = await readOneFile(request, service.maxBytes);
        return reply.status(201).send(await service.uploadImage(request.user!, file, POSTER_PRESET));
      },
    );

    app.post(
      '/uploads/images',
      {
        config: {
          access: 'signed-in',
          rateLimit: {
            max: deps.imagesPerUserPerMinute,
            timeWindow: 60_000,
            hook: 'preHandler',
            keyGenerator: async (request: FastifyRequest) => `upload-images:${await userKey(request)}`,
          },
        },
        schema: {
          tags: ['uploads'],
          summary:
            'Upload an image for a chat message (JPEG, PNG or WebP, ≤ 5 MB): checked and re-encoded; the url goes in the message',
          security: [{ bearerAuth: [] }],
          ...imageUploadBody,
          response: { 201: UploadedUrl, ...errors(400, 401, 413, 415, 422, 429, 503) },
        },
      },
      async (request, reply) => {
        const file = await readOneFile(request, service.maxBytes);
        const image = await service.uploadImage(request.user!, file, CHAT_PRESET);
        return reply.status(201).send({ url: image.url });
      },
    );

    app.get(
      '/media/images/:file',
      {
        config: { access: 'public' },
        schema: {
          tags: ['uploads'],
          summary: 'A stored image: content-hashed name, cached for a year (immutable)',
          params: MediaParams,
          response: errors(400, 404, 503),
        },
      },
      async (request, reply) => {
        const object = await service.open(request.params.file);
        if (!object) throw new AppError('NOT_FOUND', 'No such image');
        return reply
          .type(object.contentType)
          .header('cache-control', IMMUTABLE_CACHE_CONTROL)
          .header('content-length', object.size)
          .send(object.body as never); // image bytes; the schema lists only errors
      },
    );
  };
