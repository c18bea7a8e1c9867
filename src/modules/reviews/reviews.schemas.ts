import { Type, type Static } from 'typebox';
import { IdParams, Page, Size, Uuid } from '../../http/schemas.ts';
import { REVIEW_LIMITS, type ReviewView } from './reviews.service.ts';

export { IdParams };

const Instant = Type.String({ format: 'date-time' });
const Rating = Type.Integer({ minimum: 1, maximum: 5, description: 'Stars, 1–5' });
// The schema bounds the raw text; the service trims and checks the same bounds again.
const ReviewBody = Type.String({
  minLength: REVIEW_LIMITS.body.min,
  maxLength: REVIEW_LIMITS.body.max,
  description: `Plain text, ${REVIEW_LIMITS.body.min}–${REVIEW_LIMITS.body.max} characters after trimming; shown as text, never as HTML`,
});
const Reason = Type.String({ minLength: REVIEW_LIMITS.reason.min, maxLength: REVIEW_LIMITS.reason.max });

export const ReviewListQuery = Type.Object({
  sort: Type.Union([Type.Literal('latest'), Type.Literal('rating'), Type.Literal('helpful')], {
    default: 'latest',
    description: 'latest: newest first; rating: most stars first; helpful: most helpful votes first',
  }),
  page: Page(),
  size: Size(10),
});

export const ModerationQuery = Type.Object({
  reported: Type.Boolean({
    default: false,
    description: 'true: only visible reviews with reports; false: every review, reported ones first',
  }),
  page: Page(),
  size: Size(),
});

export const PageQuery = Type.Object({ page: Page(), size: Size() });

export const PerformanceIdParams = Type.Object({ id: Uuid });

export const CreateReviewBody = Type.Object(
  { reservationId: Uuid, rating: Rating, body: ReviewBody },
  { additionalProperties: false },
);
export const EditReviewBody = Type.Object(
  { rating: Type.Optional(Rating), body: Type.Optional(ReviewBody) },
  { additionalProperties: false, minProperties: 1 },
);
export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const ReplyBody = Type.Object(
  { body: Type.String({ minLength: REVIEW_LIMITS.reply.min, maxLength: REVIEW_LIMITS.reply.max }) },
  { additionalProperties: false },
);

const Reply = Type.Object({ body: Type.String(), createdAt: Instant });
const Histogram = Type.Object(
  { 1: Type.Integer(), 2: Type.Integer(), 3: Type.Integer(), 4: Type.Integer(), 5: Type.Integer() },
  { description: 'Visible reviews per star' },
);

export const ReviewSchema = Type.Object({
  id: Uuid,
  rating: Type.Integer(),
  body: Type.String({ description: 'Plain text as written; render it as text' }),
  author: Type.Object({ nickname: Type.String() }),
  helpfulCount: Type.Integer(),
  reply: Type.Optional(Reply),
  createdAt: Instant,
  editedAt: Type.Optional(Instant),
  mine: Type.Optional(Type.Boolean({ description: 'The caller wrote it (signed-in callers)' })),
  votedHelpful: Type.Optional(
    Type.Boolean({ description: 'The caller voted it helpful (signed-in callers)' }),
  ),
  reported: Type.Optional(Type.Boolean({ description: 'The caller reported it (signed-in callers)' })),
});

export const ReviewPage = Type.Object({
  items: Type.Array(ReviewSchema),
  average: Type.Number({ description: 'Mean rating of the visible reviews, two decimals; 0 when none' }),
  count: Type.Integer(),
  histogram: Histogram,
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});

const PerformanceRef = Type.Object({ id: Uuid, title: Type.String() });
const Hidden = Type.Object({ reason: Type.String(), at: Instant });

export const MyReviewSchema = Type.Object({
  ...ReviewSchema.properties,
  reservationId: Uuid,
  performance: PerformanceRef,
  hidden: Type.Optional(Hidden),
});
export const MyReviewPage = Type.Object({
  items: Type.Array(MyReviewSchema),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});

export const ModeratedReviewSchema = Type.Object({
  ...ReviewSchema.properties,
  performance: PerformanceRef,
  reportCount: Type.Integer(),
  reports: Type.Array(Type.Object({ reason: Type.String(), createdAt: Instant }), {
    description: 'The newest report reasons (up to 5)',
  }),
  hidden: Type.Optional(Hidden),
});
export const ModerationPage = Type.Object({
  items: Type.Array(ModeratedReviewSchema),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});

export const HelpfulSchema = Type.Object({ helpfulCount: Type.Integer(), votedHelpful: Type.Boolean() });

export type ReviewJson = Static<typeof ReviewSchema>;

/** A review as every route shows it. */
export function toReview(v: ReviewView, viewerId?: string): ReviewJson {
  const r = v.row;
  return {
    id: r.id,
    rating: r.rating,
    body: r.body,
    author: { nickname: v.nickname },
    helpfulCount: r.helpful_count,
    ...(r.reply_body && r.reply_at
      ? { reply: { body: r.reply_body, createdAt: r.reply_at.toISOString() } }
      : {}),
    createdAt: r.created_at.toISOString(),
    ...(r.edited_at ? { editedAt: r.edited_at.toISOString() } : {}),
    ...(viewerId ? { mine: r.user_id === viewerId } : {}),
  };
}

export const hiddenOf = (v: ReviewView) =>
  v.row.hidden_at && v.row.hidden_reason
    ? { hidden: { reason: v.row.hidden_reason, at: v.row.hidden_at.toISOString() } }
    : {};
