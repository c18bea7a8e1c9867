import { sql, type Kysely } from 'kysely';

/**
 * Discovery: search that forgives spacing, typos and initial consonants, and the region of a venue.
 *
 * - `catalog_jamo(t)`: lower-case text with every Hangul syllable split into its letters (compatibility
 *   jamo; double finals and compound vowels split too: 닭 → ㄷㅏㄹㄱ, 워 → ㅜㅓ). A typo changes one
 *   letter instead of a whole syllable, so trigram similarity stays high ("레미재라블" ~ "레미제라블"),
 *   and a half-typed syllable is a prefix ("레미ㅈ").
 * - `catalog_chosung(t)`: the initial consonant of every syllable, other characters lower-cased, spaces
 *   dropped ("레미제라블" → "ㄹㅁㅈㄹㅂ").
 * - performances gain generated columns (kept by PostgreSQL on every write, backfilled here):
 *   `title_jamo` (the title without spaces, as jamo), `search_jamo` (title words, the title without
 *   spaces and each cast name, as jamo) and `search_chosung` (the title and each cast name, as initial
 *   consonants), each with a pg_trgm GIN index.
 * - `catalog_region(address)`: the first word of an address as a short region name ("서울특별시" →
 *   "서울"); venues gain the generated column `region`.
 * - showtimes: an index on `sales_open_at` for the ticket-open list.
 * The TypeScript twins of these functions are in src/modules/catalog/hangul.ts (queries are converted
 * the same way); hangul.test.ts checks that both agree.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION catalog_jamo(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(string_agg(
        CASE WHEN ascii(ch) BETWEEN 44032 AND 55203 THEN
          (ARRAY['ㄱ','ㄲ','ㄴ','ㄷ','ㄸ','ㄹ','ㅁ','ㅂ','ㅃ','ㅅ','ㅆ','ㅇ','ㅈ','ㅉ','ㅊ','ㅋ','ㅌ','ㅍ','ㅎ'])
            [(ascii(ch) - 44032) / 588 + 1]
          || (ARRAY['ㅏ','ㅐ','ㅑ','ㅒ','ㅓ','ㅔ','ㅕ','ㅖ','ㅗ','ㅗㅏ','ㅗㅐ','ㅗㅣ','ㅛ','ㅜ','ㅜㅓ','ㅜㅔ','ㅜㅣ',
                    'ㅠ','ㅡ','ㅡㅣ','ㅣ'])[((ascii(ch) - 44032) % 588) / 28 + 1]
          || (ARRAY['','ㄱ','ㄲ','ㄱㅅ','ㄴ','ㄴㅈ','ㄴㅎ','ㄷ','ㄹ','ㄹㄱ','ㄹㅁ','ㄹㅂ','ㄹㅅ','ㄹㅌ','ㄹㅍ','ㄹㅎ',
                    'ㅁ','ㅂ','ㅂㅅ','ㅅ','ㅆ','ㅇ','ㅈ','ㅊ','ㅋ','ㅌ','ㅍ','ㅎ'])[(ascii(ch) - 44032) % 28 + 1]
        ELSE ch END, '' ORDER BY i), '')
      FROM unnest(string_to_array(lower(normalize(t, NFC)), NULL)) WITH ORDINALITY AS c(ch, i)
    $$`.execute(db);
  await sql`
    CREATE FUNCTION catalog_chosung(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(string_agg(
        CASE WHEN ascii(ch) BETWEEN 44032 AND 55203 THEN
          (ARRAY['ㄱ','ㄲ','ㄴ','ㄷ','ㄸ','ㄹ','ㅁ','ㅂ','ㅃ','ㅅ','ㅆ','ㅇ','ㅈ','ㅉ','ㅊ','ㅋ','ㅌ','ㅍ','ㅎ'])
            [(ascii(ch) - 44032) / 588 + 1]
        ELSE ch END, '' ORDER BY i), '')
      FROM unnest(string_to_array(regexp_replace(lower(normalize(t, NFC)), '\\s+', '', 'g'), NULL))
        WITH ORDINALITY AS c(ch, i)
    $$`.execute(db);
  // Title words, the title without spaces, and each cast name (spaces inside a name dropped). These two
  // call the functions above, so they carry the search_path they were created with: pg_restore fills
  // generated columns with an empty search_path, where an unqualified catalog_jamo would not be found.
  await sql`
    CREATE FUNCTION catalog_search_jamo(title text, "cast" text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS $$
      SELECT catalog_jamo(title || ' ' || regexp_replace(title, '\\s+', '', 'g') || ' '
        || coalesce((SELECT string_agg(regexp_replace(c, '\\s+', '', 'g'), ' ') FROM unnest("cast") AS c), ''))
    $$`.execute(db);
  await sql`
    CREATE FUNCTION catalog_search_chosung(title text, "cast" text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS $$
      SELECT catalog_chosung(title) || ' '
        || coalesce((SELECT string_agg(catalog_chosung(c), ' ') FROM unnest("cast") AS c), '')
    $$`.execute(db);
  await sql`
    ALTER TABLE performances
      ADD COLUMN title_jamo text GENERATED ALWAYS AS (catalog_jamo(regexp_replace(title, '\\s+', '', 'g'))) STORED,
      ADD COLUMN search_jamo text GENERATED ALWAYS AS (catalog_search_jamo(title, "cast")) STORED,
      ADD COLUMN search_chosung text GENERATED ALWAYS AS (catalog_search_chosung(title, "cast")) STORED`.execute(
    db,
  );
  await sql`CREATE INDEX performances_title_jamo ON performances USING gin (title_jamo gin_trgm_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX performances_search_jamo ON performances USING gin (search_jamo gin_trgm_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX performances_search_chosung ON performances USING gin (search_chosung gin_trgm_ops)`.execute(
    db,
  );
  // Suggestions for one or two typed letters: a prefix of the title, through a b-tree.
  await sql`CREATE INDEX performances_title_jamo_prefix ON performances (title_jamo text_pattern_ops)
    WHERE deleted_at IS NULL`.execute(db);

  await sql`
    CREATE FUNCTION catalog_region(address text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT CASE
        WHEN w IN ('서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종', '경기', '강원', '충북', '충남',
                   '전북', '전남', '경북', '경남', '제주') THEN w
        WHEN w ~ '^(서울|부산|대구|인천|광주|대전|울산|세종)' THEN substr(w, 1, 2)
        WHEN w ~ '^경기' THEN '경기'
        WHEN w ~ '^강원' THEN '강원'
        WHEN w ~ '^충청북|^충북' THEN '충북'
        WHEN w ~ '^충청남|^충남' THEN '충남'
        WHEN w ~ '^전라북|^전북' THEN '전북'
        WHEN w ~ '^전라남|^전남' THEN '전남'
        WHEN w ~ '^경상북|^경북' THEN '경북'
        WHEN w ~ '^경상남|^경남' THEN '경남'
        WHEN w ~ '^제주' THEN '제주'
        ELSE NULL END
      FROM (SELECT split_part(btrim(normalize(address, NFC)), ' ', 1) AS w) AS a
    $$`.execute(db);
  await sql`ALTER TABLE venues ADD COLUMN region text GENERATED ALWAYS AS (catalog_region(address)) STORED`.execute(
    db,
  );
  await sql`CREATE INDEX venues_region ON venues (region) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE INDEX showtimes_sales_open ON showtimes (sales_open_at) WHERE deleted_at IS NULL`.execute(
    db,
  );
}
