import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { optionalUser } from '../../http/auth-guard.ts';
import { userKey } from '../../http/rate-limit-key.ts';
import { errors } from '../../http/schemas.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import {
  CreateReviewBody,
  EditReviewBody,
  HelpfulSchema,
  hiddenOf,
  IdParams,
  ModeratedReviewSchema,
  ModerationPage,
  ModerationQuery,
  MyReviewPage,
  PageQuery,
  PerformanceIdParams,
  ReasonBody,
  ReplyBody,
  ReviewListQuery,
  ReviewPage,
  ReviewSchema,
  toReview,
} from './reviews.schemas.ts';
import type { ReviewsService } from './reviews.service.ts';

/** Only called on signed-in routes. */
const userIdOf = (request: FastifyRequest): string => request.user!.id;

export interface ReviewLimits {
  writesPerHour: number;
  votesPerMinute: number;
  reportsPerHour: number;
}

/** One budget per user and scope, after authentication; past it 429 RATE_LIMITED with Retry-After. */
const perUser = (scope: string, max: number, timeWindow: number) => ({
  max,
  timeWindow,
  hook: 'preHandler' as const,
  keyGenerator: async (request: FastifyRequest) => `reviews:${scope}:${await userKey(request)}`,
});

export const reviewsRoutes =
  (deps: {
    service: ReviewsService;
    tokens: AccessTokens;
    limits: ReviewLimits;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service, tokens, limits } = deps;
    const security = [{ bearerAuth: [] }];
    const tags = ['reviews'];

    app.get(
      '/performances/:id/reviews',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "A performance's visible reviews with the average, count and histogram",
          description:
            'Public. With a bearer token each item also says whether the caller wrote it, voted it helpful or reported it.',
          params: PerformanceIdParams,
          querystring: ReviewListQuery,
          response: { 200: ReviewPage, ...errors(400, 404) },
        },
      },
      async (request) => {
        await optionalUser(request, tokens);
        const viewer = request.user?.id;
        const { sort, page, size } = request.query;
        const result = await service.list(request.params.id, { sort, page, size }, viewer);
        return {
          items: result.items.map((v) => ({
            ...toReview(v, viewer),
            ...(viewer ? { votedHelpful: v.voted, reported: v.reported } : {}),
          })),
          average: result.average,
          count: result.count,
          histogram: result.histogram,
          page,
          size,
          total: result.total,
        };
      },
    );

    app.post(
      '/performances/:id/reviews',
      {
        config: { access: 'signed-in', rateLimit: perUser('write', limits.writesPerHour, 3_600_000) },
        schema: {
          tags,
          summary: 'Review a performance from one of your reservations (once per reservation)',
          description:
            "The caller's CONFIRMED reservation of a showtime of this performance that has started: otherwise 403 NOT_A_BUYER; a second review of the same reservation is 409 ALREADY_REVIEWED.",
          security,
          params: PerformanceIdParams,
          body: CreateReviewBody,
          response: { 201: ReviewSchema, ...errors(400, 401, 403, 404, 409, 422, 429) },
        },
      },
      async (request, reply) => {
        const view = await service.create(userIdOf(request), request.params.id, request.body);
        return reply.status(201).send(toReview(view, userIdOf(request)));
      },
    );

    app.patch(
      '/reviews/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Edit your review (rating and/or text)',
          description: "Another user's review answers 404 REVIEW_NOT_FOUND; a hidden one 409 REVIEW_HIDDEN.",
          security,
          params: IdParams,
          body: EditReviewBody,
          response: { 200: ReviewSchema, ...errors(400, 401, 404, 409, 422) },
        },
      },
      async (request) =>
        toReview(await service.edit(userIdOf(request), request.params.id, request.body), userIdOf(request)),
    );

    app.delete(
      '/reviews/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Delete your review',
          description: "Another user's review answers 404 REVIEW_NOT_FOUND.",
          security,
          params: IdParams,
          response: { 204: Type.Null(), ...errors(400, 401, 404) },
        },
      },
      async (request, reply) => {
        await service.remove(userIdOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/reviews/:id/helpful',
      {
        config: { access: 'signed-in', rateLimit: perUser('vote', limits.votesPerMinute, 60_000) },
        schema: {
          tags,
          summary: 'Mark a review helpful (once per user; not your own)',
          security,
          params: IdParams,
          response: { 200: HelpfulSchema, ...errors(400, 401, 404, 409, 429) },
        },
      },
      async (request) => ({
        helpfulCount: await service.vote(userIdOf(request), request.params.id),
        votedHelpful: true,
      }),
    );

    app.delete(
      '/reviews/:id/helpful',
      {
        config: { access: 'signed-in', rateLimit: perUser('unvote', limits.votesPerMinute, 60_000) },
        schema: {
          tags,
          summary: 'Take back your helpful vote (nothing changes without one)',
          security,
          params: IdParams,
          response: { 200: HelpfulSchema, ...errors(400, 401, 404, 429) },
        },
      },
      async (request) => ({
        helpfulCount: await service.unvote(userIdOf(request), request.params.id),
        votedHelpful: false,
      }),
    );

    app.post(
      '/reviews/:id/reports',
      {
        config: { access: 'signed-in', rateLimit: perUser('report', limits.reportsPerHour, 3_600_000) },
        schema: {
          tags,
          summary: 'Report a review to the moderators (once per user; not your own)',
          security,
          params: IdParams,
          body: ReasonBody,
          response: { 204: Type.Null(), ...errors(400, 401, 404, 409, 422, 429) },
        },
      },
      async (request, reply) => {
        await service.report(userIdOf(request), request.params.id, request.body.reason);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/users/me/reviews',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Your reviews, newest first (hidden ones included, with the reason)',
          security,
          querystring: PageQuery,
          response: { 200: MyReviewPage, ...errors(400, 401) },
        },
      },
      async (request) => {
        const { page, size } = request.query;
        const userId = userIdOf(request);
        const { items, total } = await service.mine(userId, page, size);
        return {
          items: items.map((v) => ({
            ...toReview(v, userId),
            reservationId: v.row.reservation_id,
            performance: { id: v.row.performance_id, title: v.title },
            ...hiddenOf(v),
          })),
          page,
          size,
          total,
        };
      },
    );

    // --- moderation (recorded in the audit log by the service, in its transaction) -------------------

    const moderated = (
      v: Parameters<typeof toReview>[0],
      title: string,
      reports: { reason: string; createdAt: Date }[],
    ) => ({
      ...toReview(v),
      performance: { id: v.row.performance_id, title },
      reportCount: v.row.report_count,
      reports: reports.map((r) => ({ reason: r.reason, createdAt: r.createdAt.toISOString() })),
      ...hiddenOf(v),
    });

    app.get(
      '/admin/reviews',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'The review moderation queue: reported reviews first, with their report reasons',
          security,
          querystring: ModerationQuery,
          response: { 200: ModerationPage, ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { reported, page, size } = request.query;
        const { items, total } = await service.moderationQueue(reported, page, size);
        return { items: items.map((v) => moderated(v, v.title, v.reports)), page, size, total };
      },
    );

    app.post(
      '/admin/reviews/:id/hide',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags: ['admin'],
          summary: 'Hide a review (it leaves the list and the aggregates; the author is notified)',
          security,
          params: IdParams,
          body: ReasonBody,
          response: { 200: ModeratedReviewSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const v = await service.hide(userIdOf(request), request.params.id, request.body.reason, request.id);
        return moderated(v, v.title, []);
      },
    );

    app.post(
      '/admin/reviews/:id/reply',
      {
        config: { access: 'admin', audit: 'in-service' },
        schema: {
          tags: ['admin'],
          summary: "The theatre's reply under a review (replaces an earlier one; the author is notified)",
          security,
          params: IdParams,
          body: ReplyBody,
          response: { 200: ModeratedReviewSchema, ...errors(400, 401, 403, 404, 422) },
        },
      },
      async (request) => {
        const v = await service.reply(userIdOf(request), request.params.id, request.body.body, request.id);
        return moderated(v, v.title, []);
      },
    );
  };
