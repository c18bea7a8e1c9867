import { sql, type SqlBool, type Expression } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { StoredPerformanceStatus } from './catalog.tables.ts';
import type { PerformanceStatus } from './catalog.schemas.ts';
import './catalog.tables.ts';

export interface SearchFilter {
  /** Normalized (trimmed, lower-case, single spaces); empty means no text filter. */
  q: string;
  category?: string;
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
  minPrice: number | null;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The distinct two-character windows of a word, as catalog_bigrams() stores them. */
export function bigramsOf(word: string): string[] {
  const chars = [...word];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/**
 * One query word as a substring of search_text. pg_trgm's GIN index serves words of three characters
 * or more; a two-character word ("유령") holds no trigram, so the bigram index finds its candidates
 * and LIKE confirms them. A single character is checked by LIKE alone.
 */
function wordCondition(word: string): Expression<SqlBool> {
  const like = sql<SqlBool>`p.search_text LIKE ${likePattern(word)}`;
  if ([...word].length !== 2) return like;
  return sql<SqlBool>`(p.search_bigrams @> ${bigramsOf(word)}::text[] AND ${like})`;
}

/**
 * Listing and search in one query (page + total via a window count). Text matches either the
 * full-text vector (whole words, any order) or, word by word, substrings of search_text through the
 * trigram and bigram indexes, which is what finds Korean partial words ("레미제" → "레미제라블", "유령").
 */
export class SearchRepository {
  async search(db: DbOrTx, f: SearchFilter): Promise<{ rows: SummaryRow[]; total: number }> {
    const rows = await this.pageQuery(db, f).execute();
    if (rows.length > 0) return { rows, total: Number(rows[0]!.total) };
    if (f.page === 1) return { rows: [], total: 0 };
    // Past the last page the window count has no row to ride on: count separately.
    const counted = await this.matching(db, f)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return { rows: [], total: Number(counted.n) };
  }

  /** The page of matches with the total riding on each row (exposed so tests can EXPLAIN it). */
  pageQuery(db: DbOrTx, f: SearchFilter) {
    // With a text query the matches come from the text indexes. An order a b-tree could serve tempts
    // the planner to walk that index and test the text condition on every performance (it prices those
    // tests as nearly free; ~10× slower in bench/catalog), so the key is wrapped to keep its order only.
    const indexFree = (column: Expression<unknown>, zero: Expression<unknown>) =>
      f.q ? sql`(${column} + ${zero})` : column;
    const orderBy: Record<SearchFilter['sort'], Expression<unknown>> = {
      popular: sql`p.sales_count DESC, p.view_count DESC`,
      latest: sql`${indexFree(sql.ref('p.created_at'), sql`interval '0 s'`)} DESC`,
      date: sql`${indexFree(sql.ref('p.start_date'), sql.lit(0))} ASC`,
      views: sql`p.view_count DESC`,
    };
    return this.matching(db, f)
      .select([
        'p.id',
        'p.title',
        'p.start_date as startDate',
        'p.end_date as endDate',
        'p.poster_url as posterUrl',
        'p.status',
        'p.view_count as viewCount',
        'p.sales_count as salesCount',
        'c.id as categoryId',
        'c.name as categoryName',
        'c.slug as categorySlug',
        'v.id as venueId',
        'v.name as venueName',
        sql<
          number | null
        >`(SELECT min(pp.price) FROM performance_prices pp WHERE pp.performance_id = p.id)`.as('minPrice'),
        sql<number>`count(*) OVER ()`.as('total'),
      ])
      .orderBy(orderBy[f.sort])
      .orderBy('p.id')
      .limit(f.size)
      .offset((f.page - 1) * f.size);
  }

  private matching(db: DbOrTx, f: SearchFilter) {
    let query = db
      .selectFrom('performances as p')
      .innerJoin('categories as c', 'c.id', 'p.category_id')
      .innerJoin('venues as v', 'v.id', 'p.venue_id')
      .where('p.deleted_at', 'is', null);
    if (!f.includeDrafts) query = query.where('p.status', '<>', 'DRAFT');
    if (f.q) query = query.where(textCondition(f.q));
    if (f.category) query = query.where('c.slug', '=', f.category);
    // A performance runs over a period: it is in [from, to] when the periods overlap.
    if (f.from) query = query.where('p.end_date', '>=', f.from);
    if (f.to) query = query.where('p.start_date', '<=', f.to);
    if (f.status) query = query.where(statusCondition(f.status, f.today));
    return query;
  }
}

/**
 * search_text and q are both lower-case, so LIKE (several times cheaper than ILIKE on UTF-8) is enough:
 * whole words through the full-text vector, or each word as a substring, in any order.
 */
function textCondition(q: string): Expression<SqlBool> {
  const words = sql.join(q.split(' ').map(wordCondition), sql` AND `);
  return sql<SqlBool>`(p.search_vector @@ plainto_tsquery('simple', ${q}) OR (${words}))`;
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
