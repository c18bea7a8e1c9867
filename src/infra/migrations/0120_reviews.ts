import { sql, type Kysely } from 'kysely';

/**
 * 관람후기 (docs/reviews.md). One review per reservation (`reviews_reservation_unique`), written by
 * the reservation's buyer once its showtime has started. Ratings 1–5 and body lengths are checks.
 * `review_stats` is one row per performance with a count per star; every write that changes which
 * visible reviews exist or their ratings updates it in the same transaction, so the average, count
 * and histogram are read from one row and never recounted. `helpful_count` and `report_count` are
 * counters kept with the vote and report rows (primary keys make each once per user).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      performance_id uuid NOT NULL REFERENCES performances (id),
      showtime_id uuid NOT NULL,
      reservation_id uuid NOT NULL REFERENCES reservations (id),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      rating smallint NOT NULL CONSTRAINT reviews_rating_range CHECK (rating BETWEEN 1 AND 5),
      body text NOT NULL CONSTRAINT reviews_body_length CHECK (char_length(body) BETWEEN 10 AND 2000),
      helpful_count integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
      report_count integer NOT NULL DEFAULT 0 CHECK (report_count >= 0),
      last_reported_at timestamptz,
      hidden_at timestamptz,
      hidden_reason text CHECK (char_length(hidden_reason) BETWEEN 1 AND 500),
      hidden_by uuid,
      reply_body text CHECK (char_length(reply_body) BETWEEN 1 AND 2000),
      reply_at timestamptz,
      reply_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      edited_at timestamptz,
      CONSTRAINT reviews_reservation_unique UNIQUE (reservation_id),
      CONSTRAINT reviews_hidden_with_reason CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)),
      CONSTRAINT reviews_reply_with_time CHECK ((reply_body IS NULL) = (reply_at IS NULL))
    )`.execute(db);
  // The public list: visible reviews of one performance in each sort order.
  await sql`CREATE INDEX reviews_latest ON reviews (performance_id, created_at DESC, id)
            WHERE hidden_at IS NULL`.execute(db);
  await sql`CREATE INDEX reviews_by_rating ON reviews (performance_id, rating DESC, created_at DESC, id)
            WHERE hidden_at IS NULL`.execute(db);
  await sql`CREATE INDEX reviews_by_helpful ON reviews (performance_id, helpful_count DESC, created_at DESC, id)
            WHERE hidden_at IS NULL`.execute(db);
  await sql`CREATE INDEX reviews_user_newest ON reviews (user_id, created_at DESC, id)`.execute(db);
  // The moderation queue: reported and still visible first.
  await sql`CREATE INDEX reviews_reported ON reviews (report_count DESC, last_reported_at DESC, id)
            WHERE report_count > 0 AND hidden_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE review_stats (
      performance_id uuid PRIMARY KEY REFERENCES performances (id),
      c1 integer NOT NULL DEFAULT 0 CHECK (c1 >= 0),
      c2 integer NOT NULL DEFAULT 0 CHECK (c2 >= 0),
      c3 integer NOT NULL DEFAULT 0 CHECK (c3 >= 0),
      c4 integer NOT NULL DEFAULT 0 CHECK (c4 >= 0),
      c5 integer NOT NULL DEFAULT 0 CHECK (c5 >= 0)
    )`.execute(db);

  await sql`
    CREATE TABLE review_helpful_votes (
      review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (review_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX review_helpful_votes_user ON review_helpful_votes (user_id)`.execute(db);

  await sql`
    CREATE TABLE review_reports (
      review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (char_length(reason) BETWEEN 2 AND 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (review_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX review_reports_newest ON review_reports (review_id, created_at DESC)`.execute(db);
}
