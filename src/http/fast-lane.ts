import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyBaseLogger, preParsingHookHandler } from 'fastify';
import type { Counter, Histogram } from 'prom-client';
import type { AccessClaims, AccessTokens } from '../modules/auth/tokens.ts';
import { PROBLEM_CONTENT_TYPE } from './error-handler.ts';
import { limitAnswer, sliceOf, type LeasedRule } from './leased-limit.ts';
import type { LeasedCounters } from './rate-limit-store.ts';
import { API_HEADERS } from './security-headers.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Lanes added by the modules' routes (a route's refusals answered before Fastify). */
    fastLane: FastLane;
  }
}

/** A complete answer of a lane: what the Fastify route would have sent, headers included. */
export interface FastAnswer {
  status: number;
  /** Headers beyond the ones every API answer carries (security headers, request id, vary). */
  headers: Array<[string, string]>;
  /** Undefined with `body: null` (a 304 has neither a body nor a type). */
  contentType: string | undefined;
  body: string | null;
}

/** A JSON answer as the route's serializer writes it, for a value whose keys are in the schema's order. */
export function jsonAnswer(status: number, value: unknown): FastAnswer {
  return { status, headers: [], contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

/**
 * An answer that needs one store call or the request's body first (a rate-limit slice, a digest from
 * Redis, the seats of a hold): it calls `send` once, with the answer, or with undefined to leave the
 * request to Fastify after all. A lane reads a body only through `FastLane.readBody`, which keeps what
 * it read for the route's parser.
 */
export type LaterAnswer = (send: (answer: FastAnswer | undefined) => void) => void;

/**
 * One lane: the answer to a request it recognises and can decide alone, or undefined to leave the
 * request to Fastify. A lane must not count or change anything it then leaves to Fastify (a rate
 * limit is counted last, through `FastLane.limited`, once the lane has decided to answer).
 */
export type Lane = (request: IncomingMessage) => FastAnswer | LaterAnswer | undefined;

interface LaneEntry {
  method: string;
  /** The Fastify route's URL, as request metrics label it. */
  route: string;
  lane: Lane;
}

const BEARER_PREFIX = 'Bearer ';
/** On a request whose body a lane read and then left to Fastify: the bytes, for `replayBody`. */
const READ_BODY = Symbol('fastLane.readBody');
type ReadRequest = IncomingMessage & { [READ_BODY]?: Buffer[] };
/** The media type Fastify's JSON parser takes, with or without parameters (a charset). */
const isJson = (type: string | undefined) =>
  type !== undefined && (type === 'application/json' || type.startsWith('application/json;'));
/** The security headers of every API answer, as flat name/value pairs. */
const COMMON_HEADERS: readonly string[] = Object.entries(API_HEADERS).flat();

/**
 * The fast lane: a few of an onsale's commonest requests (the steady poll, a hold without admission)
 * answered from the HTTP server's request event, before Fastify. Such a request costs Fastify's
 * routing, its hook chain (security headers, CORS, limits, guard), its reply machinery and
 * the garbage they leave, several times the decision itself; profiles found nothing else left to take
 * out (docs/performance.md, "The fast lane"). A lane answers only when it can decide from what this
 * instance already holds (a verified token, rate-limit slices, cached showtime facts or settings, the
 * serving counter) and answers exactly what the route would:
 * same status, headers and body (the lanes' tests compare them). Everything else, and every
 * request while request logging is on (it would skip Fastify's request log) or after close began
 * (Fastify answers 503), goes to Fastify unchanged.
 */
export class FastLane {
  private readonly lanes: LaneEntry[] = [];
  private open: boolean;
  /** Fastify's trust function for TRUST_PROXY, or undefined to trust no proxy. */
  private readonly trust: ((address: string, hop: number) => boolean) | undefined;
  /** Requests answered here (also in http_fast_lane_answers_total), for tests. */
  answered = 0;

  constructor(
    private readonly deps: {
      enabled: boolean;
      tokens: AccessTokens;
      counters: LeasedCounters;
      nameSpace: string;
      /** CORS_ORIGINS: their requests get CORS headers from Fastify's hook. */
      corsOrigins: ReadonlySet<string>;
      /** TRUST_PROXY's addresses (empty: the socket's peer is the client). */
      trustProxy: readonly string[];
      httpDuration: Histogram<'method' | 'route' | 'status'>;
      answers: Counter;
      log: FastifyBaseLogger;
    },
  ) {
    this.open = deps.enabled;
    this.trust = deps.trustProxy.length > 0 ? proxyAddr.compile([...deps.trustProxy]) : undefined;
  }

  add(method: string, route: string, lane: Lane): void {
    this.lanes.push({ method, route, lane });
  }

  /** Stops answering: from now on Fastify sees every request (and answers 503 while closing). */
  close(): void {
    this.open = false;
  }

  /**
   * The signed-in user of a request whose Authorization header is spelled as the guard reads it,
   * from a token this instance can verify without a promise; undefined leaves the request to the
   * guard (no token, another spelling, an invalid token or an ended session: its 401).
   */
  signedIn(request: IncomingMessage): AccessClaims | undefined {
    const header = request.headers.authorization;
    if (header === undefined || !header.startsWith(BEARER_PREFIX)) return undefined;
    const token = header.slice(BEARER_PREFIX.length);
    if (token.length === 0 || token.trim() !== token) return undefined;
    try {
      return this.deps.tokens.verifyKnown(token);
    } catch {
      return undefined;
    }
  }

  /**
   * The client's address as Fastify's `request.ip` gives it: the socket's peer, or with TRUST_PROXY
   * the nearest untrusted address of X-Forwarded-For (the same @fastify/proxy-addr rules).
   */
  address(request: IncomingMessage): string | undefined {
    if (this.trust === undefined) return request.socket.remoteAddress;
    const all = proxyAddr.all(request, this.trust);
    return all[all.length - 1];
  }

  /**
   * Counts the request against the route's leased limits, in order, as its hook would (this
   * instance's slice, else one `LEASE` call for the next), then answers: the first rule's 429 over
   * its limit, else `then()` with the limits' headers (Redis failing, the request goes on, as the hook
   * lets it). Each count is `[rule, key]`, the key as the rule's key function gives it.
   */
  limited(
    counts: ReadonlyArray<readonly [LeasedRule, string]>,
    method: string,
    then: () => FastAnswer,
  ): FastAnswer | LaterAnswer {
    return this.countFrom(0, counts, method, [], then);
  }

  private countFrom(
    first: number,
    counts: ReadonlyArray<readonly [LeasedRule, string]>,
    method: string,
    headers: Array<[string, string]>,
    then: () => FastAnswer,
  ): FastAnswer | LaterAnswer {
    for (let i = first; i < counts.length; i++) {
      const [rule, key] = counts[i]!;
      const id = `${this.deps.nameSpace}${rule.url === undefined ? 'undefinedundefined' : method + rule.url}-${key}`;
      const local = this.deps.counters.fromSlice(id, rule.max);
      if (local === undefined) {
        return (send) =>
          this.deps.counters.take(
            id,
            (error, result) => {
              const refused = applyLimit(rule, error === null ? result : undefined, headers);
              if (refused) return send(refused);
              const rest = this.countFrom(i + 1, counts, method, headers, then);
              if (typeof rest === 'function') rest(send);
              else send(rest);
            },
            rule.timeWindow,
            rule.max,
            sliceOf(rule.max),
          );
      }
      const refused = applyLimit(rule, local, headers);
      if (refused) return refused;
    }
    const answer = then();
    return { ...answer, headers: [...headers, ...answer.headers] };
  }

  /**
   * A lane's answer that needs the request's JSON body: `decide` gets its text and answers, or
   * undefined to leave the request to Fastify with the bytes read, which the route's parser then gets
   * from `replayBody` (a route whose lane reads bodies registers it as a preParsing hook). Only a
   * small body is read: a JSON content type and a `content-length` of at most `limit` bytes, else
   * undefined at once, nothing read (a chunked or large body is Fastify's, with its own limits).
   */
  readBody(
    request: IncomingMessage,
    limit: number,
    decide: (text: string) => FastAnswer | undefined,
  ): LaterAnswer | undefined {
    const length = Number(request.headers['content-length']);
    if (!(length > 0 && length <= limit) || !isJson(request.headers['content-type'])) return undefined;
    return (send) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.once('end', () => {
        let answer: FastAnswer | undefined;
        try {
          answer = decide(chunks.length === 1 ? chunks[0]!.toString() : Buffer.concat(chunks).toString());
        } catch (err) {
          this.deps.log.error({ err }, 'fast lane failed; Fastify answers the request');
        }
        if (answer === undefined) (request as ReadRequest)[READ_BODY] = chunks;
        send(answer);
      });
    };
  }

  /**
   * preParsing hook of a route whose lane reads bodies (`readBody`): a request the lane left to
   * Fastify after reading its body gets those bytes back as its payload; any other, its own stream.
   */
  readonly replayBody: preParsingHookHandler = (request, _reply, payload, done) => {
    const read = (request.raw as ReadRequest)[READ_BODY];
    done(null, read === undefined ? payload : Readable.from(read));
  };

  /**
   * Answers the request in a lane, or hands it to `fastify` (the server's Fastify handler) at once. A
   * lane that throws is logged and its request handed to Fastify, never lost.
   */
  handle(request: IncomingMessage, response: ServerResponse, fastify: () => void): void {
    if (!this.open) return fastify();
    const started = performance.now();
    for (const entry of this.lanes) {
      if (entry.method !== request.method) continue;
      // A listed origin's browser gets CORS headers from Fastify's hook; everyone else (our own
      // pages, other sites, servers) gets only `vary`, as here.
      const origin = request.headers.origin;
      if (origin !== undefined && this.deps.corsOrigins.has(origin)) return fastify();
      try {
        const answer = entry.lane(request);
        if (answer === undefined) continue;
        if (typeof answer !== 'function') return this.send(response, entry, started, answer);
        // No named closure per request: tsx keeps function names, which costs a defineProperty each.
        return answer((decided) => {
          try {
            if (decided === undefined) return fastify();
            this.send(response, entry, started, decided);
          } catch (err) {
            this.failed(err, response, fastify);
          }
        });
      } catch (err) {
        return this.failed(err, response, fastify);
      }
    }
    fastify();
  }

  private failed(err: unknown, response: ServerResponse, fastify: () => void): void {
    this.deps.log.error({ err }, 'fast lane failed; Fastify answers the request');
    if (!response.headersSent) fastify();
  }

  /** Writes the answer with the headers every API answer carries, and counts it as Fastify would. */
  private send(response: ServerResponse, entry: LaneEntry, started: number, answer: FastAnswer): void {
    // Flat name/value pairs, as writeHead takes them: no pair arrays to build and flatten per answer.
    const headers = COMMON_HEADERS.slice();
    headers.push('x-request-id', randomUUID(), 'vary', 'Origin');
    for (const [name, value] of answer.headers) headers.push(name, value);
    if (answer.body === null) {
      response.writeHead(answer.status, headers);
      response.end();
    } else {
      if (answer.contentType !== undefined) headers.push('content-type', answer.contentType);
      headers.push('content-length', String(Buffer.byteLength(answer.body)));
      response.writeHead(answer.status, headers);
      response.end(answer.body);
    }
    this.answered++;
    this.deps.answers.inc();
    this.deps.httpDuration.observe(
      { method: entry.method, route: entry.route, status: String(answer.status) },
      (performance.now() - started) / 1000,
    );
  }
}

/** Adds a counted rule's headers; its 429 when over the limit. */
function applyLimit(
  rule: LeasedRule,
  result: { current: number; ttl: number } | undefined,
  headers: Array<[string, string]>,
): FastAnswer | undefined {
  const limit = limitAnswer(rule, result);
  headers.push(...limit.headers);
  if (limit.refusal === undefined) return undefined;
  return { status: 429, headers, contentType: PROBLEM_CONTENT_TYPE, body: limit.refusal };
}
