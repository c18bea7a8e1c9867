import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyPluginCallback,
  FastifySchema,
  RouteOptions,
} from 'fastify';
import fp from 'fastify-plugin';

/**
 * Who may call a route, declared beside its schema as `config: { access }`:
 * - `public`: anyone, signed in or not (catalogue reads, sign-in, the signed payment webhook).
 * - `signed-in`: any valid access token; the route acts on the caller's own account or on shared
 *   resources (a showtime's queue, a coupon to claim).
 * - `owner`: signed in, and the route names one user's resource (a hold, a reservation, a payment,
 *   a ticket); the service answers anyone else exactly as if it did not exist (404, or the route's
 *   documented answer for a missing one), so ids cannot be probed.
 * - `staff`: STAFF or ADMIN (the door).
 * - `admin`: ADMIN only.
 */
export const ACCESS_RULES = ['public', 'signed-in', 'owner', 'staff', 'admin'] as const;
export type Access = (typeof ACCESS_RULES)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's access rule; the guard is derived from it (see src/http/access.ts). */
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route registered so far with its access rule (read by the authorization matrix test). */
    accessRules: readonly RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
  schema: FastifySchema | undefined;
}

/** Set on a plugin scope whose routes are all public by declaration (the docs UI, web assets). */
const kScopeAccess = Symbol('culture-ticket.scopeAccess');
type Scoped = FastifyInstance & { [kScopeAccess]?: Access };

/**
 * Registers a plugin we do not write routes for (@fastify/swagger-ui, @fastify/static) with every
 * route it adds declared public. Child scopes inherit the mark through their prototype chain.
 */
export function publicScope<O extends object>(
  plugin: FastifyPluginAsync<O> | FastifyPluginCallback<O>,
  opts?: O,
): FastifyPluginAsync {
  return async (scope) => {
    (scope as Scoped)[kScopeAccess] = 'public';
    await scope.register(plugin as FastifyPluginAsync<O>, opts as O);
  };
}

/**
 * The route-rule half of the auth guard: every route must declare `config.access`, and its guard is
 * attached from that declaration, so the declaration is the enforcement. A route without one (or
 * with an unknown one) stops the app at startup. Must be registered after `auth-guard` and before
 * any route.
 *
 * The guard runs at onRequest, after the rate limiter's onRequest hook (registered earlier), so a
 * caller without the right role is refused before the body is read or validated, and limits keyed
 * on the user (hook: 'preHandler') see request.user. Public routes get no hook at all.
 */
export const accessRules = fp(
  async (app: FastifyInstance) => {
    const guards: Record<Exclude<Access, 'public'>, RouteOptions['onRequest']> = {
      'signed-in': app.accessGuard(),
      owner: app.accessGuard(),
      staff: app.accessGuard(['STAFF', 'ADMIN']),
      admin: app.accessGuard(['ADMIN']),
    };
    const registry: RouteAccess[] = [];
    app.decorate('accessRules', registry);

    app.addHook('onRoute', function (this: Scoped, route) {
      const declared = route.config?.access ?? this[kScopeAccess];
      const methods = ([] as string[]).concat(route.method);
      if (declared === undefined) {
        throw new Error(
          `${methods.join(',')} ${route.url} declares no access rule: add config.access (${ACCESS_RULES.join(' | ')}) beside its schema`,
        );
      }
      if (!ACCESS_RULES.includes(declared)) {
        throw new Error(
          `${methods.join(',')} ${route.url} declares an unknown access rule '${String(declared)}'`,
        );
      }
      for (const method of methods)
        registry.push({ method, url: route.url, access: declared, schema: route.schema });
      if (declared === 'public') {
        if (route.schema) documentRule(route, declared);
        return;
      }

      // New arrays and a new schema object: Fastify copies the options for the HEAD twin of a GET
      // route before onRoute runs, and that twin gets its own guard through this same hook.
      const existing = route.onRequest === undefined ? [] : ([] as unknown[]).concat(route.onRequest);
      route.onRequest = [...existing, guards[declared]] as RouteOptions['onRequest'];
      if (route.schema) documentRule(route, declared);
    });
  },
  { name: 'access-rules', dependencies: ['auth-guard'] },
);

/** The OpenAPI document shows each operation's rule, and the bearer scheme on every guarded one. */
function documentRule(route: RouteOptions, access: Access): void {
  const schema = route.schema as FastifySchema & { security?: unknown };
  route.schema = {
    ...schema,
    ...(access === 'public' ? {} : { security: schema.security ?? [{ bearerAuth: [] }] }),
    'x-access': access,
  } as FastifySchema;
}
