import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, problemOf, type ErrorCode, type Problem } from '../errors.ts';
import { isStoreOutage, OUTAGE_RETRY_AFTER_SECONDS } from './outage.ts';
import type { FastAnswer } from './fast-lane.ts';

/** The content type Fastify sends for `type('application/problem+json')` with a text body. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Maps Fastify's own error codes to ours, so clients see one vocabulary. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  // Router errors (frameworkErrors): a malformed or over-long path parameter is bad input like any other.
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_MAX_PARAM_LENGTH: 'VALIDATION_FAILED',
};

function fieldOf(instancePath: string, params: Record<string, unknown>): string {
  const base = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = params.missingProperty ?? params.additionalProperty;
  if (typeof missing === 'string') return base ? `${base}.${missing}` : missing;
  return base || '(root)';
}

/**
 * One failing field of a VALIDATION_FAILED (or INVALID_DATE_RANGE …) problem. `field` is where it is
 * (`body.title`, `params.id`), `rule` what it broke (ajv's keyword: `required`, `minLength`, `format`,
 * …, or a service rule such as `notBefore`), `limit`/`format` the bound it broke, so a client can word
 * it in its own language; `message` is English for people reading the raw response.
 */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
  limit?: number;
  format?: string;
  [extra: string]: unknown;
}

/** The bound ajv names for a keyword, if any (`limit` for min/max/length/items, `format`). */
function boundOf(params: Record<string, unknown>): Pick<FieldError, 'limit' | 'format'> {
  const out: Pick<FieldError, 'limit' | 'format'> = {};
  if (typeof params.limit === 'number') out.limit = params.limit;
  if (typeof params.format === 'string') out.format = params.format;
  return out;
}

export function toProblem(error: FastifyError | AppError | Error): Problem {
  if (error instanceof AppError) return problemOf(error.code, error.detail, error.extra);
  const fe = error as FastifyError;
  if (fe.validation) {
    const errors: FieldError[] = fe.validation.map((v) => {
      const params = (v.params ?? {}) as Record<string, unknown>;
      return {
        field: `${fe.validationContext ?? 'body'}.${fieldOf(v.instancePath, params)}`.replace(
          /\.\(root\)$/,
          '',
        ),
        rule: v.keyword,
        message: v.message ?? 'is invalid',
        ...boundOf(params),
      };
    });
    const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    return problemOf('VALIDATION_FAILED', detail, { errors });
  }
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return problemOf(mapped, fe.message);
  if (fe.statusCode === 429) return problemOf('RATE_LIMITED');
  if (fe.statusCode === 404) return problemOf('NOT_FOUND');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { ...problemOf('VALIDATION_FAILED', fe.message), status: fe.statusCode };
  }
  if (isStoreOutage(error))
    return problemOf('SERVICE_UNAVAILABLE', 'A data store is unreachable; try again shortly');
  return problemOf('INTERNAL_ERROR', 'An unexpected error occurred. It has been logged.');
}

/** Bodies of problems that are their code's title and nothing else (most refusals), by code and status. */
const titleOnly = new Map<string, string>();

/**
 * The problem as JSON text. `problemOf` builds every problem with the five standard members first and
 * the extras (`errors`, `seatIds`, `retryAfterSeconds`, …) after them, so the text keeps the order the
 * Problem schema's serializer wrote without copying the object. Sending text skips Fastify's
 * preSerialization hooks and the route's response serializer on every refusal; a problem that is only
 * its code's title is stringified once per code and status.
 */
export function problemJson(problem: Problem): string {
  let members = 0;
  for (const _ in problem) members++;
  const key =
    members === 5 && problem.detail === problem.title ? `${problem.code} ${problem.status}` : undefined;
  if (key !== undefined) {
    const known = titleOnly.get(key);
    if (known !== undefined) return known;
  }
  const text = JSON.stringify(problem);
  if (key !== undefined) titleOnly.set(key, text);
  return text;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problemJson(problem));
}

/**
 * Sends the problem of `code` with its title as detail: for refusals a hook answers by the thousand
 * (problemJson makes such a body once per code).
 */
export function sendPlainProblem(reply: FastifyReply, code: ErrorCode): FastifyReply {
  return sendProblem(reply, problemOf(code));
}

/** What sendProblem sends, for an answer written before Fastify (src/http/fast-lane.ts). */
export function problemAnswer(problem: Problem): FastAnswer {
  return {
    status: problem.status,
    headers: [],
    contentType: PROBLEM_CONTENT_TYPE,
    body: problemJson(problem),
  };
}

/** What sendPlainProblem sends, for an answer written before Fastify. */
export function plainProblemAnswer(code: ErrorCode): FastAnswer {
  return problemAnswer(problemOf(code));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else if (!(error instanceof AppError)) {
      request.log.info({ code: problem.code, err: error.message }, 'request rejected');
    }
    if (error instanceof AppError && error.headers) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    }
    if (problem.code === 'SERVICE_UNAVAILABLE' && !reply.hasHeader('retry-after')) {
      reply.header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
    }
    // The wait in the body too, so a page can say how long without reading headers.
    const retryAfter = Number(reply.getHeader('retry-after'));
    if (Number.isFinite(retryAfter) && retryAfter > 0) problem.retryAfterSeconds = retryAfter;
    return sendProblem(reply, problem);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemOf('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
