import type { FastifyInstance, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import type { AccessClaims, AccessTokens, Role } from '../modules/auth/tokens.ts';

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
    /** onRequest hook: 401 unless signed in, and 403 unless one of `roles` when given (callback style). */
    accessGuard: (roles?: readonly Role[]) => onRequestHookHandler;
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

    // The same checks as a callback hook: tokens are decided synchronously (AccessTokens.verifyKnown),
    // so the guard of every signed-in request costs no promise.
    app.decorate('accessGuard', (roles?: readonly Role[]): onRequestHookHandler => {
      const admit = (request: FastifyRequest, done: HookHandlerDoneFunction): void => {
        if (roles !== undefined && !roles.includes(request.user!.role)) done(new AppError('FORBIDDEN'));
        else done();
      };
      return (request, _reply, done) => {
        if (request.user) return admit(request, done);
        const header = request.headers.authorization;
        if (!header || !header.startsWith('Bearer ')) return done(new AppError('UNAUTHENTICATED'));
        const token = header.slice(7).trim();
        let claims: AccessClaims | undefined;
        try {
          claims = opts.tokens.verifyKnown(token);
        } catch (err) {
          return done(err as Error);
        }
        if (claims === undefined) return done(new AppError('INVALID_TOKEN'));
        request.user = { id: claims.userId, role: claims.role, sessionId: claims.sessionId };
        admit(request, done);
      };
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
