import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AccessTokens } from '../modules/auth/tokens.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Who a per-user rate limit counts: `user:<id>` for a valid bearer token, else `ip:<address>`. */
    rateLimitSubject: (request: FastifyRequest) => string;
  }
}

// Looser than the auth guard on purpose: every spelling the guard could accept maps to the same
// user, and whatever the guard refuses is answered 401 anyway.
const BEARER = /^\s*bearer\s+(\S+)\s*$/i;

/**
 * The one identity of per-user rate limits. @fastify/rate-limit runs at onRequest, before the
 * preHandler that authenticates, so the bearer token is verified here with the same AccessTokens
 * the guard uses (verified tokens are cached, so this is a map lookup in the rush). Keying on the
 * raw Authorization header instead would let `Bearer  <token> ` open a fresh budget.
 */
export const rateLimitKeys = fp(
  async (app: FastifyInstance, opts: { tokens: AccessTokens }) => {
    // Synchronous: tokens are decided without a promise (AccessTokens.verifyKnown). An invalid or
    // expired token counts as anonymous; the guard refuses it afterwards.
    app.decorate('rateLimitSubject', (request: FastifyRequest): string => {
      if (request.user) return `user:${request.user.id}`;
      const header = request.headers.authorization ?? '';
      const token = BEARER.exec(header)?.[1];
      if (!token) return `ip:${request.ip}`;
      try {
        const claims = opts.tokens.verifyKnown(token);
        if (claims !== undefined) {
          // Spelled as the guard reads it, the guard would find these same claims: it takes them
          // from the request instead of looking the token up a second time.
          if (header.startsWith('Bearer ') && header.slice(7).trim() === token) {
            request.user = { id: claims.userId, role: claims.role, sessionId: claims.sessionId };
          }
          return `user:${claims.userId}`;
        }
      } catch {
        // A token of an ended session: anonymous here too.
      }
      return `ip:${request.ip}`;
    });
  },
  { name: 'rate-limit-keys' },
);

/** keyGenerator of every per-user limit (route config `rateLimit.keyGenerator`). */
export function userKey(request: FastifyRequest): string {
  return request.server.rateLimitSubject(request);
}
