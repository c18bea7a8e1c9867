import { sql } from 'kysely';
import { counted, countStatements } from '../../../test/statements.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { categoryId, createPerformance, createVenue, daysFromNow } from '../../../test/catalog-fixtures.ts';
import { bigramsOf, SearchRepository, withinOneEdit, type SearchFilter } from './search.repository.ts';
import { kstDay } from './calendar.ts';
import { jamo } from './hangul.ts';

describe('withinOneEdit', () => {
  it('allows one changed, added, dropped or swapped letter, and no more', () => {
    const j = (s: string) => jamo(s);
    expect(withinOneEdit(j('교향곡'), j('교항곡'))).toBe(true); // changed
    expect(withinOneEdit(j('콘서트'), j('콘써트'))).toBe(true);
    expect(withinOneEdit('abcde', 'abxcde')).toBe(true); // added
    expect(withinOneEdit('abcde', 'abde')).toBe(true); // dropped
    expect(withinOneEdit('abcde', 'abced')).toBe(true); // swapped neighbours
    expect(withinOneEdit('abcde', 'abcde')).toBe(true);
    expect(withinOneEdit('abcde', 'axcdy')).toBe(false);
    expect(withinOneEdit('abcde', 'abc')).toBe(false);
    expect(withinOneEdit('abcde', 'bacdx')).toBe(false);
    expect(withinOneEdit('abcde', 'acbed')).toBe(false);
    expect(withinOneEdit(j('위키드'), j('위커더'))).toBe(false);
  });
});

describe('catalogue search', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await createUser(t.container, { role: 'ADMIN' });
    const venueId = await createVenue(t.app, admin);
    const hall = await createVenue(t.app, admin, [{ name: '전석', grade: 'R', rows: 2, seatsPerRow: 5 }]);
    const musical = await categoryId(t, 'musical');
    const concert = await categoryId(t, 'concert');
    const play = await categoryId(t, 'play');
    const prices = [
      { grade: 'VIP', price: 150_000 },
      { grade: 'R', price: 120_000 },
    ];
    const make = async (key: string, fields: Record<string, unknown>) => {
      ids[key] = await createPerformance(t.app, admin, { venueId, categoryId: musical, prices, ...fields });
    };
    await make('les', {
      title: '레미제라블',
      cast: ['민우혁'],
      startDate: daysFromNow(5),
      endDate: daysFromNow(40),
    });
    await make('phantom', {
      title: 'The Phantom of the Opera',
      description: 'Andrew Lloyd Webber classic',
      cast: ['조승우'],
      startDate: daysFromNow(1),
      endDate: daysFromNow(20),
    });
    await make('iu', {
      title: '아이유 콘서트 HER',
      categoryId: concert,
      venueId: hall,
      prices: [{ grade: 'R', price: 99_000 }],
      startDate: daysFromNow(30),
      endDate: daysFromNow(31),
    });
    await make('hamlet', {
      title: '햄릿',
      categoryId: play,
      description: '셰익스피어 비극',
      status: 'CLOSED',
      startDate: daysFromNow(10),
      endDate: daysFromNow(12),
    });
    await make('old', { title: '지난 공연', startDate: daysFromNow(-20), endDate: daysFromNow(-2) });
    // Popularity known up front (the flush job normally writes these).
    await sql`UPDATE performances SET view_count = CASE id
        WHEN ${ids.les} THEN 50 WHEN ${ids.phantom} THEN 300 WHEN ${ids.iu} THEN 10 ELSE 0 END,
      sales_count = CASE id WHEN ${ids.iu} THEN 900 WHEN ${ids.les} THEN 40 ELSE 0 END`.execute(
      t.container.db,
    );
  });
  afterAll(() => t.close());

  const search = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/performances?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: { id: string; status: string; minPrice: number }[];
      total: number;
      page: number;
      size: number;
    };
  };
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  it('finds Korean titles by a partial word', async () => {
    expect(idsOf(await search(q('레미제')))).toEqual([ids.les]);
    expect(idsOf(await search(q('미제라')))).toEqual([ids.les]);
    expect(idsOf(await search(q('햄')))).toEqual([ids.hamlet]);
    // Two syllables: no trigram fits, the substring still matches.
    expect(idsOf(await search(q('햄릿')))).toEqual([ids.hamlet]);
    expect(idsOf(await search(q('콘서')))).toEqual([ids.iu]);
    expect(idsOf(await search(q('라블 레미')))).toEqual([ids.les]);
  });

  it('keeps the two-character windows of every word, following edits', async () => {
    const [stored] = (
      await sql<{
        grams: string[];
      }>`SELECT search_bigrams AS grams FROM performances WHERE id = ${ids.hamlet}`.execute(t.container.db)
    ).rows;
    expect(stored!.grams).toEqual(expect.arrayContaining(['햄릿', '셰익', '비극']));
    expect(bigramsOf('레미제라블')).toEqual(['레미', '미제', '제라', '라블']);

    // The stored windows follow an edit of the title.
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${ids.hamlet}`,
      headers: admin.headers,
      payload: { title: '맥베스' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(idsOf(await search(q('베스')))).toEqual([ids.hamlet]);
    expect((await search(q('햄릿'))).total).toBe(0);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${ids.hamlet}`,
      headers: admin.headers,
      payload: { title: '햄릿' },
    });
  });

  it('corrects a typo to the words of titles and cast, following edits', async () => {
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/performances/${ids.hamlet}`,
        headers: admin.headers,
        payload,
      });
    const corrections = (typo: string) => new SearchRepository().correctionsOf(t.container.db, typo);
    expect(await corrections('맥베스외')).not.toContain(jamo('맥베스의'));
    // The words of an edited title and cast are words a typo can mean, one letter off.
    expect((await patch({ title: '맥베스의 비극', cast: ['셰익스피어'] })).statusCode).toBe(200);
    expect(await corrections('맥베스외')).toContain(jamo('맥베스의'));
    expect(await corrections('셰익스파어')).toEqual([jamo('셰익스피어')]);
    // One letter off a three-syllable word scores under the word-similarity threshold; still corrected.
    // Two letters off, it is not.
    expect((await patch({ title: '맥베스의 교향곡' })).statusCode).toBe(200);
    expect(await corrections('교항곡')).toEqual([jamo('교향곡')]);
    expect(await corrections('교항국')).not.toContain(jamo('교향곡'));
    expect(idsOf(await search(q('교항곡')))).toEqual([ids.hamlet]);
    const found = await search(q('맥베스외'));
    expect(idsOf(found)).toEqual([ids.hamlet]);
    expect(idsOf(await search(q('셰익스파어')))).toEqual([ids.hamlet]);
    // A word no performance holds any more is still a known word, and finds nothing.
    expect((await patch({ title: '햄릿', cast: [] })).statusCode).toBe(200);
    expect(await corrections('맥베스외')).toContain(jamo('맥베스의'));
    expect((await search(q('맥베스외'))).total).toBe(0);
    expect(idsOf(await search(q('햄릿')))).toEqual([ids.hamlet]);
  });

  it('searches text in performance_search, which follows every write of performances', async () => {
    const db = t.container.db;
    const repo = new SearchRepository();
    const byText = async (text: string, sort: SearchFilter['sort']) => {
      const filter = { q: text, sort, page: 1, size: 20, includeDrafts: false, today: kstDay(Date.now()) };
      return (await repo.search(db, filter)).rows.map((r) => r.id);
    };
    /** Live performances whose search row is missing or differs from them: none, after any write. */
    const outOfStep = async () =>
      (
        await sql<{ n: number }>`
          SELECT count(*) AS n FROM performances p FULL JOIN performance_search s USING (id)
           WHERE (p.deleted_at IS NULL) IS DISTINCT FROM (s.id IS NOT NULL)
              OR (p.deleted_at IS NULL AND
                  (p.category_id, p.venue_id, p.status, p.start_date, p.end_date, p.created_at, p.view_count,
                   p.sales_count, p.search_text, p.title_jamo, p.search_jamo, p.search_chosung)
                  IS DISTINCT FROM
                  (s.category_id, s.venue_id, s.status, s.start_date, s.end_date, s.created_at, s.view_count,
                   s.sales_count, s.search_text, s.title_jamo, s.search_jamo, s.search_chosung))`.execute(db)
      ).rows[0]!.n;
    const xminOf = async (id: string) =>
      (await sql<{ x: string }>`SELECT xmin::text AS x FROM performance_search WHERE id = ${id}`.execute(db))
        .rows[0]?.x;
    expect(await outOfStep()).toBe(0);

    // The view flush's counters are the sort keys: a text search follows them.
    expect((await byText('샤롯데', 'views'))[0]).toBe(ids.phantom);
    await sql`UPDATE performances SET view_count = 1000 WHERE id = ${ids.les}`.execute(db);
    expect((await byText('샤롯데', 'views'))[0]).toBe(ids.les);
    expect(await outOfStep()).toBe(0);

    // A write of nothing the table holds writes nothing there.
    const stamp = await xminOf(ids.les!);
    await sql`UPDATE performances SET updated_at = now(), poster_url = NULL WHERE id = ${ids.les}`.execute(
      db,
    );
    expect(await xminOf(ids.les!)).toBe(stamp);

    // A new performance is found; a deleted one is gone from the table and from search.
    const venueId = await createVenue(t.app, admin);
    const fresh = await createPerformance(t.app, admin, {
      venueId,
      categoryId: await categoryId(t, 'play'),
      title: '오셀로 특별공연',
      startDate: daysFromNow(3),
      endDate: daysFromNow(9),
    });
    expect(await byText('오셀로', 'popular')).toEqual([fresh]);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/performances/${fresh}`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(await byText('오셀로', 'popular')).toEqual([]);
    expect(await xminOf(fresh)).toBeUndefined();
    expect(await outOfStep()).toBe(0);
    await sql`UPDATE performances SET view_count = 50 WHERE id = ${ids.les}`.execute(db);
  });

  it('sends a text search as one statement, through connections that price sequential scans out', async () => {
    // Counted for the request's own async context: the file's other apps and background work on the
    // same driver are not this search's statements.
    const restore = countStatements();
    // The database path: with the index (search-index.test.ts) a page may need no statement at all.
    const fromDb = await createTestApp(t.env, { SEARCH_INDEX: 'false' });
    const searchDb = (query: string) =>
      fromDb.app.inject({ method: 'GET', url: `/api/v1/performances?${query}` });
    try {
      await searchDb(`${q('레미제')}&size=11`); // categories and the like, cached from here on
      const { result, sent } = await counted(() => searchDb(`${q('레미제')}&size=12`));
      expect(idsOf(result.json() as { items: { id: string }[] })).toEqual([ids.les]);
      expect(sent).toHaveLength(1);
      expect(sent[0]).not.toMatch(/^\s*(\[named\] )?(begin|set)/i);
    } finally {
      restore();
      await fromDb.close();
    }
    const setting = await sql<{ enable_seqscan: string }>`SHOW enable_seqscan`.execute(
      t.container.textSearch!.read,
    );
    expect(setting.rows[0]!.enable_seqscan).toBe('off');
    // The ordinary pools keep the planner's own choice.
    const ordinary = await sql<{ enable_seqscan: string }>`SHOW enable_seqscan`.execute(t.container.db);
    expect(ordinary.rows[0]!.enable_seqscan).toBe('on');
  });

  it('without a text-search pool, searches in a transaction of its own on the main pool', async () => {
    const plain = await createTestApp(t.env, { DATABASE_TEXT_SEARCH_POOL_SIZE: '0' });
    try {
      expect(plain.container.textSearch).toBeUndefined();
      const res = await plain.app.inject({ method: 'GET', url: `/api/v1/performances?${q('레미제')}` });
      expect(res.statusCode).toBe(200);
      expect(idsOf(res.json())).toEqual([ids.les]);
    } finally {
      await plain.close();
    }
  });

  it('finds English words in any case and order, cast, venue and description', async () => {
    expect(idsOf(await search(q('phantom')))).toEqual([ids.phantom]);
    expect(idsOf(await search(q('  OPERA   phantom ')))).toEqual([ids.phantom]);
    expect(idsOf(await search(q('webb')))).toEqual([ids.phantom]);
    expect(idsOf(await search(q('조승우')))).toEqual([ids.phantom]);
    expect(idsOf(await search(q('셰익스피어')))).toEqual([ids.hamlet]);
    expect((await search(q('샤롯데'))).total).toBe(5); // both venues are named 샤롯데씨어터
    expect((await search(q('없는공연제목'))).total).toBe(0);
    // LIKE wildcards in the query are literal characters.
    expect((await search(q('%'))).total).toBe(0);
  });

  it('filters by category, date range and status (ENDED computed from endDate)', async () => {
    expect(idsOf(await search('category=concert'))).toEqual([ids.iu]);
    expect(idsOf(await search('category=play'))).toEqual([ids.hamlet]);
    expect(new Set(idsOf(await search(`from=${daysFromNow(25)}&to=${daysFromNow(35)}`)))).toEqual(
      new Set([ids.les, ids.iu]),
    );
    expect(idsOf(await search('status=ENDED'))).toEqual([ids.old]);
    expect(idsOf(await search('status=CLOSED'))).toEqual([ids.hamlet]);
    expect(new Set(idsOf(await search('status=ON_SALE')))).toEqual(new Set([ids.les, ids.phantom, ids.iu]));
    expect((await search('status=ENDED')).items[0]!.status).toBe('ENDED');
  });

  it('sorts by popularity, views, date and latest', async () => {
    expect(idsOf(await search('sort=popular')).slice(0, 3)).toEqual([ids.iu, ids.les, ids.phantom]);
    expect(idsOf(await search('sort=views')).slice(0, 3)).toEqual([ids.phantom, ids.les, ids.iu]);
    expect(idsOf(await search('sort=date'))).toEqual([ids.old, ids.phantom, ids.les, ids.hamlet, ids.iu]);
    expect(idsOf(await search('sort=latest'))).toEqual([ids.old, ids.hamlet, ids.iu, ids.phantom, ids.les]);
  });

  it('pages with a total', async () => {
    const p1 = await search('sort=date&size=2&page=1');
    const p3 = await search('sort=date&size=2&page=3');
    const p9 = await search('sort=date&size=2&page=9');
    expect(p1).toMatchObject({ page: 1, size: 2, total: 5 });
    expect(idsOf(p1)).toEqual([ids.old, ids.phantom]);
    expect(idsOf(p3)).toEqual([ids.iu]);
    expect(p9).toMatchObject({ items: [], total: 5 });
    expect(p1.items[0]).toMatchObject({ minPrice: 120_000 });
  });

  it('rejects bad queries with 400', async () => {
    for (const query of [
      'sort=random',
      'size=1000',
      'page=0',
      'from=yesterday',
      'status=GONE',
      'category=A B',
      'x=1',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/performances?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const range = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances?from=${daysFromNow(5)}&to=${daysFromNow(1)}`,
    });
    expect(range.json().code).toBe('INVALID_DATE_RANGE');
  });
});
