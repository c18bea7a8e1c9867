import { sql, type Kysely } from 'kysely';

/**
 * Search keys too short for a trigram. pg_trgm indexes three-character windows, so two searches
 * could only be answered by reading every performance:
 * - a one-character word ("별", "꿈"): `catalog_chars(search_text)`, the distinct characters of the
 *   text (spaces and control characters left out), in a GIN-indexed array; containing the character
 *   is containing the word;
 * - two initial consonants ("ㅈㅇ"): the two-character windows of `search_chosung` (catalog_bigrams of
 *   migration 0021), in a GIN-indexed array, as search_bigrams does for two-character words.
 * Both are expression indexes, not stored columns: the rows stay as wide as they were (every search
 * reads them), and the arrays are only ever compared, never returned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION catalog_chars(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT ch), '{}')
      FROM unnest(string_to_array(t, NULL)) AS ch
      WHERE ch > ' '
    $$`.execute(db);
  await sql`CREATE INDEX performances_search_chars ON performances USING gin (catalog_chars(search_text))`.execute(
    db,
  );
  await sql`CREATE INDEX performances_search_chosung_bigrams ON performances
    USING gin (catalog_bigrams(search_chosung))`.execute(db);
}
