/**
 * The one HTTP client of the web app. Everything goes through `request`: the Bearer access token is
 * kept in memory only (never in storage, where a script could read it), a 401 triggers one refresh
 * with the HttpOnly refresh cookie, and problem+json errors become `ApiError` carrying the stable code.
 */

import type { paths } from './openapi.d.ts';
import type { ApiPath } from './types.ts';

export const API_BASE = '/api/v1';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }
}

let accessToken: string | null = null;
const tokenListeners = new Set<(token: string | null) => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
  for (const listener of tokenListeners) listener(token);
}

export function onAccessTokenChange(listener: (token: string | null) => void): () => void {
  tokenListeners.add(listener);
  return () => tokenListeners.delete(listener);
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined | null>;
  /** Do not try the refresh cookie on 401 (login, refresh itself). */
  noRefresh?: boolean;
  signal?: AbortSignal;
  /** A multipart body (an image upload); the browser writes its content type with the boundary. */
  form?: FormData;
  /** Read the body as text (SVG) instead of JSON. */
  text?: boolean;
  /**
   * A conditional GET: sends If-None-Match with the last ETag and answers the kept body on
   * 304 Not Modified (the same object, so nothing re-renders); a 200 refreshes both.
   */
  conditional?: Conditional<unknown>;
}

/** The last ETag and body of a polled resource (see RequestOptions.conditional). */
export interface Conditional<T> {
  etag?: string;
  data?: T;
}

export function buildPath(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      return new ApiError({ ...body, status: res.status, code: body.code ?? httpCode(res.status) });
    } catch {
      // fall through to a generic problem
    }
  }
  return new ApiError({ status: res.status, code: httpCode(res.status) });
}

function httpCode(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVICE_UNAVAILABLE';
  return 'VALIDATION_FAILED';
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: concurrent 401s wait for the same rotation (the cookie is single-use). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const res = await fetch(`${API_BASE}/auth/refresh`, { method: 'POST', credentials: 'include' });
      if (!res.ok) {
        setAccessToken(null);
        return false;
      }
      const body = (await res.json()) as { accessToken: string };
      setAccessToken(body.accessToken);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const send = (): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    const kept = opts.conditional;
    if (kept?.etag !== undefined && kept.data !== undefined) headers['if-none-match'] = kept.etag;
    let body: BodyInit | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    } else if (opts.form) {
      body = opts.form;
    }
    return fetch(buildPath(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'include',
      signal: opts.signal,
      // The page keeps the tag itself: the browser's cache would answer 200 from its own copy.
      ...(kept ? { cache: 'no-store' as const } : {}),
    });
  };

  let res: Response;
  try {
    res = await send();
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR' });
  }
  if (res.status === 401 && !opts.noRefresh && accessToken !== null) {
    if (await refreshSession()) res = await send();
  }
  const kept = opts.conditional;
  if (res.status === 304 && kept?.data !== undefined) return kept.data as T;
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  if (kept) {
    const data = (await res.json()) as T;
    kept.etag = res.headers.get('etag') ?? undefined;
    kept.data = data;
    return data;
  }
  if (opts.text) return (await res.text()) as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : undefined) as T;
}

// --- calls typed by the OpenAPI document ----------------------------------------------------------

type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
/** A route of the API relative to /api/v1, as the document spells it (`/holds/{id}`). */
export type Route = Relative<ApiPath>;
type Relative<P> = P extends `${typeof API_BASE}${infer R}` ? R : never;
type Full<R extends Route> = Extract<ApiPath, `${typeof API_BASE}${R}`>;
type Op<R extends Route, M extends HttpMethod> = NonNullable<paths[Full<R>][Lowercase<M>]>;
/** The routes that answer `method`. */
export type RouteWith<M extends HttpMethod> = {
  [R in Route]: [Op<R, M>] extends [never] ? never : R;
}[Route];

type SuccessStatus = 200 | 201 | 202 | 204;
/** What a route answers on success: its JSON body, or nothing (204, or a body that is not JSON). */
export type Success<R extends Route, M extends HttpMethod> =
  Op<R, M> extends { responses: infer Res }
    ? {
        [S in keyof Res]: S extends SuccessStatus
          ? Res[S] extends { content: { 'application/json': infer B } }
            ? B
            : void
          : never;
      }[keyof Res]
    : never;

type Params<R extends Route, M extends HttpMethod, K extends 'path' | 'query'> =
  Op<R, M> extends { parameters: { [key in K]?: infer P } } ? P : never;
type JsonContent<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Body<R extends Route, M extends HttpMethod> =
  Op<R, M> extends { requestBody?: infer RB } ? JsonContent<NonNullable<RB>> : never;

/** `path` fills the route's `{name}` segments; `query` and `body` are typed by the route's schema. */
export type CallOptions<R extends Route, M extends HttpMethod> = Omit<RequestOptions, 'body' | 'query'> &
  ([Params<R, M, 'path'>] extends [never | undefined] ? { path?: never } : { path: Params<R, M, 'path'> }) &
  ([Params<R, M, 'query'>] extends [never | undefined]
    ? { query?: never }
    : { query?: Params<R, M, 'query'> }) &
  ([Body<R, M>] extends [never] ? { body?: never } : { body: Body<R, M> });

/**
 * One API call, typed end to end by the generated document: the route must exist with this method,
 * its path parameters, query and body are checked, and the answer has the route's success type.
 */
export function call<M extends HttpMethod, R extends RouteWith<M>>(
  method: M,
  route: R,
  ...[opts]: Partial<CallOptions<R, M>> extends CallOptions<R, M> ? [CallOptions<R, M>?] : [CallOptions<R, M>]
): Promise<Success<R, M>> {
  const { path, query, ...rest } = (opts ?? {}) as RequestOptions & {
    path?: Record<string, string>;
    query?: RequestOptions['query'];
  };
  const url = (route as string).replace(/\{(\w+)\}/g, (_: string, name: string) =>
    encodeURIComponent(path?.[name] ?? ''),
  );
  return missingOnBadPath(route as string, request<Success<R, M>>(method, url, { ...rest, query }));
}

async function missingOnBadPath<T>(route: string, pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (err) {
    throw missingIfBadPath(route, err);
  }
}

/** The "not found" code of a resource whose plural names a path segment, where the word differs. */
const MISSING_CODE: Record<string, string> = {
  orders: 'RESERVATION_NOT_FOUND',
  inquiries: 'INQUIRY_NOT_FOUND',
};

/**
 * A page URL names what it asks for (`/me/inquiries/xyz`, `/admin/orders/xyz`): an id that is not an
 * id (400 on `params.*` only) is the same to a person as an unknown one, so it reads as that
 * resource's 404 — "문의를 찾을 수 없습니다" with a link home — never as "check what you entered"
 * or "try again". The code comes from the path segment before the malformed parameter
 * (`/performances/{id}` → PERFORMANCE_NOT_FOUND); other errors pass unchanged.
 */
export function missingIfBadPath(route: string, err: unknown): unknown {
  if (!(err instanceof ApiError) || err.status !== 400) return err;
  const errors = Array.isArray(err.problem.errors) ? (err.problem.errors as { field?: unknown }[]) : [];
  const fields = errors.map((e) => (typeof e?.field === 'string' ? e.field : ''));
  if (fields.length === 0 || !fields.every((f) => f.startsWith('params.'))) return err;
  const param = fields[0]!.slice('params.'.length).split(/[./]/)[0];
  const segments = route.split('/').filter(Boolean);
  const at = segments.indexOf(`{${param}}`);
  const plural = at > 0 ? segments[at - 1]! : '';
  const code =
    MISSING_CODE[plural] ??
    (/^[a-z]+s$/.test(plural)
      ? `${plural.replace(/ies$/, 'y').replace(/s$/, '').toUpperCase()}_NOT_FOUND`
      : 'NOT_FOUND');
  return new ApiError({ ...err.problem, status: 404, code });
}
