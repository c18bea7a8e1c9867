import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import type { AccessTokens, Role } from '../modules/auth/tokens.ts';

export interface RequestUser {
  id: string;
  role: Role;
  /** The sign-in session the access token belongs to. */
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard when a valid access token is present. */
    user: RequestUser | null;
  }
  interface FastifyInstance {
    /** preHandler: 401 unless signed in. */
    requireUser: (request: FastifyRequest) => Promise<void>;
    /** preHandler factory: 401 unless signed in, 403 unless one of the roles. */
    requireRole: (...roles: Role[]) => (request: FastifyRequest) => Promise<void>;
  }
}

/** Reads `Authorization: Bearer`; never trusts any other client header for identity or role. */
export const authGuard = fp(
  async (app: FastifyInstance, opts: { tokens: AccessTokens }) => {
    app.decorateRequest('user', null);

    const authenticate = async (request: FastifyRequest): Promise<RequestUser> => {
      if (request.user) return request.user;
      const header = request.headers.authorization;
      if (!header || !header.startsWith('Bearer ')) throw new AppError('UNAUTHENTICATED');
      // Refuses tokens of ended sessions too, from a local set (no store call per request).
      const claims = await opts.tokens.verify(header.slice(7).trim());
      request.user = { id: claims.userId, role: claims.role, sessionId: claims.sessionId };
      return request.user;
    };

    app.decorate('requireUser', async (request: FastifyRequest) => {
      await authenticate(request);
    });
    app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      const user = await authenticate(request);
      if (!roles.includes(user.role)) throw new AppError('FORBIDDEN');
    });
  },
  { name: 'auth-guard' },
);

/** For routes that work signed in or not (e.g. view counting): sets request.user when a valid token is sent. */
export async function optionalUser(request: FastifyRequest, tokens: AccessTokens): Promise<void> {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return;
  try {
    const claims = await tokens.verify(header.slice(7).trim());
    request.user = { id: claims.userId, role: claims.role, sessionId: claims.sessionId };
  } catch {
    // An invalid token on an optional route is treated as anonymous.
  }
}
