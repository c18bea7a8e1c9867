import { sql, type Kysely } from 'kysely';

/** Categories, venues and their sections, performances with grade prices, showtimes and seats. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE categories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      slug text NOT NULL UNIQUE,
      sort_order int NOT NULL DEFAULT 0
    )`.execute(db);

  await sql`
    CREATE TABLE venues (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      address text NOT NULL,
      seat_count int NOT NULL CHECK (seat_count > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE venue_sections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      venue_id uuid NOT NULL REFERENCES venues(id),
      name text NOT NULL,
      grade text NOT NULL,
      rows int NOT NULL CHECK (rows BETWEEN 1 AND 200),
      seats_per_row int NOT NULL CHECK (seats_per_row BETWEEN 1 AND 200),
      sort_order int NOT NULL,
      UNIQUE (venue_id, name)
    )`.execute(db);

  await sql`
    CREATE TABLE performances (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      category_id uuid NOT NULL REFERENCES categories(id),
      venue_id uuid NOT NULL REFERENCES venues(id),
      start_date date NOT NULL,
      end_date date NOT NULL,
      running_minutes int NOT NULL CHECK (running_minutes BETWEEN 1 AND 1440),
      age_rating int NOT NULL CHECK (age_rating BETWEEN 0 AND 19),
      "cast" text[] NOT NULL DEFAULT '{}',
      poster_url text,
      status text NOT NULL DEFAULT 'ON_SALE' CHECK (status IN ('DRAFT', 'ON_SALE', 'CLOSED')),
      view_count bigint NOT NULL DEFAULT 0,
      sales_count bigint NOT NULL DEFAULT 0,
      -- Title, cast, venue name and description, kept by the service; searched by FTS and trigrams.
      search_text text NOT NULL DEFAULT '',
      search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      CONSTRAINT performances_dates_in_order CHECK (end_date >= start_date)
    )`.execute(db);
  await sql`CREATE INDEX performances_search_vector ON performances USING gin (search_vector)`.execute(db);
  await sql`CREATE INDEX performances_search_trgm ON performances USING gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX performances_listing ON performances (start_date) WHERE deleted_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX performances_category ON performances (category_id) WHERE deleted_at IS NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE performance_prices (
      performance_id uuid NOT NULL REFERENCES performances(id),
      grade text NOT NULL,
      price int NOT NULL CHECK (price > 0),
      PRIMARY KEY (performance_id, grade)
    )`.execute(db);

  await sql`
    CREATE TABLE showtimes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      performance_id uuid NOT NULL REFERENCES performances(id),
      starts_at timestamptz NOT NULL,
      sales_open_at timestamptz NOT NULL,
      sales_close_at timestamptz NOT NULL,
      max_tickets_per_user int NOT NULL CHECK (max_tickets_per_user BETWEEN 1 AND 20),
      queue_enabled boolean NOT NULL DEFAULT false,
      queue_admit_per_second int NOT NULL DEFAULT 100 CHECK (queue_admit_per_second > 0),
      queue_max_active int NOT NULL DEFAULT 1000 CHECK (queue_max_active > 0),
      queue_session_seconds int NOT NULL DEFAULT 600 CHECK (queue_session_seconds > 0),
      seat_count int NOT NULL CHECK (seat_count >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      CONSTRAINT showtimes_sales_window CHECK (sales_open_at < sales_close_at AND sales_close_at <= starts_at)
    )`.execute(db);
  await sql`CREATE INDEX showtimes_performance ON showtimes (performance_id, starts_at) WHERE deleted_at IS NULL`.execute(
    db,
  );

  // The inventory of one showtime. status is the durable truth for SOLD; HELD lives in Redis.
  await sql`
    CREATE TABLE seats (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      showtime_id uuid NOT NULL REFERENCES showtimes(id),
      section text NOT NULL,
      row_label text NOT NULL,
      number int NOT NULL,
      grade text NOT NULL,
      price int NOT NULL CHECK (price > 0),
      status text NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE', 'SOLD')),
      sort_order int NOT NULL,
      UNIQUE (showtime_id, section, row_label, number)
    )`.execute(db);
  await sql`CREATE INDEX seats_showtime ON seats (showtime_id, sort_order)`.execute(db);
  // The seat map reads only the sold seats of a showtime; a partial index keeps that one small scan.
  await sql`CREATE INDEX seats_sold ON seats (showtime_id) WHERE status = 'SOLD'`.execute(db);
  await sql`CREATE INDEX performances_created ON performances (created_at DESC) WHERE deleted_at IS NULL`.execute(
    db,
  );

  // View-count batches already added to performances.view_count: the flush job records each batch id
  // in the same transaction as the update, so a batch retried after a crash is never counted twice.
  await sql`
    CREATE TABLE view_flush_batches (
      batch_id uuid PRIMARY KEY,
      flushed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
