import { sql, type Kysely } from 'kysely';

/**
 * Two-character search words. pg_trgm indexes three-character windows, so a two-syllable Korean
 * word ("유령", "정원") could only be found by scanning every performance. The distinct two-character
 * windows of each word of search_text, in a GIN-indexed array, let such a word be looked up first
 * and confirmed by LIKE on the few rows found (what the pg_bigm extension does, in plain SQL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION catalog_bigrams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT substr(w, i, 2)), '{}')
      FROM regexp_split_to_table(t, '\\s+') AS w, generate_series(1, char_length(w) - 1) AS i
    $$`.execute(db);
  await sql`
    ALTER TABLE performances
      ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS (catalog_bigrams(search_text)) STORED`.execute(db);
  await sql`CREATE INDEX performances_search_bigrams ON performances USING gin (search_bigrams)`.execute(db);
}
