import { sql, type Kysely } from 'kysely';

/**
 * The words a typo is corrected to: every word of a title and every cast name (spaces inside a name
 * dropped), as jamo, the way `search_jamo` holds them (migration 0023), in `performance_search_words`
 * with a pg_trgm GIN index.
 *
 * A typo ("잃어버릿") used to be tested for similarity against the whole `search_jamo` of every
 * performance sharing a trigram with it: a word of a tenth of the catalogue meant a tenth of the rows
 * re-scored at 25-80 µs each. Against this table it is scored on a few hundred words, and the
 * performances are then found by the corrected words through the trigram index, as a typed word is
 * (docs/performance.md, "Search").
 *
 * A trigger adds the words of a performance when it is created or its title or cast change. Words are
 * never removed: a word no performance holds any more finds nothing when a typo is corrected to it,
 * which costs one more index lookup, not a wrong answer. Inserts are sorted so two concurrent writers
 * of the same new words wait for each other in one order instead of deadlocking.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE performance_search_words (word text PRIMARY KEY)`.execute(db);
  await sql`CREATE INDEX performance_search_words_trgm ON performance_search_words
    USING gin (word gin_trgm_ops)`.execute(db);
  // Words without a letter (a number in a title, punctuation) are never what a typo meant.
  await sql`
    CREATE FUNCTION catalog_search_words(title text, "cast" text[]) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
      SELECT DISTINCT w FROM (
        SELECT regexp_split_to_table(catalog_jamo(title), '\\s+') AS w
        UNION ALL
        SELECT catalog_jamo(regexp_replace(c, '\\s+', '', 'g')) FROM unnest("cast") AS c
      ) AS words
      WHERE length(w) >= 2 AND w !~ '^[0-9[:punct:]]*$'
    $$`.execute(db);
  await sql`
    CREATE FUNCTION catalog_remember_search_words() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      INSERT INTO performance_search_words (word)
      SELECT w FROM catalog_search_words(NEW.title, NEW."cast") AS w ORDER BY w
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER performances_search_words AFTER INSERT OR UPDATE OF title, "cast" ON performances
      FOR EACH ROW EXECUTE FUNCTION catalog_remember_search_words()`.execute(db);
  await sql`
    INSERT INTO performance_search_words (word)
    SELECT DISTINCT w FROM performances p, catalog_search_words(p.title, p."cast") AS w
    ON CONFLICT DO NOTHING`.execute(db);
}
