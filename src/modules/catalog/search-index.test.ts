import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { categoryId, createPerformance, createVenue, daysFromNow } from '../../../test/catalog-fixtures.ts';
import { ADJECTIVES, ENGLISH, NOUNS, SEARCH_TERMS } from '../../../bench/catalog-data.ts';
import { SearchRepository, type SearchFilter } from './search.repository.ts';
import { SearchIndex, type IndexLookups } from './search-index.ts';
import { kstDay } from './calendar.ts';
import { chosung } from './hangul.ts';

/**
 * The index answers exactly as the database does: the same ids in the same order, the same total,
 * the same "approximate" flag, over a generated catalogue with drafts, closed and ended performances
 * and many ties in every sort key; and it follows inserts, counter updates, renames, soft and hard
 * deletes, and a transaction that commits after a later one.
 */
describe('search index', () => {
  let t: TestApp & { env: TestEnv };
  let index: SearchIndex;
  let lookups: IndexLookups;
  let concert: string;
  let venueId: string;
  let admin: TestUser;
  const repo = new SearchRepository();
  const today = kstDay(Date.now());

  const filterOf = (q: string, extra: Partial<SearchFilter> = {}): SearchFilter => ({
    q,
    sort: 'popular',
    page: 1,
    size: 20,
    includeDrafts: false,
    today,
    ...extra,
  });

  /** Both answers of `f`; the index must answer (not hand it to the database). */
  async function both(f: SearchFilter) {
    const fromDb = await repo.search(t.container.db, f);
    const fromIndex = await index.search(f, lookups);
    return {
      db: { ids: fromDb.rows.map((r) => r.id), total: fromDb.total, loose: fromDb.loose },
      index: fromIndex,
    };
  }

  /**
   * The same answer, or none when the database's similarity test is what answers: the words as typed
   * found nothing and no word is close enough to correct the query to (the one case left to it).
   */
  async function expectSame(f: SearchFilter) {
    const { db, index } = await both(f);
    if (index === undefined) {
      expect(db.loose || db.total === 0, JSON.stringify(f)).toBe(true);
      expect(await repo.correctionsOf(t.container.db, f.q), JSON.stringify(f)).toEqual([]);
      fallbacks++;
      return;
    }
    answered++;
    expect(index, JSON.stringify(f)).toEqual(db);
  }
  let answered = 0;
  let fallbacks = 0;

  beforeAll(async () => {
    // Every search through the API reaches the index or the database, none the page cache.
    t = await setupTestApp({ SEARCH_CACHE_MS: '0' });
    admin = await createUser(t.container, { role: 'ADMIN' });
    venueId = await createVenue(t.app, admin);
    concert = await categoryId(t, 'concert');
    // Generated as bench/catalog-data.ts does, with every status, past and future dates, and sort keys
    // that tie often (views of 0-49, sales of 0-6, creation times three to a minute).
    await sql`
      INSERT INTO performances (title, description, category_id, venue_id, start_date, end_date, running_minutes,
                                age_rating, "cast", status, view_count, sales_count, search_text, created_at)
      SELECT t.title, '설명 ' || i, c.id, ${venueId}, current_date + (i % 90) - 45, current_date + (i % 90) - 40,
             120, 0, t.cast_list,
             CASE WHEN i % 17 = 0 THEN 'DRAFT' WHEN i % 13 = 0 THEN 'CLOSED' ELSE 'ON_SALE' END,
             (i * 7919) % 50, (i * 104729) % 7,
             lower(t.title || ' ' || array_to_string(t.cast_list, ' ') || ' 샤롯데씨어터 설명 ' || i),
             now() - (i / 3) * interval '1 minute'
        FROM generate_series(1, 900) AS i
        CROSS JOIN LATERAL (
          SELECT (${ADJECTIVES}::text[])[1 + i % 10] || ' ' || (${NOUNS}::text[])[1 + (i / 10) % 20] || ' '
                   || (${ENGLISH}::text[])[1 + (i / 200) % 8] || ' ' || i AS title,
                 ARRAY['김민수', '정하늘', '이서연'] AS cast_list
        ) AS t
        CROSS JOIN LATERAL (SELECT id FROM categories ORDER BY sort_order OFFSET i % 6 LIMIT 1) AS c`.execute(
      t.container.db,
    );
    const categories = await sql<{ id: string; slug: string }>`SELECT id, slug FROM categories`.execute(
      t.container.db,
    );
    lookups = {
      categoryIdOf: (slug) => categories.rows.find((c) => c.slug === slug)?.id,
      correctionsOf: (q) => repo.correctionsOf(t.container.db, q),
    };
    index = new SearchIndex({ db: t.container.db, log: t.container.log, refreshMs: 60_000 });
    await index.settled();
  });

  afterAll(async () => {
    index?.stop();
    await t?.close();
  });

  const typos = ['레미재라블', '교항곡', '한여릅밤의', '잃어버릿', '콘써트', '빛나는 정웡', '푸른 바디'];
  const initials = NOUNS.map((w) => chosung(w.replace(/\s/g, ''))).filter((k) => [...k].length >= 2);
  const queries = [
    ...SEARCH_TERMS,
    ...ADJECTIVES.slice(0, 4),
    ...NOUNS.slice(0, 6),
    ...typos,
    ...initials.slice(0, 6),
    '별',
    '정',
    'star 별 1',
    '꿈 2',
    '샤롯데',
    '없는공연제목',
    '100',
  ];

  it('loads every live performance', () => {
    expect(index.size).toBe(900);
    expect(index.current).toBe(true);
  });

  it('answers every query of the mix as the database does, in every order', async () => {
    for (const q of queries)
      for (const sort of ['popular', 'latest', 'date', 'views'] as const)
        await expectSame(filterOf(q, { sort }));
    // Nearly all from the index: the fallback is for typos nothing corrects ("garden": not in this data).
    expect(answered).toBeGreaterThan(fallbacks * 5);
  });

  it('answers with filters, pages and a genre word as the database does', async () => {
    const filters: Partial<SearchFilter>[] = [
      { category: 'concert' },
      { category: 'no-such-category' },
      { status: 'ON_SALE' },
      { status: 'ENDED' },
      { status: 'CLOSED' },
      { status: 'DRAFT' },
      { from: kstDay(Date.now() + 10 * 86400_000), to: kstDay(Date.now() + 20 * 86400_000) },
      { page: 2, size: 7 },
      { page: 40, size: 20 },
      { genres: [{ word: '콘서트', categoryIds: [concert] }] },
    ];
    for (const q of queries.slice(0, 20)) for (const extra of filters) await expectSame(filterOf(q, extra));
  });

  it('leaves to the database what it cannot answer the same way', async () => {
    for (const f of [
      filterOf('빛나는', { priceMin: 10_000 }),
      filterOf('빛나는', { region: '서울' }),
      filterOf('빛나는', { includeDrafts: true }),
      filterOf('e-mail'),
      filterOf('오페라의 유룡'), // a typo across two words: no single word is close
    ])
      expect(await index.search(f, lookups), JSON.stringify(f)).toBeUndefined();
  });

  it('follows counter updates, renames, soft and hard deletes once told', async () => {
    const db = t.container.db;
    const [a, b, c] = (
      await sql<{ id: string }>`
      SELECT id FROM performances WHERE deleted_at IS NULL AND status = 'ON_SALE' ORDER BY id LIMIT 3`.execute(
        db,
      )
    ).rows.map((r) => r.id);
    // Searched before the writes: what the index keeps per word must not outlive them.
    expect((await index.search(filterOf('김민수'), lookups))?.ids[0]).not.toBe(a);
    expect((await index.search(filterOf('qz'), lookups))?.total).toBe(0);
    await sql`UPDATE performances SET sales_count = 1000 WHERE id = ${a}`.execute(db);
    await sql`UPDATE performances SET title = '전혀 새로운 제목 qz', search_text = '전혀 새로운 제목 qz' WHERE id = ${b}`.execute(
      db,
    );
    await sql`UPDATE performances SET deleted_at = now() WHERE id = ${c}`.execute(db);
    index.invalidate();
    expect(index.current).toBe(false); // told of a write: the database answers until it is read
    expect(await index.search(filterOf('빛나는'), lookups)).toBeUndefined();
    await index.settled();
    expect((await index.search(filterOf('김민수'), lookups))?.ids[0]).toBe(a);
    expect((await index.search(filterOf('새로운'), lookups))?.ids).toEqual([b]);
    expect((await index.search(filterOf('qz'), lookups))?.ids).toEqual([b]);
    await expectSame(filterOf('새로운'));
    await expectSame(filterOf('김민수', { size: 100 }));
    expect(index.size).toBe(899);
    await sql`DELETE FROM performance_prices WHERE performance_id = ${b}`.execute(db);
    await sql`DELETE FROM performances WHERE id = ${b}`.execute(db);
    index.invalidate();
    await index.settled();
    expect((await index.search(filterOf('새로운'), lookups))?.total).toBe(0);
    expect(index.size).toBe(898);
  });

  it('sees a change whose transaction commits after a later one has been read', async () => {
    const db = t.container.db;
    const [early, late] = (
      await sql<{ id: string }>`
      SELECT id FROM performances WHERE deleted_at IS NULL AND status = 'ON_SALE' ORDER BY id DESC LIMIT 2`.execute(
        db,
      )
    ).rows.map((r) => r.id);
    await db.connection().execute(async (slow) => {
      await sql`BEGIN`.execute(slow);
      await sql`UPDATE performances SET search_text = search_text || ' 늦게온말' WHERE id = ${early}`.execute(
        slow,
      );
      // A later transaction commits first and is read while the slow one is still open.
      await sql`UPDATE performances SET search_text = search_text || ' 먼저온말' WHERE id = ${late}`.execute(
        db,
      );
      index.invalidate();
      await index.settled();
      expect((await index.search(filterOf('먼저온말'), lookups))?.ids).toEqual([late]);
      expect((await repo.search(db, filterOf('늦게온말'))).total).toBe(0);
      await sql`COMMIT`.execute(slow);
    });
    index.invalidate();
    await index.settled();
    expect((await index.search(filterOf('늦게온말'), lookups))?.ids).toEqual([early]);
  });

  describe('through the API', () => {
    const search = async (q: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/performances?q=${encodeURIComponent(q)}`,
      });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: { id: string }[]; total: number };
    };
    const answeredBy = async (by: 'index' | 'database') => {
      const text = await t.container.metrics.registry.getSingleMetricAsString('catalog_search_answers_total');
      return Number(new RegExp(`by="${by}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
    };

    it('answers from the index once loaded, and a new performance is found by the next search', async () => {
      await search('빛나는'); // the first search starts the load and is answered by the database
      for (let i = 0; i < 100 && (await answeredBy('index')) === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        await search('빛나는');
      }
      const before = await answeredBy('index');
      expect(before).toBeGreaterThan(0);
      const fromIndex = await search('김민수');
      expect(await answeredBy('index')).toBe(before + 1);
      expect(fromIndex.total).toBe((await repo.search(t.container.db, filterOf('김민수'))).total);

      const id = await createPerformance(t.app, admin, {
        venueId,
        categoryId: concert,
        title: '방금등록한 특별공연',
        startDate: daysFromNow(3),
        endDate: daysFromNow(9),
      });
      // The write is announced before the index has read it: the database answers meanwhile.
      expect((await search('방금등록한')).items.map((p) => p.id)).toEqual([id]);
      let found = false;
      for (let i = 0; i < 100 && !found; i++) {
        const n = await answeredBy('index');
        const page = await search('방금등록한');
        expect(page.items.map((p) => p.id)).toEqual([id]);
        found = (await answeredBy('index')) > n;
        if (!found) await new Promise((r) => setTimeout(r, 20));
      }
      expect(found).toBe(true);
    });
  });
});
