import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from '../../infra/logger.ts';
import type { AuditRecorder } from './audit.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `in-service`: this admin route records its own audit entry inside its transaction (with the
     * state before and after), so the generic recorder leaves it alone.
     */
    audit?: 'in-service';
    /**
     * The state this write changes, read before the handler runs (after the guard and validation):
     * the generic recorder keeps it as the entry's `before`. A read that fails leaves `before` empty.
     */
    auditBefore?: (request: FastifyRequest) => Promise<unknown>;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SECRET_KEY = /password|secret|token/i;
const MAX_JSON = 16_384;

/**
 * The generic recorder: every ADMIN route that writes (POST, PUT, PATCH, DELETE) and does not record
 * its own entry gets one audit entry per successful response — `METHOD /path`, the target named by
 * the path's `:id` or the created `id`, the request body (secrets dropped) and the response as
 * `after`, and, where the route names how to read it (`config.auditBefore`), the state before. It
 * writes before the response leaves (onSend), after the route's own transaction committed; the
 * state before is read just ahead of the handler, not in its transaction, which is why the desks
 * record in their services instead.
 * Registered with fastify-plugin at the start of the API scope, so every route registered after it
 * in that scope passes through its onRoute hook.
 */
export function auditHttpRecorder(deps: {
  audit: AuditRecorder;
  db: Parameters<AuditRecorder['record']>[0];
  log: Logger;
}) {
  return fp(
    async (app: FastifyInstance) => {
      app.addHook('onRoute', (route) => {
        if (route.config?.access !== 'admin' || route.config.audit === 'in-service') return;
        const methods = ([] as string[]).concat(route.method);
        if (!methods.some((m) => WRITES.has(m))) return;
        const existing = route.onSend === undefined ? [] : ([] as unknown[]).concat(route.onSend);
        route.onSend = [...existing, record(route.url)] as RouteOptions['onSend'];
        const readBefore = route.config.auditBefore;
        if (readBefore) {
          const handlers = route.preHandler === undefined ? [] : ([] as unknown[]).concat(route.preHandler);
          const capture = async (request: FastifyRequest): Promise<void> => {
            try {
              befores.set(request, await readBefore(request));
            } catch {
              // Not found or unreadable: the handler answers for itself; the entry has no before.
            }
          };
          route.preHandler = [...handlers, capture] as RouteOptions['preHandler'];
        }
      });
      const befores = new WeakMap<FastifyRequest, unknown>();

      const record =
        (url: string) =>
        async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
          if (reply.statusCode >= 400 || !request.user) return payload;
          const params = (request.params ?? {}) as Record<string, unknown>;
          const createdId = idIn(payload);
          const targetId = typeof params.id === 'string' ? params.id : createdId;
          const path = url.replace(/^\/api\/v1/, '');
          try {
            await deps.audit.record(deps.db, {
              actorId: request.user.id,
              action: `${request.method} ${path}`,
              ...(targetId ? { target: { type: targetType(path), id: targetId } } : {}),
              ...(befores.has(request) ? { before: redact(befores.get(request)) ?? null } : {}),
              after: {
                body: redact(request.body) ?? null,
                ...(createdId ? { id: createdId } : {}),
                ...(reply.statusCode !== 204 ? { response: jsonOf(payload) } : {}),
              },
              requestId: request.id,
            });
          } catch (err) {
            // The change itself committed; a lost entry is logged loudly rather than failing it.
            deps.log.error({ err, url: path, actorId: request.user.id }, 'audit entry could not be written');
          }
          return payload;
        };
    },
    { name: 'audit-http-recorder' },
  );
}

/** `/admin/venues/:id` → `venues`; the segment after /admin/. */
function targetType(path: string): string {
  return path.split('/').filter(Boolean)[1] ?? 'admin';
}

/** The response as JSON when it is a small JSON document; otherwise nothing. */
function jsonOf(payload: unknown): unknown {
  if (typeof payload !== 'string' || payload.length > MAX_JSON || !/^[[{]/.test(payload)) return undefined;
  try {
    return redact(JSON.parse(payload));
  } catch {
    return undefined;
  }
}

function idIn(payload: unknown): string | undefined {
  if (typeof payload !== 'string' || payload.length > MAX_JSON || !payload.startsWith('{')) return undefined;
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The body without secrets, and not more than MAX_JSON characters of it. */
export function redact(body: unknown): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : strip(v)]),
      );
    }
    return value;
  };
  const clean = strip(body);
  if (clean === undefined) return undefined;
  const text = JSON.stringify(clean);
  return text.length > MAX_JSON ? { truncated: text.slice(0, MAX_JSON) } : clean;
}
