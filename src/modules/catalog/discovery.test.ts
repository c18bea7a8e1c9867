import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';
import { categoryId, createPerformance, createVenue, daysFromNow } from '../../../test/catalog-fixtures.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Discovery over real PostgreSQL: genre words, spacing, initial consonants and typos, the region and
 * price filters, suggestions while typing, the ticket-open list and rankings by genre.
 */
describe('catalogue discovery', () => {
  const clock = new ManualClock();
  let env: TestEnv;
  let t: TestApp;
  let admin: TestUser;
  const ids = {} as Record<string, string>;

  const get = async <T = unknown>(url: string): Promise<T> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}` });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  type Page = {
    items: { id: string; venue: { region: string | null } }[];
    total: number;
    approximate?: boolean;
  };
  const search = (query: string) => get<Page>(`/performances?${query}`);
  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
  const suggest = (text: string) =>
    get<{ performanceId: string; title: string; category: { slug: string }; posterUrl: string }[]>(
      `/search/suggestions?q=${encodeURIComponent(text)}`,
    );

  const showtime = async (performanceId: string, opensInMs: number, startsInDays: number) => {
    const now = clock.nowMs();
    const startsAt = new Date(now + startsInDays * DAY);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/performances/${performanceId}/showtimes`,
      headers: admin.headers,
      payload: {
        startsAt: startsAt.toISOString(),
        salesOpenAt: new Date(now + opensInMs).toISOString(),
        salesCloseAt: new Date(startsAt.getTime() - HOUR).toISOString(),
        maxTicketsPerUser: 4,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { clock });
    admin = await createUser(t.container, { role: 'ADMIN' });
    const seoul = await createVenue(t.app, admin); // 서울 송파구 …
    const busanRes = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/venues',
      headers: admin.headers,
      payload: {
        name: '드림씨어터',
        address: '부산광역시 남구 전포대로 133',
        sections: [{ name: '1층', grade: 'R', rows: 2, seatsPerRow: 5 }],
      },
    });
    expect(busanRes.statusCode, busanRes.body).toBe(201);
    const busan = busanRes.json().id as string;
    const musical = await categoryId(t, 'musical');
    const concert = await categoryId(t, 'concert');
    const dance = await categoryId(t, 'dance');
    const prices = [
      { grade: 'VIP', price: 150_000 },
      { grade: 'R', price: 120_000 },
    ];
    const make = async (key: string, fields: Record<string, unknown>) => {
      ids[key] = await createPerformance(t.app, admin, {
        venueId: seoul,
        categoryId: musical,
        prices,
        description: '',
        startDate: daysFromNow(0),
        endDate: daysFromNow(60),
        ...fields,
      });
    };
    await make('les', { title: '레미제라블', cast: ['민우혁'] });
    await make('phantom', { title: '오페라의 유령', cast: ['조승우'] });
    await make('wicked', {
      title: '위키드',
      cast: ['옥주현'],
      venueId: busan,
      prices: [{ grade: 'R', price: 60_000 }],
    });
    await make('iu', {
      title: '아이유 콘서트 HER',
      categoryId: concert,
      cast: ['아이유'],
      prices: [
        { grade: 'VIP', price: 99_000 },
        { grade: 'R', price: 88_000 },
      ],
    });
    await make('swan', {
      title: '백조의 호수',
      categoryId: dance,
      cast: ['박슬기'],
      description: '국립발레단의 발레',
    });
    await make('ended', {
      title: '레미제라블 지난 시즌',
      startDate: daysFromNow(-40),
      endDate: daysFromNow(-2),
    });
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  it('finds every performance of a genre by its word, alone or with other words', async () => {
    const musicals = new Set(idsOf(await search(q('뮤지컬'))));
    expect(musicals).toEqual(new Set([ids.les, ids.phantom, ids.wicked, ids.ended]));
    expect(new Set(idsOf(await search(q('뮤지컬 레미'))))).toEqual(new Set([ids.les, ids.ended]));
    expect(idsOf(await search(q('콘서트')))).toEqual([ids.iu]);
    // A synonym finds its genre (발레 → 무용) and the word still matches as text.
    expect(idsOf(await search(q('발레')))).toEqual([ids.swan]);
    expect(idsOf(await search(q('musical 위키')))).toEqual([ids.wicked]);
  });

  it('forgives spacing and typos, with a threshold, and says the result is approximate', async () => {
    const typo = await search(q('레미재라블'));
    expect(new Set(idsOf(typo))).toEqual(new Set([ids.les, ids.ended]));
    expect(typo.approximate).toBe(true);
    expect(idsOf(await search(q('오페라의 유룡')))).toEqual([ids.phantom]);
    // A short word one letter off, below the word-similarity threshold: corrected all the same.
    const concert = await search(q('콘써트'));
    expect(idsOf(concert)).toEqual([ids.iu]);
    expect(concert.approximate).toBe(true);
    expect(idsOf(await search(q('위키더')))).toEqual([ids.wicked]);
    expect(idsOf(await search(q('오페라의유령')))).toEqual([ids.phantom]);
    const spaced = await search(q('레 미제라블'));
    expect(new Set(idsOf(spaced))).toEqual(new Set([ids.les, ids.ended]));
    // Words found as typed: no approximate answer mixed in.
    const exact = await search(q('레미제라블'));
    expect(exact.approximate).toBeUndefined();
    // Far from every title: nothing, not the closest thing.
    const none = await search(q('햄릿과 맥베스'));
    expect(none.total).toBe(0);
    expect(none.approximate).toBeUndefined();
    expect((await search(q('호두까기 인형'))).total).toBe(0);
  });

  it('finds titles and cast by their initial consonants', async () => {
    expect(new Set(idsOf(await search(q('ㄹㅁㅈㄹㅂ'))))).toEqual(new Set([ids.les, ids.ended]));
    expect(idsOf(await search(q('ㅇㅍㄹㅇ ㅇㄹ')))).toEqual([ids.phantom]);
    expect(idsOf(await search(q('ㅈㅅㅇ')))).toEqual([ids.phantom]);
    expect(idsOf(await search(q('뮤지컬 ㅇㅋㄷ')))).toEqual([ids.wicked]);
    // Two initials, inside a title or a cast name (박슬기 of 백조의 호수).
    expect(idsOf(await search(q('ㅋㄷ')))).toEqual([ids.wicked]);
    expect(idsOf(await search(q('ㅂㅅ')))).toEqual([ids.swan]);
  });

  it('filters by region (short or full name), price and dates', async () => {
    const busan = await search('region=부산');
    expect(idsOf(busan)).toEqual([ids.wicked]);
    expect(busan.items[0]!.venue.region).toBe('부산');
    expect(idsOf(await search(`region=${encodeURIComponent('부산광역시')}`))).toEqual([ids.wicked]);
    expect((await search(`region=${encodeURIComponent('서울특별시')}&category=musical`)).total).toBe(3);
    expect((await search('region=%EC%A0%9C%EC%A3%BC')).total).toBe(0); // 제주
    // Some grade within the range: 위키드 60,000; 아이유 88,000/99,000; the others 120,000/150,000.
    expect(idsOf(await search('priceMax=70000'))).toEqual([ids.wicked]);
    expect(new Set(idsOf(await search('priceMin=80000&priceMax=100000')))).toEqual(new Set([ids.iu]));
    expect(
      new Set(idsOf(await search(`priceMin=130000&from=${daysFromNow(0)}&to=${daysFromNow(1)}`))),
    ).toEqual(new Set([ids.les, ids.phantom, ids.swan]));
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/performances?priceMin=9&priceMax=1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('suggests while typing: prefixes, half-typed syllables, initials and typos; never ended shows', async () => {
    const byPrefix = await suggest('레미');
    expect(byPrefix.map((s) => s.performanceId)).toEqual([ids.les]);
    expect(byPrefix[0]).toMatchObject({ title: '레미제라블', category: { slug: 'musical' } });
    expect(byPrefix[0]!.posterUrl).toBe(`/api/v1/posters/${ids.les}.svg`);
    expect((await suggest('레미ㅈ')).map((s) => s.performanceId)).toEqual([ids.les]);
    expect((await suggest('ㄹㅁ')).map((s) => s.performanceId)).toEqual([ids.les]);
    expect((await suggest('레미재라블')).map((s) => s.performanceId)).toEqual([ids.les]);
    expect((await suggest('위')).map((s) => s.performanceId)).toEqual([ids.wicked]);
    expect((await suggest('조승')).map((s) => s.performanceId)).toEqual([ids.phantom]);
    expect(new Set((await suggest('뮤지컬')).map((s) => s.performanceId))).toEqual(
      new Set([ids.les, ids.phantom, ids.wicked]),
    );
    expect(await suggest('  ')).toEqual([]);
    expect((await suggest('x'.repeat(40))).length).toBe(0);
    const long = await t.app.inject({
      method: 'GET',
      url: `/api/v1/search/suggestions?q=${'x'.repeat(101)}`,
    });
    expect(long.statusCode).toBe(400);
  });

  it('lists showtimes whose sales open soon with date and time, grouped by performance, as the clock moves', async () => {
    const soon1 = await showtime(ids.les!, 2 * HOUR, 10);
    const soon2 = await showtime(ids.les!, 26 * HOUR, 12);
    const iuOpen = await showtime(ids.iu!, 3 * DAY, 20);
    await showtime(ids.phantom!, 12 * DAY, 30); // beyond 7 days
    await showtime(ids.wicked!, -HOUR, 5); // already open
    type Item = {
      performance: { id: string; title: string; venue: { region: string | null } };
      opensAt: string;
      showtimes: { id: string; startsAt: string; salesOpenAt: string }[];
    };
    const list = await get<Item[]>('/performances/opening-soon');
    expect(list.map((i) => i.performance.id)).toEqual([ids.les, ids.iu]);
    expect(list[0]!.showtimes.map((s) => s.id)).toEqual([soon1, soon2]);
    expect(list[0]!.opensAt).toBe(list[0]!.showtimes[0]!.salesOpenAt);
    expect(list[0]!.performance.venue.region).toBe('서울');
    expect(list[1]!.showtimes.map((s) => s.id)).toEqual([iuOpen]);
    expect(
      (await get<Item[]>('/performances/opening-soon?category=concert')).map((i) => i.performance.id),
    ).toEqual([ids.iu]);
    expect((await get<Item[]>('/performances/opening-soon?days=30&limit=1')).length).toBe(1);
    expect((await get<Item[]>('/performances/opening-soon?days=30')).map((i) => i.performance.id)).toEqual([
      ids.les,
      ids.iu,
      ids.phantom,
    ]);

    // Three hours later the first opening has passed: it leaves the list, the next one leads.
    clock.advance(3 * HOUR);
    const later = await get<Item[]>('/performances/opening-soon');
    expect(later[0]!.showtimes.map((s) => s.id)).toEqual([soon2]);
    clock.advance(-3 * HOUR);
  });

  it('ranks by genre and leaves ended performances out', async () => {
    const { catalog } = t.container;
    await catalog.salesRanking.recordSales(ids.les!, 5);
    await catalog.salesRanking.recordSales(ids.iu!, 9);
    await catalog.salesRanking.recordSales(ids.ended!, 50);
    type Entry = { rank: number; performance: { id: string; category: { slug: string } } };
    const all = await get<Entry[]>('/rankings/performances?by=sales&period=daily');
    expect(all.map((e) => e.performance.id)).toEqual([ids.iu, ids.les]);
    const musicals = await get<Entry[]>('/rankings/performances?by=sales&period=weekly&category=musical');
    expect(musicals.map((e) => [e.rank, e.performance.id, e.performance.category.slug])).toEqual([
      [1, ids.les, 'musical'],
    ]);
  });
});
