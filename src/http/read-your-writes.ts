import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ReadRouting } from '../infra/read-routing.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Marks a signed-in user as "just wrote" after any successful non-GET request, so that user's next
 * reads go to the primary (see ReadRouting). The hook runs on onSend, before the response leaves:
 * a client that reads right after seeing the response finds the marker already set.
 */
export const readYourWrites = fp(
  async (app: FastifyInstance, opts: { routing: ReadRouting }) => {
    if (!opts.routing.hasReplica) return;
    app.addHook('onSend', async (request, reply, payload) => {
      if (READS.has(request.method) || reply.statusCode >= 400 || !request.user) return payload;
      try {
        await opts.routing.markWrote(request.user.id);
      } catch (err) {
        // The write is done; failing its response now would make the client retry it.
        request.log.warn({ err }, 'read-your-writes marker not set');
      }
      return payload;
    });
  },
  { name: 'read-your-writes' },
);
