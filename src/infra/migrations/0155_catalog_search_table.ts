import { sql, type Kysely } from 'kysely';

/**
 * `performance_search`: what a text search reads, one narrow row per live performance, kept by a
 * trigger on `performances`.
 *
 * A search counts and sorts every match (the total rides on the page), so its cost is the matches'
 * heap pages. A performance row is about 1.4 kB (the description, the stored bigram array and
 * full-text vector), five to a page: a word held by every tenth performance touched every page of
 * the table. Here a row holds the filters, the sort keys and the four texts the conditions test
 * (about 0.5 kB, three times as many to a page); the bigram and full-text indexes are expression
 * indexes over `search_text` instead of stored columns. The page found is joined back to
 * `performances` for its 20 summaries (docs/performance.md, "A narrow search table").
 *
 * Only live performances are here: a soft delete removes the row, so a search needs no "not deleted"
 * condition, and a hard delete cascades. Every insert or update of a performance upserts its row in
 * the same transaction (the view-flush's counter updates included: they are the sort keys); an update
 * that changes nothing the table holds writes nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE performance_search (
      id uuid PRIMARY KEY REFERENCES performances (id) ON DELETE CASCADE,
      category_id uuid NOT NULL,
      venue_id uuid NOT NULL,
      status text NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL,
      created_at timestamptz NOT NULL,
      view_count bigint NOT NULL,
      sales_count bigint NOT NULL,
      search_text text NOT NULL,
      title_jamo text,
      search_jamo text,
      search_chosung text
    )`.execute(db);
  // The same indexes as performances' text indexes (migrations 0020-0023, 0140), over this table.
  const indexes = [
    sql`CREATE INDEX performance_search_trgm ON performance_search USING gin (search_text gin_trgm_ops)`,
    sql`CREATE INDEX performance_search_bigrams ON performance_search USING gin (catalog_bigrams(search_text))`,
    sql`CREATE INDEX performance_search_chars ON performance_search USING gin (catalog_chars(search_text))`,
    sql`CREATE INDEX performance_search_vector ON performance_search
      USING gin (to_tsvector('simple', search_text))`,
    sql`CREATE INDEX performance_search_title_jamo ON performance_search USING gin (title_jamo gin_trgm_ops)`,
    sql`CREATE INDEX performance_search_jamo ON performance_search USING gin (search_jamo gin_trgm_ops)`,
    sql`CREATE INDEX performance_search_chosung ON performance_search USING gin (search_chosung gin_trgm_ops)`,
    sql`CREATE INDEX performance_search_chosung_bigrams ON performance_search
      USING gin (catalog_bigrams(search_chosung))`,
  ];
  for (const index of indexes) await index.execute(db);
  await sql`
    CREATE FUNCTION catalog_sync_performance_search() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      IF NEW.deleted_at IS NOT NULL THEN
        DELETE FROM performance_search WHERE id = NEW.id;
        RETURN NULL;
      END IF;
      INSERT INTO performance_search AS s (id, category_id, venue_id, status, start_date, end_date,
          created_at, view_count, sales_count, search_text, title_jamo, search_jamo, search_chosung)
      VALUES (NEW.id, NEW.category_id, NEW.venue_id, NEW.status, NEW.start_date, NEW.end_date,
          NEW.created_at, NEW.view_count, NEW.sales_count, NEW.search_text, NEW.title_jamo,
          NEW.search_jamo, NEW.search_chosung)
      ON CONFLICT (id) DO UPDATE SET
          category_id = EXCLUDED.category_id, venue_id = EXCLUDED.venue_id, status = EXCLUDED.status,
          start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, created_at = EXCLUDED.created_at,
          view_count = EXCLUDED.view_count, sales_count = EXCLUDED.sales_count,
          search_text = EXCLUDED.search_text, title_jamo = EXCLUDED.title_jamo,
          search_jamo = EXCLUDED.search_jamo, search_chosung = EXCLUDED.search_chosung
        WHERE s IS DISTINCT FROM EXCLUDED;
      RETURN NULL;
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER performances_search_row AFTER INSERT OR UPDATE ON performances
      FOR EACH ROW EXECUTE FUNCTION catalog_sync_performance_search()`.execute(db);
  await sql`
    INSERT INTO performance_search (id, category_id, venue_id, status, start_date, end_date, created_at,
        view_count, sales_count, search_text, title_jamo, search_jamo, search_chosung)
    SELECT id, category_id, venue_id, status, start_date, end_date, created_at, view_count, sales_count,
        search_text, title_jamo, search_jamo, search_chosung
      FROM performances WHERE deleted_at IS NULL
    ON CONFLICT (id) DO NOTHING`.execute(db);
}
