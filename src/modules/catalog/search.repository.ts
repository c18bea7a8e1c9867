import { sql, type SqlBool, type Expression } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { StoredPerformanceStatus } from './catalog.tables.ts';
import type { PerformanceStatus } from './catalog.schemas.ts';
import './catalog.tables.ts';
import { chosung, isChosungQuery, jamo } from './hangul.ts';
import type { GenreWord } from './genres.ts';

export interface SearchFilter {
  /** Normalized (trimmed, lower-case, single spaces), genre words taken out; empty means no text filter. */
  q: string;
  /** Genre words of the query ("뮤지컬"): each matches its categories or its text. */
  genres?: GenreWord[];
  category?: string;
  /** A short region name (venues.region: 서울, 경기, 부산…). */
  region?: string;
  /** Some grade's price lies within [priceMin, priceMax] (KRW). */
  priceMin?: number;
  priceMax?: number;
  from?: string;
  to?: string;
  status?: PerformanceStatus;
  sort: 'popular' | 'latest' | 'date' | 'views';
  page: number;
  size: number;
  includeDrafts: boolean;
  /** Today in Korea ('YYYY-MM-DD', from the service's clock): the day an ENDED status is computed against. */
  today: string;
}

export interface SummaryRow {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  posterUrl: string | null;
  status: StoredPerformanceStatus;
  viewCount: number;
  salesCount: number;
  categoryId: string;
  categoryName: string;
  categorySlug: string;
  venueId: string;
  venueName: string;
  venueRegion: string | null;
  minPrice: number | null;
}

export interface SuggestionRow {
  id: string;
  title: string;
  posterUrl: string | null;
  categoryId: string;
  categoryName: string;
  categorySlug: string;
}

export interface OpeningRow {
  showtimeId: string;
  startsAt: Date;
  salesOpenAt: Date;
  performanceId: string;
  title: string;
  posterUrl: string | null;
  startDate: string;
  endDate: string;
  categoryId: string;
  categoryName: string;
  categorySlug: string;
  venueId: string;
  venueName: string;
  venueRegion: string | null;
}

/**
 * A summary's columns, of performances p, categories c and venues v. Search and listings are written
 * as SQL templates rather than through the query builder: building and compiling this query with the
 * builder was a sixth of the API's CPU per search (docs/performance.md, "A narrow search table").
 */
const SUMMARY_COLUMNS = sql.raw(`p.id, p.title, p.start_date AS "startDate", p.end_date AS "endDate",
  p.poster_url AS "posterUrl", p.status, p.view_count AS "viewCount", p.sales_count AS "salesCount",
  c.id AS "categoryId", c.name AS "categoryName", c.slug AS "categorySlug",
  v.id AS "venueId", v.name AS "venueName", v.region AS "venueRegion",
  (SELECT min(pp.price) FROM performance_prices pp WHERE pp.performance_id = p.id) AS "minPrice"`);
const SUMMARY_JOINS = sql.raw(`JOIN categories c ON c.id = p.category_id JOIN venues v ON v.id = p.venue_id`);

/** Each sort's order, over the matches (p) and over the page chosen from them (m). */
const ORDERS: Record<SearchFilter['sort'], { matches: Expression<unknown>; page: Expression<unknown> }> = {
  popular: {
    matches: sql`p.sales_count DESC, p.view_count DESC, p.id`,
    page: sql`m.sales_count DESC, m.view_count DESC, m.id`,
  },
  latest: { matches: sql`p.created_at DESC, p.id`, page: sql`m.created_at DESC, m.id` },
  date: { matches: sql`p.start_date ASC, p.id`, page: sql`m.start_date ASC, m.id` },
  views: { matches: sql`p.view_count DESC, p.id`, page: sql`m.view_count DESC, m.id` },
};

/** How the text is matched: the words as typed, or what spacing, initials and typos find. */
export type TextMode = 'exact' | 'loose';

/** Typo matching starts at this many letters (jamo): shorter keys are too easily "similar". */
const FUZZY_MIN_LETTERS = 5;
/** The most words a typo is corrected to (the closest ones). */
const MAX_CORRECTIONS = 20;
/** Words scored per typo before the one-edit test (the most similar first). */
const CORRECTION_CANDIDATES = 100;
/**
 * The similarity a whole title needs to a query (as jamo) to count as a typo of it. The index finds
 * candidates at pg_trgm's default `similarity_threshold` (0.3); this keeps the closer ones. One wrong
 * letter in a five-syllable title scores 0.6; unrelated titles stay under 0.3.
 */
const TITLE_SIMILARITY = 0.4;

const escapeLike = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);
function likePattern(q: string): string {
  return `%${escapeLike(q)}%`;
}
function prefixPattern(q: string): string {
  return `${escapeLike(q)}%`;
}

/** The distinct two-character windows of a word, as catalog_bigrams() stores them. */
export function bigramsOf(word: string): string[] {
  const chars = [...word];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/**
 * Where a condition finds a performance's two-character windows and full-text vector: the stored
 * columns of performances (suggestions, listings by genre word alone), or the same expressions over
 * search_text in performance_search, whose indexes are expression indexes (migration 0155).
 */
interface TextColumns {
  bigrams: Expression<unknown>;
  vector: Expression<unknown>;
}
const PERFORMANCES_TEXT: TextColumns = { bigrams: sql`p.search_bigrams`, vector: sql`p.search_vector` };
const SEARCH_TABLE_TEXT: TextColumns = {
  bigrams: sql`catalog_bigrams(p.search_text)`,
  vector: sql`to_tsvector('simple', p.search_text)`,
};

/**
 * One query word as a substring of search_text. pg_trgm's GIN index serves words of three characters
 * or more; a two-character word ("유령") holds no trigram, so the bigram index finds its candidates
 * and LIKE confirms them; a single character ("별") is looked up in the characters index of migration
 * 0140 (holding the character is holding the word, no LIKE needed).
 */
function wordCondition(word: string, columns: TextColumns): Expression<SqlBool> {
  const length = [...word].length;
  if (length === 1) return sql<SqlBool>`catalog_chars(p.search_text) @> ARRAY[${word}]::text[]`;
  const like = sql<SqlBool>`p.search_text LIKE ${likePattern(word)}`;
  if (length !== 2) return like;
  return sql<SqlBool>`(${columns.bigrams} @> ${bigramsOf(word)}::text[] AND ${like})`;
}

/**
 * Listing and search in one query (page + total via a window count). Text matches either the
 * full-text vector (whole words, any order) or, word by word, substrings of search_text through the
 * trigram and bigram indexes, which is what finds Korean partial words ("레미제" → "레미제라블", "유령").
 */
export class SearchRepository {
  /**
   * The words as typed first; only when nothing matches them, what spacing, initial consonants or a
   * typo would find ("did you mean"): exact matches are never drowned by near ones, and a query that
   * finds something costs the same plan as before.
   */
  async search(
    db: DbOrTx,
    f: SearchFilter,
    /** `db`'s sessions already price sequential scans out (the text-search pool): no transaction needed. */
    opts: { scansPricedOut?: boolean } = {},
  ): Promise<{ rows: SummaryRow[]; total: number; loose: boolean }> {
    const run = async (conn: DbOrTx) => {
      const exact = await this.searchIn(conn, f, 'exact');
      if (exact.total > 0 || !f.q || looseConditions(f.q).length === 0) return { ...exact, loose: false };
      const corrections = await this.correctionsOf(conn, f.q);
      const loose = await this.searchIn(conn, f, 'loose', corrections);
      return loose.total > 0 ? { ...loose, loose: true } : { ...exact, loose: false };
    };
    return opts.scansPricedOut ? run(db) : this.textPlans(db, f, run);
  }

  /**
   * The words of titles and cast names a typo of at least FUZZY_MIN_LETTERS letters may mean, as jamo,
   * closest first: each holds an extent as similar to the query as pg_trgm's word similarity threshold
   * (0.6) asks (the test `search_jamo %> key` applied to each performance before, migration 0150), or
   * is one edit away from it.
   */
  async correctionsOf(db: DbOrTx, q: string): Promise<string[]> {
    const key = typoKey(q);
    if (key === undefined) return [];
    // Two ways a word is close: an extent of it as similar as pg_trgm's word threshold (0.6) asks, or
    // the whole word one letter off. One wrong letter changes three trigrams, so a word of three
    // syllables (7-8 letters) one letter off scores 0.45-0.5, under the first threshold ("교항곡" for
    // 교향곡): such words are fetched by plain similarity (pg_trgm's 0.3, the same index) and kept when
    // they are one edit away.
    const { rows } = await sql<{ word: string; close: boolean }>`
      SELECT word, word %> ${key} AS close FROM performance_search_words
       WHERE word %> ${key} OR word % ${key}
       ORDER BY word_similarity(${key}, word) DESC, word
       LIMIT ${CORRECTION_CANDIDATES}`.execute(db);
    return rows
      .filter((r) => r.close || withinOneEdit(r.word, key))
      .slice(0, MAX_CORRECTIONS)
      .map((r) => r.word);
  }

  /** The plan of pageQuery as search() runs it (for tests): EXPLAIN's lines. */
  async explain(
    db: DbOrTx,
    f: SearchFilter,
    mode: TextMode = 'exact',
    analyze = false,
    corrections: readonly string[] = [],
  ): Promise<string> {
    const compiled = this.pageQuery(f, mode, corrections).compile(db);
    return this.textPlans(db, f, async (conn) => {
      const explained = await conn.executeQuery<{ 'QUERY PLAN': string }>({
        ...compiled,
        sql: `EXPLAIN ${analyze ? '(ANALYZE) ' : ''}${compiled.sql}`,
      });
      return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  /**
   * Runs a text search with sequential scans of the table priced out. Every text condition has an
   * index (trigram, bigram, characters, initials); the planner prices LIKE, tsquery and trigram
   * similarity as nearly free and page reads as from disk, so for a common word ("하늘", a tenth of
   * the catalogue) it scanned every performance and tested each one: 5-10× slower than the bitmap of
   * the matches, and growing with the catalogue. The other way around the text indexes, walking a
   * b-tree from end to end, does not exist in performance_search (its only b-tree is the primary
   * key). Listings without text keep the planner's own plan.
   * SET LOCAL lasts for the transaction: its own one here (BEGIN and SET in one round trip), or the
   * caller's, if it passed one.
   */
  private async textPlans<T>(db: DbOrTx, f: SearchFilter, run: (db: DbOrTx) => Promise<T>): Promise<T> {
    if (!f.q) return run(db);
    if (db.isTransaction) {
      await sql`SET LOCAL enable_seqscan = off`.execute(db);
      return run(db);
    }
    return db.connection().execute(async (conn) => {
      await sql.raw('BEGIN READ ONLY; SET LOCAL enable_seqscan = off').execute(conn);
      try {
        const out = await run(conn);
        await sql.raw('COMMIT').execute(conn);
        return out;
      } catch (err) {
        await sql.raw('ROLLBACK').execute(conn);
        throw err;
      }
    });
  }

  private async searchIn(
    db: DbOrTx,
    f: SearchFilter,
    mode: TextMode,
    corrections: readonly string[] = [],
  ): Promise<{ rows: SummaryRow[]; total: number }> {
    const { rows } = await this.pageQuery(f, mode, corrections).execute(db);
    if (rows.length > 0) return { rows, total: Number(rows[0]!.total) };
    if (f.page === 1) return { rows: [], total: 0 };
    // Past the last page the window count has no row to ride on: count separately.
    const counted = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM ${this.matching(f, mode, corrections)}`.execute(db);
    return { rows: [], total: Number(counted.rows[0]!.n) };
  }

  /** The page of matches with the total riding on each row (exposed so tests can EXPLAIN it). */
  pageQuery(f: SearchFilter, mode: TextMode = 'exact', corrections: readonly string[] = []) {
    // With a text query the matches come from the text indexes of performance_search, which has no
    // b-tree on a sort key: the planner cannot walk one and test the text condition on every
    // performance instead (it prices those tests as nearly free; ~10× slower in bench/catalog).
    // The page is chosen from the matches alone (id, sort keys, the count riding on each row); the
    // summary is joined for the page only. Carrying every column of every match (and its category and
    // venue) through the count and the sort cost ~10× at 100,000 performances (a common word has
    // 20,000 matches, more than work_mem holds).
    const order = ORDERS[f.sort];
    return sql<SummaryRow & { total: number }>`
      SELECT ${SUMMARY_COLUMNS}, m.total
        FROM (SELECT p.id, p.sales_count, p.view_count, p.created_at, p.start_date, count(*) OVER () AS total
                FROM ${this.matching(f, mode, corrections)}
               ORDER BY ${order.matches} LIMIT ${f.size} OFFSET ${(f.page - 1) * f.size}) AS m
        JOIN performances p ON p.id = m.id ${SUMMARY_JOINS}
       ORDER BY ${order.page}`;
  }

  /** Summaries of the public (not deleted, not DRAFT) performances among `ids`, in no order. */
  async summariesOf(db: DbOrTx, ids: string[]): Promise<SummaryRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<SummaryRow>`
      SELECT ${SUMMARY_COLUMNS} FROM performances p ${SUMMARY_JOINS}
       WHERE p.id = ANY(${ids}::uuid[]) AND p.deleted_at IS NULL AND p.status <> 'DRAFT'`.execute(db);
    return rows;
  }

  /**
   * Up to `limit` public, not ended performances for the search box: titles and cast by prefix,
   * substring, initial consonants or a typo; title prefixes first, then the popular ones.
   */
  async suggestions(
    db: DbOrTx,
    s: { q: string; genres: GenreWord[]; today: string; limit: number },
  ): Promise<SuggestionRow[]> {
    let query = db
      .selectFrom('performances as p')
      .innerJoin('categories as c', 'c.id', 'p.category_id')
      .select([
        'p.id',
        'p.title',
        'p.poster_url as posterUrl',
        'c.id as categoryId',
        'c.name as categoryName',
        'c.slug as categorySlug',
      ])
      .where('p.deleted_at', 'is', null)
      .where('p.status', '<>', 'DRAFT')
      .where('p.end_date', '>=', s.today);
    for (const g of s.genres) query = query.where(genreCondition(g, PERFORMANCES_TEXT));
    if (s.q) {
      const compact = s.q.replace(/ /g, '');
      const key = isChosungQuery(compact) ? chosung(compact) : jamo(compact);
      const prefix = isChosungQuery(compact)
        ? sql<SqlBool>`p.search_chosung LIKE ${prefixPattern(key)}`
        : sql<SqlBool>`p.title_jamo LIKE ${prefixPattern(key)}`;
      const loose = looseConditions(s.q);
      // One or two letters: title prefixes only (a b-tree serves them; no trigram fits).
      query = query
        .where(loose.length > 0 ? sql<SqlBool>`(${prefix} OR ${sql.join(loose, sql` OR `)})` : prefix)
        .orderBy(sql`(${prefix}) DESC`);
    }
    return query
      .orderBy('p.sales_count', 'desc')
      .orderBy('p.view_count', 'desc')
      .orderBy('p.id')
      .limit(s.limit)
      .execute();
  }

  /**
   * The ticket-open list: showtimes of public, on-sale, not ended performances whose sales open in
   * (after, until], soonest first (served by the index showtimes_sales_open).
   */
  async openingSoon(
    db: DbOrTx,
    o: { after: Date; until: Date; today: string; category?: string; maxShowtimes: number },
  ): Promise<OpeningRow[]> {
    return db
      .selectFrom('showtimes as s')
      .innerJoin('performances as p', 'p.id', 's.performance_id')
      .innerJoin('categories as c', 'c.id', 'p.category_id')
      .innerJoin('venues as v', 'v.id', 'p.venue_id')
      .select([
        's.id as showtimeId',
        's.starts_at as startsAt',
        's.sales_open_at as salesOpenAt',
        'p.id as performanceId',
        'p.title',
        'p.poster_url as posterUrl',
        'p.start_date as startDate',
        'p.end_date as endDate',
        'c.id as categoryId',
        'c.name as categoryName',
        'c.slug as categorySlug',
        'v.id as venueId',
        'v.name as venueName',
        'v.region as venueRegion',
      ])
      .where('s.deleted_at', 'is', null)
      .where('s.sales_open_at', '>', o.after)
      .where('s.sales_open_at', '<=', o.until)
      .where('p.deleted_at', 'is', null)
      .where('p.status', '=', 'ON_SALE')
      .where('p.end_date', '>=', o.today)
      .$if(o.category !== undefined, (qb) => qb.where('c.slug', '=', o.category!))
      .orderBy('s.sales_open_at')
      .orderBy('s.starts_at')
      .limit(o.maxShowtimes)
      .execute();
  }

  /**
   * What a page is chosen from, as a FROM and WHERE. A text query reads performance_search (migration
   * 0155): live performances only, three times as many to a heap page, every match of a word counted
   * and sorted there. A listing without text reads performances, whose partial b-trees serve its
   * orders and filters.
   */
  private matching(
    f: SearchFilter,
    mode: TextMode,
    corrections: readonly string[] = [],
  ): Expression<unknown> {
    const where: Expression<SqlBool>[] = [];
    if (!f.q) where.push(sql<SqlBool>`p.deleted_at IS NULL`);
    if (!f.includeDrafts) where.push(sql<SqlBool>`p.status <> 'DRAFT'`);
    const columns = f.q ? SEARCH_TABLE_TEXT : PERFORMANCES_TEXT;
    if (f.q) where.push(mode === 'exact' ? exactCondition(f.q, columns) : looseCondition(f.q, corrections));
    for (const g of f.genres ?? []) where.push(genreCondition(g, columns));
    // Category and region as lookups, not joins: the matches are counted and sorted on their own.
    if (f.category)
      where.push(sql<SqlBool>`p.category_id IN (SELECT id FROM categories WHERE slug = ${f.category})`);
    if (f.region) where.push(sql<SqlBool>`p.venue_id IN (SELECT id FROM venues WHERE region = ${f.region})`);
    if (f.priceMin !== undefined || f.priceMax !== undefined) {
      where.push(sql<SqlBool>`EXISTS (SELECT 1 FROM performance_prices pp WHERE pp.performance_id = p.id
          AND pp.price >= ${f.priceMin ?? 0} AND pp.price <= ${f.priceMax ?? 2_147_483_647})`);
    }
    // A performance runs over a period: it is in [from, to] when the periods overlap.
    if (f.from) where.push(sql<SqlBool>`p.end_date >= ${f.from}`);
    if (f.to) where.push(sql<SqlBool>`p.start_date <= ${f.to}`);
    if (f.status) where.push(statusCondition(f.status, f.today));
    const table = f.q ? sql`performance_search p` : sql`performances p`;
    // Never empty: a text condition, or "not deleted".
    return sql`${table} WHERE ${sql.join(where, sql` AND `)}`;
  }
}

/**
 * A query whose words are runs of Hangul, Latin or Han letters and ASCII digits. The 'simple' parser
 * makes each such word one token, itself (q is already lower-case), so a performance holding the words
 * as whole tokens holds them as substrings too: the full-text match adds nothing to the word-by-word
 * one. search-plan.test.ts checks that premise against the database's own parser.
 */
export const PLAIN_QUERY = /^(?:[0-9 ]|(?=\p{L})[\p{sc=Hangul}\p{sc=Latin}\p{sc=Han}])+$/u;

/**
 * search_text and q are both lower-case, so LIKE (several times cheaper than ILIKE on UTF-8) is enough:
 * each word as a substring, in any order, or, for a query with punctuation or other scripts ("e-mail",
 * "x²", which the parser splits or trims), whole words through the full-text vector as well. A plain
 * query leaves the vector out: OR-ing it in made PostgreSQL recheck both conditions on every match, about
 * twice the work of a common word (docs/performance.md, "Search and refusals").
 */
function exactCondition(q: string, columns: TextColumns): Expression<SqlBool> {
  const words = sql.join(
    q.split(' ').map((word) => wordCondition(word, columns)),
    sql` AND `,
  );
  if (PLAIN_QUERY.test(q)) return sql<SqlBool>`(${words})`;
  return sql<SqlBool>`(${columns.vector} @@ plainto_tsquery('simple', ${q}) OR (${words}))`;
}

/**
 * What else finds a performance when the words are not found as typed, each through a trigram index
 * of migration 0023 (the query converted by hangul.ts exactly as the columns were):
 * - initial consonants only ("ㄹㅁㅈㄹㅂ"): a substring of the title's or a cast name's initials;
 * - spacing and half-typed syllables ("레 미제라블", "오페라의유령", "레미ㅈ"): the query without spaces, as
 *   letters, is a substring of the title words, the title without spaces or a cast name;
 * - typos ("레미재라블"), from five letters: with `corrections` (SearchRepository.correctionsOf, the
 *   words of titles and cast the typo is close to), a performance holding one of them; without (no
 *   single word is close: "오페라의 유룡", typed across two words), a word of the title or cast similar
 *   to the query (word_similarity ≥ pg_trgm's 0.6), or the whole title similar to it
 *   (≥ TITLE_SIMILARITY), tested on each performance sharing a trigram with it.
 */
export function looseConditions(q: string, corrections: readonly string[] = []): Expression<SqlBool>[] {
  const compact = q.replace(/ /g, '');
  if (isChosungQuery(compact)) {
    const key = chosung(compact);
    const length = [...key].length;
    if (length < 2) return [];
    const like = sql<SqlBool>`p.search_chosung LIKE ${likePattern(key)}`;
    // Two initials hold no trigram: the windows index of migration 0140 finds them.
    return length === 2
      ? [sql<SqlBool>`(catalog_bigrams(p.search_chosung) @> ARRAY[${key}]::text[] AND ${like})`]
      : [like];
  }
  const key = jamo(compact);
  const letters = [...key].length;
  const out: Expression<SqlBool>[] = [];
  if (letters >= 3) out.push(sql<SqlBool>`p.search_jamo LIKE ${likePattern(key)}`);
  if (letters < FUZZY_MIN_LETTERS) return out;
  if (corrections.length > 0) {
    // A corrected word is looked up as a typed one is: a substring, through the trigram index.
    for (const word of corrections) out.push(sql<SqlBool>`p.search_jamo LIKE ${likePattern(word)}`);
  } else {
    // The title without spaces is a whole word of search_jamo, so a title similar to the query makes
    // search_jamo similar too (the same matches): tested first, on a third of the letters, it spares a
    // match whose title is similar the costlier test of search_jamo (~20 % off a typo of a title's
    // first word in bench:hot's data; the typos are the costliest queries of its search mix).
    out.push(sql<SqlBool>`(p.title_jamo %> ${key} OR p.search_jamo %> ${key})`);
    out.push(
      sql<SqlBool>`(p.title_jamo % ${key} AND similarity(p.title_jamo, ${key}) >= ${TITLE_SIMILARITY})`,
    );
  }
  return out;
}

/** The query as the letters a typo is matched on (jamo, no spaces); none for initials or short keys. */
function typoKey(q: string): string | undefined {
  const compact = q.replace(/ /g, '');
  if (isChosungQuery(compact)) return undefined;
  const key = jamo(compact);
  return [...key].length >= FUZZY_MIN_LETTERS ? key : undefined;
}

/**
 * Whether `a` becomes `b` by at most one edit: a letter changed, added or dropped, or two neighbours
 * swapped (the typos of a keyboard). Letters are code points (jamo, for the typo words).
 */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const rest = (from: string[], at: number, to: string[], at2: number) =>
    from.slice(at).join('') === to.slice(at2).join('');
  if (i === x.length && i === y.length) return true;
  if (x.length === y.length) {
    if (rest(x, i + 1, y, i + 1)) return true; // one letter changed
    return x[i] === y[i + 1] && x[i + 1] === y[i] && rest(x, i + 2, y, i + 2); // neighbours swapped
  }
  return x.length > y.length ? rest(x, i + 1, y, i) : rest(x, i, y, i + 1); // one letter dropped or added
}

function looseCondition(q: string, corrections: readonly string[]): Expression<SqlBool> {
  const loose = looseConditions(q, corrections);
  return loose.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(loose, sql` OR `)})`;
}

/** A genre word: a performance of one of its categories, or one whose text has the word. */
function genreCondition(g: GenreWord, columns: TextColumns): Expression<SqlBool> {
  const ids = g.categoryIds.length > 0 ? g.categoryIds : ['00000000-0000-0000-0000-000000000000'];
  return sql<SqlBool>`(p.category_id = ANY(${ids}::uuid[]) OR ${exactCondition(g.word, columns)})`;
}

function statusCondition(status: PerformanceStatus, today: string): Expression<SqlBool> {
  switch (status) {
    case 'ENDED':
      return sql<SqlBool>`(p.end_date < ${today}::date AND p.status <> 'DRAFT')`;
    case 'DRAFT':
      return sql<SqlBool>`p.status = 'DRAFT'`;
    default:
      return sql<SqlBool>`(p.status = ${status} AND p.end_date >= ${today}::date)`;
  }
}
