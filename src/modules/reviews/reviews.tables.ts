import type { ColumnType, Generated } from 'kysely';

/** Migration 0120 (docs/reviews.md). */
export interface ReviewsTable {
  id: Generated<string>;
  performance_id: string;
  showtime_id: string;
  reservation_id: string;
  user_id: string;
  rating: number;
  body: string;
  helpful_count: ColumnType<number, number | undefined, number>;
  report_count: ColumnType<number, number | undefined, number>;
  last_reported_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  hidden_by: string | null;
  reply_body: string | null;
  reply_at: Date | null;
  reply_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  edited_at: Date | null;
}

/** One row per performance: how many visible reviews have each star. */
export interface ReviewStatsTable {
  performance_id: string;
  c1: ColumnType<number, number | undefined, number>;
  c2: ColumnType<number, number | undefined, number>;
  c3: ColumnType<number, number | undefined, number>;
  c4: ColumnType<number, number | undefined, number>;
  c5: ColumnType<number, number | undefined, number>;
}

export interface ReviewHelpfulVotesTable {
  review_id: string;
  user_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface ReviewReportsTable {
  review_id: string;
  user_id: string;
  reason: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    reviews: ReviewsTable;
    review_stats: ReviewStatsTable;
    review_helpful_votes: ReviewHelpfulVotesTable;
    review_reports: ReviewReportsTable;
  }
}
