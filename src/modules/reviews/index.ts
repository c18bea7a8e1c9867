import type { Infra } from '../../container.ts';
import type { ContentScreen } from '../../infra/content-screen.ts';
import type {
  ReviewAuthors,
  ReviewPerformances,
  ReviewReservations,
  ReviewsAudit,
  ReviewShowtimes,
} from './ports.ts';
import { ReviewsRepository } from './reviews.repository.ts';
import { reviewsRoutes } from './reviews.routes.ts';
import { ReviewsService } from './reviews.service.ts';

export type { ReviewAuthors, ReviewPerformances, ReviewReservations, ReviewShowtimes } from './ports.ts';

/** 관람후기 (docs/reviews.md): the reviews, their aggregates, votes, reports and moderation. */
export function createReviewsModule(
  infra: Pick<Infra, 'db' | 'readDb' | 'readRouting' | 'clock' | 'config' | 'tokens'>,
  ports: {
    reservations: ReviewReservations;
    showtimes: ReviewShowtimes;
    performances: ReviewPerformances;
    authors: ReviewAuthors;
    /** The banned-words screen every text passes before it is written. */
    screen: ContentScreen;
    audit?: ReviewsAudit;
  },
) {
  const repo = new ReviewsRepository();
  const service = new ReviewsService({
    db: infra.db,
    readDb: infra.readDb,
    readRouting: infra.readRouting,
    repo,
    clock: infra.clock,
    reservations: ports.reservations,
    showtimes: ports.showtimes,
    performances: ports.performances,
    authors: ports.authors,
    screen: ports.screen,
    audit: ports.audit,
  });
  const { config } = infra;
  return {
    service,
    routes: reviewsRoutes({
      service,
      tokens: infra.tokens,
      limits: {
        writesPerHour: config.REVIEW_WRITES_PER_HOUR,
        votesPerMinute: config.REVIEW_VOTES_PER_MINUTE,
        reportsPerHour: config.REVIEW_REPORTS_PER_HOUR,
      },
    }),
  };
}

export type ReviewsModule = ReturnType<typeof createReviewsModule>;
