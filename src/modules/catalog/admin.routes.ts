import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { errors, Uuid } from '../../http/schemas.ts';
import type { CatalogAdmin } from './catalog.service.ts';
import type { CatalogReads } from './catalog.reads.ts';
import {
  AdminShowtime,
  AdminVenue,
  CreatePerformanceBody,
  CreateShowtimeBody,
  CreateVenueBody,
  IdParams,
  PerformanceDetail,
  UpdatePerformanceBody,
  UpdateShowtimeBody,
  UpdateVenueBody,
} from './catalog.schemas.ts';

/** Admin-only catalogue writes. Every route declares ADMIN access, checked before anything else runs. */
export const catalogAdminRoutes =
  (deps: { admin: CatalogAdmin; reads: CatalogReads }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { admin, reads } = deps;
    // Every route here is ADMIN only; the guard derived from it runs at onRequest, before the body
    // is parsed or validated (401/403 before 400).
    const guard = { config: { access: 'admin' } } as const;
    /** ADMIN, and the state the write changes, read first for the audit log's `before`. */
    const audited = (read: (id: string, adminId: string | undefined) => Promise<unknown>) =>
      ({
        config: {
          access: 'admin',
          auditBefore: (request: FastifyRequest) =>
            read((request.params as { id: string }).id, request.user?.id),
        },
      }) as const;
    const doc = (summary: string) => ({ tags: ['catalogue admin'], summary, security: [{ bearerAuth: [] }] });
    const Created = Type.Object({ id: Uuid, name: Type.String(), seatCount: Type.Integer() });

    // What every admin route can answer besides success: 401/403 from the guard, 503 when a store is down.
    const denied = [401, 403, 503];
    const NoContent = Type.Null();

    // The detail is already JSON text (as cached): sent as is, the schema only documents it.
    const detailJson = async (id: string, adminId: string | undefined): Promise<never> => {
      const entry = await reads.visibleDetail(id, { userId: adminId, isAdmin: true });
      if (!entry) throw new AppError('PERFORMANCE_NOT_FOUND');
      return entry.json as never;
    };
    const venueBefore = async (id: string, adminId: string | undefined) =>
      (await admin.venues(adminId)).find((v) => v.id === id) ?? null;
    const performanceBefore = async (id: string, adminId: string | undefined): Promise<unknown> =>
      JSON.parse(String(await detailJson(id, adminId)));
    const showtimeBefore = (id: string) => admin.showtime(id);

    app.post(
      '/admin/venues',
      {
        ...guard,
        schema: {
          ...doc('Create a venue with its sections'),
          body: CreateVenueBody,
          response: { 201: Created, ...errors(400, ...denied) },
        },
      },
      async (request, reply) => reply.status(201).send(await admin.createVenue(request.body)),
    );

    app.get(
      '/admin/venues',
      {
        ...guard,
        schema: {
          ...doc('List venues'),
          response: { 200: Type.Array(AdminVenue), ...errors(...denied) },
        },
      },
      async (request) => admin.venues(request.user?.id),
    );

    app.patch(
      '/admin/venues/:id',
      {
        ...audited(venueBefore),
        schema: {
          ...doc('Edit a venue: name, address, location and how to reach it (not its sections)'),
          params: IdParams,
          body: UpdateVenueBody,
          response: { 200: AdminVenue, ...errors(400, 404, ...denied) },
        },
      },
      async (request) => admin.updateVenue(request.params.id, request.body),
    );

    app.delete(
      '/admin/venues/:id',
      {
        ...audited(venueBefore),
        schema: {
          ...doc('Soft-delete a venue'),
          params: IdParams,
          response: { 204: NoContent, ...errors(400, 404, ...denied) },
        },
      },
      async (request, reply) => {
        await admin.deleteVenue(request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/admin/performances',
      {
        ...guard,
        schema: {
          ...doc('Create a performance'),
          body: CreatePerformanceBody,
          response: { 201: PerformanceDetail, ...errors(400, 404, 422, ...denied) },
        },
      },
      async (request, reply) => {
        const { id } = await admin.createPerformance(request.body);
        return reply
          .status(201)
          .type('application/json')
          .send(await detailJson(id, request.user?.id));
      },
    );

    app.patch(
      '/admin/performances/:id',
      {
        ...audited(performanceBefore),
        schema: {
          ...doc('Update a performance'),
          params: IdParams,
          body: UpdatePerformanceBody,
          response: { 200: PerformanceDetail, ...errors(400, 404, 422, ...denied) },
        },
      },
      async (request, reply) => {
        await admin.updatePerformance(request.params.id, request.body);
        return reply.type('application/json').send(await detailJson(request.params.id, request.user?.id));
      },
    );

    app.delete(
      '/admin/performances/:id',
      {
        ...audited(performanceBefore),
        schema: {
          ...doc('Soft-delete a performance'),
          params: IdParams,
          response: { 204: NoContent, ...errors(400, 404, ...denied) },
        },
      },
      async (request, reply) => {
        await admin.deletePerformance(request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/admin/performances/:id/showtimes',
      {
        ...guard,
        schema: {
          ...doc('Add a showtime; its seats are generated from the venue sections and grade prices'),
          params: IdParams,
          body: CreateShowtimeBody,
          response: {
            201: Type.Object({ id: Uuid, seatCount: Type.Integer() }),
            ...errors(400, 404, 422, ...denied),
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await admin.createShowtime(request.params.id, request.body)),
    );

    app.get(
      '/admin/showtimes/:id',
      {
        ...guard,
        schema: {
          ...doc('A showtime as the console edits it: times, limit, waiting room and sold seats'),
          params: IdParams,
          response: { 200: AdminShowtime, ...errors(400, 404, ...denied) },
        },
      },
      async (request) => admin.showtime(request.params.id),
    );

    app.patch(
      '/admin/showtimes/:id',
      {
        ...audited(showtimeBefore),
        schema: {
          ...doc(
            'Change a showtime: times (create rules), limit, waiting room; the start is fixed once a seat is sold, the opening once sales have opened',
          ),
          params: IdParams,
          body: UpdateShowtimeBody,
          response: { 200: AdminShowtime, ...errors(400, 404, 409, ...denied) },
        },
      },
      async (request) => admin.updateShowtime(request.params.id, request.body),
    );

    app.delete(
      '/admin/showtimes/:id',
      {
        ...audited(showtimeBefore),
        schema: {
          ...doc('Soft-delete a showtime'),
          params: IdParams,
          response: { 204: NoContent, ...errors(400, 404, ...denied) },
        },
      },
      async (request, reply) => {
        await admin.deleteShowtime(request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
