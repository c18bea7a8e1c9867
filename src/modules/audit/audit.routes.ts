import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../../http/schemas.ts';
import { AuditPage, AuditQuery } from './audit.schemas.ts';
import type { AuditLog } from './audit.service.ts';

/** Read-only: there is no route that changes or removes an entry. */
export const auditRoutes =
  (deps: { log: AuditLog }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/admin/audit-log',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin desks'],
          summary: 'Every admin action, newest first: who, what, when, before and after',
          querystring: AuditQuery,
          response: { 200: AuditPage, ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { page, size, ...filter } = request.query;
        return deps.log.list(filter, page, size);
      },
    );
  };
