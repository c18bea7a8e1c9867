import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, problemOf } from '../errors.ts';
import { problemJson } from './error-handler.ts';
import type { LeasedCounters } from './rate-limit-store.ts';

/** One leased limit of a route, checked by `app.leasedLimits` instead of @fastify/rate-limit. */
export interface LeasedRule {
  /**
   * Prefix of the Redis counter, as the plugin named it so counts carry over: `rl:<METHOD><url>-` for
   * a route's config.rateLimit (pass `url`: the method is the request's), `rl:undefinedundefined-`
   * for one made with createRateLimit (leave `url` out).
   */
  url?: string;
  max: number;
  timeWindow: number;
  /** Who is counted; undefined skips this rule for the request (e.g. no user: the guard answers 401). */
  key: (request: FastifyRequest) => string | Promise<string | undefined> | undefined;
  /** x-ratelimit-limit/-remaining/-reset on every answer, as the plugin's route hook sent them. */
  headers: boolean;
  /** The 429's detail, given the wait in seconds. */
  detail: (seconds: number) => string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * An onRequest hook (callback style) checking `rules` in order; the first refusal answers 429
     * RATE_LIMITED and the later rules are not counted. No promise when every key is known and this
     * instance's slices decide (most requests of a busy route).
     */
    leasedLimits: (rules: readonly LeasedRule[]) => onRequestHookHandler;
    /**
     * An onRequest hook that counts the request against `rule` without holding it up: the count goes
     * to Redis while the handler reads what it needs, and the handler awaits `request.limitVerdict`
     * before anything it writes or sends out. A key this instance already knows over the limit is
     * answered 429 at once, as `leasedLimits` does.
     */
    countedAlongside: (rule: AlongsideRule) => onRequestHookHandler;
  }
  interface FastifyRequest {
    /**
     * The verdict of a limit counted alongside the handler (`countedAlongside`): resolves once the
     * request is counted within the limit (or Redis failed: skipOnError), rejects with 429
     * RATE_LIMITED (`retry-after` set on the reply) over it. Undefined on routes without such a limit.
     */
    limitVerdict?: Promise<void>;
  }
}

/** A limit counted alongside the handler: always a route's own (`url`), keyed synchronously. */
export interface AlongsideRule extends Omit<LeasedRule, 'key' | 'url'> {
  url: string;
  key: (request: FastifyRequest) => string | undefined;
}

/** The detail of every 429 RATE_LIMITED, given the wait in seconds. */
export const tooManyRequests = (seconds: number): string => `Too many requests; try again in ${seconds} s`;

/** The slice size leasedLimit gives a route (rate-limit-store.ts): max / 20. */
export const sliceOf = (max: number) => Math.max(1, Math.floor(max / 20));

// A rule's 429 body depends only on the wait in seconds (at most a window's worth of values).
const bodies = new WeakMap<LeasedRule, Map<number, string>>();
const UNCOUNTED = { current: 0, ttl: 0 };

/**
 * What a counted request gets from a rule, as @fastify/rate-limit with our errorResponseBuilder sent
 * it: x-ratelimit-limit/-remaining/-reset where the route's config.rateLimit sent them, and over the
 * limit `retry-after` with the 429 RATE_LIMITED body (the detail, and `retryAfterSeconds`). A result
 * of undefined is Redis failing: the request goes on with the headers the plugin sent then
 * (skipOnError). Shared by the hook below and the fast lane (src/http/fast-lane.ts).
 */
export function limitAnswer(
  rule: LeasedRule,
  result: { current: number; ttl: number } | undefined,
): { headers: Array<[string, string]>; refusal?: string } {
  const failed = result === undefined;
  const { current, ttl } = result ?? UNCOUNTED;
  const seconds = Math.ceil(ttl / 1000);
  const over = !failed && current > rule.max;
  const headers: Array<[string, string]> = rule.headers
    ? [
        ['x-ratelimit-limit', String(rule.max)],
        ['x-ratelimit-remaining', String(failed ? rule.max : over ? 0 : rule.max - current)],
        ['x-ratelimit-reset', String(failed ? 0 : seconds)],
      ]
    : [];
  if (!over) return { headers };
  headers.push(['retry-after', String(seconds)]);
  let known = bodies.get(rule);
  if (known === undefined) bodies.set(rule, (known = new Map()));
  let body = known.get(seconds);
  if (body === undefined) {
    // What the error handler sent for the plugin's thrown AppError: the detail, and the wait.
    const problem = problemOf('RATE_LIMITED', rule.detail(seconds));
    if (seconds > 0) problem.retryAfterSeconds = seconds;
    known.set(seconds, (body = problemJson(problem)));
  }
  return { headers, refusal: body };
}

/**
 * The leased limits of the hottest routes (the waiting-room poll, the hold attempt) as our own hook.
 * @fastify/rate-limit wraps each check in several promises and an async hook, reads
 * `request.routeOptions` (an object built per call) and throws the 429 through Fastify's error path;
 * the poll paid that twice (per user, per address). Here one hook checks both, from the same store
 * and Redis counters as the plugin (so limits, windows, the never-above-max lease rule and the counts
 * of instances still on the plugin are the same), and answers exactly as the plugin with our
 * errorResponseBuilder did: 429 problem+json RATE_LIMITED with `retry-after` (and
 * `retryAfterSeconds`), x-ratelimit-* where the route's config.rateLimit sent them, and lets the
 * request through when Redis fails (skipOnError).
 */
export const leasedLimits = fp(
  async (app: FastifyInstance, opts: { counters: LeasedCounters; nameSpace: string }) => {
    const { counters, nameSpace } = opts;
    /** Applies a counted answer; true when the request may go on, false when the 429 was sent. */
    const answer = (
      rule: LeasedRule,
      reply: FastifyReply,
      result: { current: number; ttl: number } | undefined,
    ): boolean => {
      const { headers, refusal } = limitAnswer(rule, result);
      for (const [name, value] of headers) reply.header(name, value);
      if (refusal === undefined) return true;
      reply.code(429).type('application/problem+json').send(refusal);
      return false;
    };

    app.decorate('leasedLimits', (rules: readonly LeasedRule[]): onRequestHookHandler => {
      const slices = rules.map((rule) => sliceOf(rule.max));

      // Checks rules[i..]; calls done once all passed, or sends the 429 and never calls done.
      const from = (i: number, request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
        for (; i < rules.length; i++) {
          const rule = rules[i]!;
          const key = rule.key(request);
          if (key === undefined) continue;
          if (typeof key !== 'string') {
            const next = i;
            key.then(
              (resolved) => {
                if (resolved === undefined) from(next + 1, request, reply, done);
                else count(next, resolved, request, reply, done);
              },
              // The key functions do not fail (an unverifiable token counts as anonymous); should one,
              // the request goes on as when Redis fails, and the guard decides.
              () => from(next + 1, request, reply, done),
            );
            return;
          }
          const id = `${nameSpace}${rule.url === undefined ? 'undefinedundefined' : request.method + rule.url}-${key}`;
          const local = counters.fromSlice(id, rule.max);
          if (local === undefined) {
            ask(i, id, request, reply, done);
            return;
          }
          if (!answer(rule, reply, local)) return;
        }
        done();
      };

      const count = (
        i: number,
        key: string,
        request: FastifyRequest,
        reply: FastifyReply,
        done: () => void,
      ): void => {
        const rule = rules[i]!;
        const id = `${nameSpace}${rule.url === undefined ? 'undefinedundefined' : request.method + rule.url}-${key}`;
        const local = counters.fromSlice(id, rule.max);
        if (local === undefined) ask(i, id, request, reply, done);
        else if (answer(rule, reply, local)) from(i + 1, request, reply, done);
      };

      const ask = (i: number, id: string, request: FastifyRequest, reply: FastifyReply, done: () => void) => {
        const rule = rules[i]!;
        counters.take(
          id,
          (error, result) => {
            if (answer(rule, reply, error === null ? result : undefined)) from(i + 1, request, reply, done);
          },
          rule.timeWindow,
          rule.max,
          slices[i]!,
        );
      };

      return function leasedLimitsHook(request, reply, done) {
        from(0, request, reply, done);
      };
    });

    app.decorate('countedAlongside', (rule: AlongsideRule): onRequestHookHandler => {
      const slice = sliceOf(rule.max);
      return function countedAlongsideHook(request, reply, done) {
        const key = rule.key(request);
        if (key === undefined) return done();
        const id = `${nameSpace}${request.method}${rule.url}-${key}`;
        const local = counters.fromSlice(id, rule.max);
        if (local !== undefined) {
          if (answer(rule, reply, local)) done();
          return;
        }
        // A request without a verified user (the guard refuses it next, asking no store) waits for its
        // count as with `leasedLimits`: past the limit it gets the 429, as it always did.
        if (!request.user) {
          counters.take(
            id,
            (error, result) => {
              if (answer(rule, reply, error === null ? result : undefined)) done();
            },
            rule.timeWindow,
            rule.max,
            slice,
          );
          return;
        }
        const verdict = new Promise<void>((resolve, reject) =>
          counters.take(
            id,
            (error, result) => {
              const { headers, refusal } = limitAnswer(rule, error === null ? result : undefined);
              // An answer already sent (a 400 decided before the count came back) keeps its headers.
              if (!reply.sent) for (const [name, value] of headers) reply.header(name, value);
              if (refusal === undefined) return resolve();
              // The error handler sends the problem with the reply's retry-after, as the plugin's 429.
              const seconds = Math.ceil((result?.ttl ?? 0) / 1000);
              reject(new AppError('RATE_LIMITED', rule.detail(seconds)));
            },
            rule.timeWindow,
            rule.max,
            slice,
          ),
        );
        // A request answered before its handler awaited the verdict (a 400) leaves it unawaited.
        verdict.catch(() => undefined);
        request.limitVerdict = verdict;
        done();
      };
    });
  },
  { name: 'leased-limits' },
);
