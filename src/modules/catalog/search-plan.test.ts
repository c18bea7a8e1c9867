import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { ensureCategories } from '../../seed.ts';
import { PLAIN_QUERY, SearchRepository, type SearchFilter, type TextMode } from './search.repository.ts';
import { kstDay } from './calendar.ts';
import { jamo } from './hangul.ts';

/**
 * Search must stay an index lookup as the catalogue grows: on ten thousand analyzed performances,
 * every kind of query (a word of one, two or more characters, initial consonants, spacing, typos) is
 * answered from the text indexes, never by reading every performance (a sequential scan, or a walk
 * of a whole b-tree with the text tested on each row), however common the word is.
 */
describe('catalogue search plans', () => {
  let t: TestApp & { env: TestEnv };

  beforeAll(async () => {
    t = await setupTestApp();
    const db = t.container.db;
    await ensureCategories({ db });
    const venue = await sql<{ id: string }>`
      INSERT INTO venues (name, address, seat_count) VALUES ('플랜 아트홀', '서울', 100) RETURNING id`.execute(
      db,
    );
    // Ten thousand rows through the search triggers and GIN indexes can outlast the pool's 15 s
    // statement timeout on a busy CI machine; the seed is setup, not the thing under test.
    await db.connection().execute(async (seedConnection) => {
      await sql`SET statement_timeout = 0`.execute(seedConnection);
      await sql`
      INSERT INTO performances (title, description, category_id, venue_id, start_date, end_date, running_minutes,
                                age_rating, "cast", status, search_text, created_at)
      SELECT t.title, t.description, (SELECT id FROM categories ORDER BY sort_order LIMIT 1), ${venue.rows[0]!.id},
             current_date + i % 90, current_date + i % 90 + 30, 100, 0, ARRAY['배우' || (i % 50)], 'ON_SALE',
             lower(t.title || ' 배우' || (i % 50) || ' 플랜 아트홀 ' || t.description),
             now() - i * interval '1 minute'
      FROM generate_series(1, 10000) AS i
      CROSS JOIN LATERAL (
        SELECT CASE WHEN i % 2000 = 0 THEN '햄릿' ELSE '공연' END || ' 시즌 ' || i || ' phantom' || i
                 || CASE WHEN i % 20 = 0 THEN ' 유령' ELSE '' END AS title,
               '무대 위의 이야기 ' || i || ': 배우들이 들려주는 사랑과 이별, 그리고 다시 만나는 계절의 노래. '
                 || 'A story told on stage, number ' || i AS description
      ) AS t`.execute(seedConnection);
      // As autovacuum would: merges the GIN pending lists and gathers statistics.
      await sql`VACUUM ANALYZE performances, performance_search`.execute(seedConnection);
      await sql`RESET statement_timeout`.execute(seedConnection);
    });
    // The same seed took 17 s alone and over 60 s beside the rest of the suite on two cores.
  }, 240_000);
  afterAll(() => t.close());

  const planOf = async (
    q: string,
    sort: SearchFilter['sort'] = 'popular',
    mode: TextMode = 'exact',
  ): Promise<string> => {
    const filter: SearchFilter = {
      q,
      sort,
      page: 1,
      size: 20,
      includeDrafts: false,
      today: kstDay(Date.now()),
    };
    // As search() runs it (its planner settings included).
    return new SearchRepository().explain(t.container.db, filter, mode);
  };
  /** Every performance read: a sequential scan, or a whole b-tree walked with a filter. */
  const readsEverything =
    /Seq Scan on performance|Index Scan using (performances_(created|listing|category|pkey)|performance_search_pkey) on performance(s|_search) p\b(?![^\n]*\n\s+Index Cond)/;

  it('looks up a rare two-character word in the bigram index', async () => {
    const plan = await planOf('햄릿');
    expect(plan).toContain('performance_search_bigrams');
    expect(plan).not.toMatch(readsEverything);
  });

  it('looks up a longer word in the trigram index', async () => {
    const plan = await planOf('phantom17');
    expect(plan).toContain('performance_search_trgm');
    expect(plan).not.toMatch(readsEverything);
  });

  it('combines the indexes of several words', async () => {
    const plan = await planOf('햄릿 phantom17');
    expect(plan).toMatch(/performance_search_(bigrams|trgm)/);
    expect(plan).not.toMatch(readsEverything);
  });

  it('keeps to the text indexes when the order has a b-tree of its own (date, latest)', async () => {
    for (const sort of ['date', 'latest'] as const) {
      // One performance in twenty: common enough that walking the b-tree in order looks cheap.
      const plan = await planOf('유령', sort);
      expect(plan, sort).toContain('performance_search_bigrams');
      expect(plan, sort).not.toMatch(/performances_(listing|created)/);
    }
  });

  it('finds spacing, initial consonants and typos through the jamo and initials indexes', async () => {
    for (const q of ['햄 릿시즌', 'ㅎㄹㅅㅈ', '햄릿시준 2000']) {
      const plan = await planOf(q, 'popular', 'loose');
      expect(plan, q).toMatch(/performance_search_(jamo|title_jamo|chosung)/);
      expect(plan, q).not.toMatch(readsEverything);
    }
  });

  it('looks up a one-character word in the characters index', async () => {
    // "시" is in every title ("시즌"): the commonest word still comes from an index.
    for (const q of ['햄', '시']) {
      const plan = await planOf(q);
      expect(plan, q).toContain('performance_search_chars');
      expect(plan, q).not.toMatch(readsEverything);
    }
  });

  it('keeps to the indexes for a word most performances hold', async () => {
    // "시즌" and "무대" are in every performance's text: reading the table looks as cheap to the planner.
    for (const q of ['시즌', '무대 위의', 'story']) {
      const plan = await planOf(q);
      expect(plan, q).toMatch(/performance_search_(bigrams|trgm|vector)/);
      expect(plan, q).not.toMatch(readsEverything);
    }
  });

  it('looks up two initial consonants in the initials windows index', async () => {
    for (const q of ['ㅎㄹ', 'ㄱㅇ']) {
      const plan = await planOf(q, 'popular', 'loose');
      expect(plan, q).toContain('performance_search_chosung_bigrams');
      expect(plan, q).not.toMatch(readsEverything);
    }
  });

  it('matches a plain query word by word, without the full-text vector; other queries keep it', async () => {
    const plain = await planOf('phantom17 햄릿');
    expect(plain).not.toContain('performance_search_vector');
    expect(plain).not.toContain('search_text) @@');
    // Punctuation the parser splits on: the full-text match finds what a substring would not.
    const punctuated = await planOf('phantom17-햄릿');
    expect(punctuated).toContain('search_text) @@');
    expect(punctuated).toContain('performance_search_vector');
  });

  it('holds the premise of leaving the vector out: the parser makes each plain word one token, itself', async () => {
    const plain = [
      '하늘',
      'phantom17',
      '햄릿 시즌 2000',
      'café naïve',
      '日本語 漢字',
      'ㅋㅋ ᄀᄁ',
      'ß ǆ ª',
      'ｈｅｌｌｏ',
    ];
    const tokens = await sql<{ q: string; lexemes: string }>`
      SELECT q, plainto_tsquery('simple', q)::text AS lexemes FROM unnest(${plain}::text[]) AS q`.execute(
      t.container.db,
    );
    for (const { q, lexemes } of tokens.rows) {
      expect(PLAIN_QUERY.test(q), q).toBe(true);
      expect(lexemes, q).toBe(
        q
          .split(' ')
          .map((w) => `'${w}'`)
          .join(' & '),
      );
    }
    // What the parser splits, trims or drops is not plain.
    for (const q of ['e-mail', "don't", 'x²', '1.5', '㈜', 'a_b', '١٢٣'])
      expect(PLAIN_QUERY.test(q), q).toBe(false);
  });

  it('looks a typo up among the words of titles, then its corrections through the trigram index', async () => {
    // "햄릭" is one letter off "햄릿", a word of 5 titles in 10,000.
    const repo = new SearchRepository();
    const corrections = await repo.correctionsOf(t.container.db, '햄릭');
    expect(corrections).toEqual([jamo('햄릿')]);
    const filter: SearchFilter = {
      q: '햄릭',
      sort: 'popular',
      page: 1,
      size: 20,
      includeDrafts: false,
      today: kstDay(Date.now()),
    };
    const plan = await repo.explain(t.container.db, filter, 'loose', false, corrections);
    expect(plan).toContain('performance_search_jamo');
    // No similarity scored on performances: that is what the words table spares.
    expect(plan).not.toMatch(/%>|similarity\(/);
    expect(plan).not.toMatch(readsEverything);
    const found = await repo.search(t.container.db, filter);
    expect(found).toMatchObject({ total: 5, loose: true });
  });

  it('finds typos of a common title through the trigram indexes, in every order', async () => {
    // "공연 시즌" is in 9,995 titles: a typo of it is similar to nearly every performance.
    for (const sort of ['popular', 'date', 'latest', 'views'] as const) {
      const plan = await planOf('공연시준', sort, 'loose');
      expect(plan, sort).toMatch(/performance_search_(jamo|title_jamo)/);
      expect(plan, sort).not.toMatch(readsEverything);
    }
  });
});
