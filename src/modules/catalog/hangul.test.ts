import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { chosung, isChosungQuery, jamo, regionOf } from './hangul.ts';
import { splitGenreWords } from './genres.ts';

/** The query side (TypeScript) converts text exactly as the stored columns (SQL, migration 0023) do. */
describe('hangul search keys', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const samples = [
    '레미제라블',
    '오페라의 유령',
    '닭갈비 워크숍',
    'LG아트센터 서울',
    '빈 필하모닉 Dvořák',
    '앤디 워홀 展',
    '뷁',
  ];
  const addresses = [
    '서울특별시 중구 세종대로',
    '서울 송파구',
    '경기도 고양시',
    '부산광역시 해운대구',
    '충청남도 천안시',
    '전북특별자치도 전주시',
    '강원특별자치도 춘천시',
    '제주특별자치도 제주시',
    'Seoul',
    '',
  ];

  it('jamo, initials and regions agree between TypeScript and PostgreSQL', async () => {
    for (const text of samples) {
      const { rows } = await sql<{ j: string; c: string }>`
        SELECT catalog_jamo(${text}) AS j, catalog_chosung(${text}) AS c`.execute(t.container.db);
      expect(rows[0]!.j, text).toBe(jamo(text));
      expect(rows[0]!.c, text).toBe(chosung(text));
    }
    for (const address of addresses) {
      const { rows } = await sql<{ r: string | null }>`SELECT catalog_region(${address}) AS r`.execute(
        t.container.db,
      );
      expect(rows[0]!.r, address).toBe(regionOf(address));
    }
    expect(jamo('레미제라블')).toBe('ㄹㅔㅁㅣㅈㅔㄹㅏㅂㅡㄹ');
    expect(jamo('닭 워')).toBe('ㄷㅏㄹㄱ ㅇㅜㅓ');
    expect(chosung('오페라의 유령')).toBe('ㅇㅍㄹㅇㅇㄹ');
    expect(regionOf('서울특별시 중구')).toBe('서울');
    expect(regionOf('경상남도 창원시')).toBe('경남');
    expect(isChosungQuery('ㄹㅁㅈ ㄹㅂ')).toBe(true);
    expect(isChosungQuery('레미ㅈ')).toBe(false);
  });

  it('splits genre words from the rest of a query', () => {
    const categories = [
      { id: 'm', name: '뮤지컬', slug: 'musical' },
      { id: 'k', name: '클래식', slug: 'classical' },
    ];
    expect(splitGenreWords('뮤지컬 레미', categories)).toEqual({
      genres: [{ word: '뮤지컬', categoryIds: ['m'] }],
      rest: '레미',
    });
    expect(splitGenreWords('오페라', categories).genres).toEqual([{ word: '오페라', categoryIds: ['k'] }]);
    expect(splitGenreWords('레미제라블', categories)).toEqual({ genres: [], rest: '레미제라블' });
  });
});
