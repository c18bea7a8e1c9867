import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams as Params, Uuid } from '../../http/schemas.ts';
import type { OnsaleLiveService } from './onsale-live.service.ts';

const Point = Type.Object({
  t: Type.String({ format: 'date-time' }),
  waiting: Type.Integer(),
  active: Type.Integer(),
  sold: Type.Integer(),
  revenue: Type.Integer(),
});

const LiveFiguresSchema = Type.Object({
  showtimeId: Uuid,
  waiting: Type.Integer(),
  admittedPerSecond: Type.Number(),
  active: Type.Integer(),
  held: Type.Integer(),
  sold: Type.Integer(),
  revenue: Type.Integer({ description: 'Sum of list prices of SOLD seats (KRW), before discounts' }),
  series: Type.Array(Point, { description: 'One point per 10 s, oldest first, up to one hour' }),
  fairness: Type.Union(
    [
      Type.Object({
        commitment: Type.Union([Type.String(), Type.Null()], { description: "SHA-256 of the draw's seed" }),
        drawnAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
        earlyEntrants: Type.Integer({ description: 'Waiting for the draw, or ordered by it once drawn' }),
        entriesPerSecond: Type.Number({ description: 'New entries per second since the previous look' }),
        proofOfWork: Type.Boolean(),
        difficulty: Type.Integer({ description: 'The highest difficulty handed out in the last 10 s' }),
        baseDifficulty: Type.Integer(),
      }),
      Type.Null(),
    ],
    { description: 'The waiting room: its draw and proof of work; null for a showtime without one' },
  ),
});

/** The admin's onsale dashboard source. */
export const onsaleLiveRoutes =
  (service: OnsaleLiveService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/admin/showtimes/:id/live',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['onsale live'],
          summary: "A showtime's live figures: line, admissions, sales and their recent series",
          security: [{ bearerAuth: [] }],
          params: Params,
          response: { 200: LiveFiguresSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => service.figures(request.params.id),
    );
  };
