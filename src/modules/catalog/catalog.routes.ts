import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { optionalUser } from '../../http/auth-guard.ts';
import type { FastAnswer } from '../../http/fast-lane.ts';
import { tooManyRequests } from '../../http/leased-limit.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import type { Config } from '../../config.ts';
import { anonymousReader, type CatalogReads, type Reader } from './catalog.reads.ts';
import { errors, UUID_SOURCE } from '../../http/schemas.ts';
import type { Rankings, Viewer } from './rankings.service.ts';
import { addressKey } from '../../http/client-address.ts';
import {
  Category,
  IdParams,
  OpeningSoon,
  OpeningSoonQuery,
  PerformanceDetail,
  PerformancePage,
  RankingEntry,
  RankingQuery,
  SearchQuery,
  SeatMap,
  ShowtimeView,
  Suggestion,
  SuggestionQuery,
} from './catalog.schemas.ts';
import { posterSvg } from './posters.ts';

/** Serialised seat-map bodies, kept as long as their map object is (a WeakMap keyed by it). */
const seatMapBodies = new WeakMap<object, string>();

/** Whether an If-None-Match header lists the tag (weak comparison, `*` matches anything). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** The seat map's 304 as the route sends it: no body, the tag, and "ask again every time". */
function notModified(etag: string): FastAnswer {
  return {
    status: 304,
    headers: [
      ['etag', etag],
      ['cache-control', 'no-cache'],
    ],
    contentType: undefined,
    body: null,
  };
}

/** Longest If-None-Match the seat map reads (a longer one is 400 VALIDATION_FAILED). */
const IF_NONE_MATCH_MAX = 1024;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Trim, lower-case, NFC and single spaces: equivalent queries share one cache key. */
export function normalizeQuery(q: string | undefined): string {
  return (q ?? '').normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

export interface CatalogRouteDeps {
  reads: CatalogReads;
  rankings: Rankings;
  tokens: AccessTokens;
  config: Config;
}

/** Public catalogue reads. */
export const catalogRoutes =
  (deps: CatalogRouteDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { reads, rankings, tokens, config } = deps;
    const tags = ['catalogue'];
    /** Who reads: admins see drafts; a signed-in reader's id routes the read (read-your-writes). */
    const readerOf = async (request: FastifyRequest): Promise<Reader> => {
      await optionalUser(request, tokens);
      const user = request.user;
      return user ? { userId: user.id, isAdmin: user.role === 'ADMIN' } : anonymousReader;
    };

    /**
     * The viewer for view counting: the user, else the client address. Not a cookie: a client that
     * drops it (any script) would count as a new viewer on every request.
     */
    const viewerOf = (request: FastifyRequest): Viewer => viewer(request.user?.id, request.ip);
    const viewer = (userId: string | undefined, ip: string): Viewer =>
      userId === undefined ? { address: addressKey(ip) } : { user: userId };

    /**
     * The default per-address budget of the search, taken from Redis a slice at a time (as the poll's
     * is): searches come by the hundred a second in an onsale, and a counter call each was a Redis round
     * trip per search. Same counter name as the plugin's route limit it replaces.
     */
    const perAddress = (url: string) =>
      app.leasedLimits([
        {
          url: `${app.prefix}${url}`,
          max: config.RATE_LIMIT_PER_MINUTE,
          timeWindow: 60_000,
          key: (request) => request.ip,
          headers: true,
          detail: tooManyRequests,
        },
      ]);

    app.get(
      '/categories',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Categories',
          response: { 200: Type.Array(Category), ...errors(503) },
        },
      },
      async (request) => reads.categories((await readerOf(request)).userId),
    );

    app.get(
      '/performances',
      {
        schema: {
          tags,
          summary:
            'List and search performances: words (full-text + substring), genre words, spacing, initial consonants and typos; filters for genre, region, dates and price',
          querystring: SearchQuery,
          response: { 200: PerformancePage, ...errors(400, 429, 503) },
        },
        onRequest: perAddress('/performances'),
        config: { access: 'public' },
      },
      async (request) => {
        const q = request.query;
        if (q.from && q.to && q.from > q.to) throw new AppError('INVALID_DATE_RANGE', 'from is after to');
        if (q.priceMin !== undefined && q.priceMax !== undefined && q.priceMin > q.priceMax) {
          throw new AppError('VALIDATION_FAILED', 'priceMin is above priceMax', {
            errors: [{ field: 'querystring.priceMin', message: 'must not be above priceMax' }],
          });
        }
        const reader = await readerOf(request);
        return reads.search(
          {
            q: normalizeQuery(q.q),
            category: q.category,
            region: q.region,
            priceMin: q.priceMin,
            priceMax: q.priceMax,
            from: q.from,
            to: q.to,
            status: q.status,
            sort: q.sort ?? 'popular',
            page: q.page,
            size: q.size,
            includeDrafts: reader.isAdmin,
          },
          reader.userId,
        );
      },
    );

    app.get(
      '/search/suggestions',
      {
        schema: {
          tags,
          summary:
            'Up to 8 performances for what is typed so far: title or cast prefix, substring, initial consonants (ㄹㅁㅈ) or a typo; not ended',
          querystring: SuggestionQuery,
          response: { 200: Type.Array(Suggestion), ...errors(400, 429, 503) },
        },
        // The plugin's limit, whose local first tier rate-limit-store.test.ts exercises on this route.
        config: {
          access: 'public',
          rateLimit: { max: config.RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
        },
      },
      async (request) => reads.suggestions(normalizeQuery(request.query.q)),
    );

    app.get(
      '/performances/opening-soon',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The ticket-open list: performances whose showtimes open sales within `days`, with each opening date and time',
          querystring: OpeningSoonQuery,
          response: { 200: Type.Array(OpeningSoon), ...errors(400, 503) },
        },
      },
      async (request) => reads.openingSoon(request.query),
    );

    app.get(
      '/performances/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Performance detail (cached); counts one view per viewer per day',
          params: IdParams,
          response: { 200: PerformanceDetail, ...errors(400, 404, 503) },
        },
      },
      async (request, reply) => {
        const entry = await reads.visibleDetail(request.params.id, await readerOf(request));
        if (!entry) throw new AppError('PERFORMANCE_NOT_FOUND');
        rankings.recordView(request.params.id, viewerOf(request));
        // Cached JSON text, sent as is (the schema documents it).
        return reply.type('application/json').send(entry.json as never);
      },
    );
    // The cached detail before Fastify (src/http/fast-lane.ts): a public performance this instance
    // holds, for an anonymous reader or one whose token it verifies without a promise; the view
    // counted by the route's own rule (`viewer`). A miss, a draft or any other token goes to the route above.
    const detailPath = new RegExp(`^${app.prefix}/performances/(${UUID_SOURCE})$`);
    app.fastLane.add('GET', `${app.prefix}/performances/:id`, (request) => {
      const id = detailPath.exec(request.url ?? '')?.[1];
      if (id === undefined) return undefined;
      const signedIn = request.headers.authorization !== undefined;
      const user = signedIn ? app.fastLane.signedIn(request) : undefined;
      if (signedIn && user === undefined) return undefined;
      const entry = reads.detailCache.peek(id);
      if (!entry || entry.status === 'DRAFT') return undefined;
      const address = app.fastLane.address(request);
      if (address === undefined) return undefined;
      rankings.recordView(id, viewer(user?.userId, address));
      return { status: 200, headers: [], contentType: 'application/json; charset=utf-8', body: entry.json };
    });

    app.get(
      '/performances/:id/showtimes',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Showtimes with available and total seats, seats left per grade and the cast',
          params: IdParams,
          response: { 200: Type.Array(ShowtimeView), ...errors(400, 404, 503) },
        },
      },
      async (request) => reads.showtimes(request.params.id, await readerOf(request)),
    );

    app.get(
      '/showtimes/:id/seats',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Seat map: every seat with AVAILABLE, HELD or SOLD',
          description:
            'Answers with an ETag derived from the layout and every seat status; send it back in ' +
            'If-None-Match to get 304 Not Modified (empty body) while nothing changed.',
          params: IdParams,
          headers: Type.Object({
            'if-none-match': Type.Optional(Type.String({ maxLength: IF_NONE_MATCH_MAX })),
          }),
          response: {
            200: SeatMap,
            304: Type.Null({ description: 'Not Modified: the seat map still matches If-None-Match' }),
            ...errors(400, 404, 503),
          },
        },
      },
      async (request, reply) => {
        const conditional = request.headers['if-none-match'];
        const { map, etag } = await reads.taggedSeatMap(
          request.params.id,
          await readerOf(request),
          (tag) => !matchesEtag(conditional, tag),
        );
        void reply.header('etag', etag).header('cache-control', 'no-cache');
        // No payload at all: `null` would be serialised to "null" and announced as Content-Length: 4.
        if (map === null) return reply.code(304).send(undefined as never);
        // One map object per state (see taggedSeatMap): serialise it once for every reader.
        let body = seatMapBodies.get(map);
        if (body === undefined) {
          body = reply.serializeInput(map, '200') as string;
          seatMapBodies.set(map, body);
        }
        // Already serialised by the 200 schema: a string with a JSON type is sent as it is.
        return reply.type('application/json; charset=utf-8').send(body as never);
      },
    );
    // A conditional seat-map read before Fastify (src/http/fast-lane.ts): the 304 of a showtime whose
    // layout, sold seats and public detail this instance holds, for an anonymous reader or a signed-in
    // one (not an admin) whose reads need no routing. The held seats' digest is asked of Redis as the
    // route asks it; a tag that no longer matches (the map changed), a Redis failure and every other
    // case go to the route above.
    const seatsPath = new RegExp(`^${app.prefix}/showtimes/(${UUID_SOURCE})/seats$`);
    app.fastLane.add('GET', `${app.prefix}/showtimes/:id/seats`, (request) => {
      const id = seatsPath.exec(request.url ?? '')?.[1];
      const conditional = request.headers['if-none-match'];
      if (id === undefined || conditional === undefined || conditional.length > IF_NONE_MATCH_MAX) {
        return undefined;
      }
      const signedIn = request.headers.authorization !== undefined;
      if (signedIn && app.fastLane.signedIn(request)?.role !== 'USER') return undefined;
      const tag = reads.seatMapTagSoon(id, signedIn);
      if (tag === undefined) return undefined;
      return (send) => {
        tag.then(
          (etag) => send(matchesEtag(conditional, etag) ? notModified(etag) : undefined),
          () => send(undefined),
        );
      };
    });

    app.get(
      '/rankings/performances',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Rankings by views or sales over the last hour, today or the last 7 days',
          querystring: RankingQuery,
          response: { 200: Type.Array(RankingEntry), ...errors(400, 503) },
        },
      },
      async (request) => rankings.top(request.query),
    );

    app.get(
      '/posters/:file',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Generated SVG poster: /posters/{performanceId}.svg',
          params: Type.Object({ file: Type.String({ pattern: '^[0-9a-f-]{36}\\.svg$' }) }),
          response: errors(400, 404, 503),
        },
      },
      async (request, reply) => {
        const id = request.params.file.slice(0, 36);
        if (!UUID_RE.test(id)) throw new AppError('PERFORMANCE_NOT_FOUND');
        const perf = await reads.titleOf(id);
        if (!perf) throw new AppError('PERFORMANCE_NOT_FOUND');
        return reply
          .type('image/svg+xml')
          .header('cache-control', 'public, max-age=300')
          .send(posterSvg({ id, ...perf }) as never); // SVG text; the schema lists only errors
      },
    );
  };
