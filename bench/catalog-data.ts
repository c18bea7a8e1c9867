import { sql } from 'kysely';
import pg from 'pg';
import { createDb, createPool, ensureDatabase } from '../src/infra/db.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { ensureCategories } from '../src/seed.ts';
import { CatalogRepository } from '../src/modules/catalog/catalog.repository.ts';

export const ADJECTIVES = [
  '빛나는',
  '잃어버린',
  '한여름밤의',
  '겨울',
  '푸른',
  '붉은',
  '마지막',
  '첫번째',
  '비밀의',
  '작은',
];
export const NOUNS = [
  '정원',
  '왕국',
  '노래',
  '기억',
  '편지',
  '여행',
  '도시',
  '바다',
  '별',
  '숲',
  '레미제라블',
  '유령',
  '햄릿',
  '백조의 호수',
  '교향곡',
  '콘서트',
  '초상',
  '하늘',
  '무대',
  '꿈',
];
export const ENGLISH = ['Phantom', 'Love', 'Dream', 'Night', 'Star', 'Garden', 'Symphony', 'Story'];
const CAST = [
  '김민수',
  '이서연',
  '박지훈',
  '최유리',
  '정하늘',
  '강도윤',
  '윤서아',
  '장민재',
  '임다인',
  '한지우',
  '오세훈',
  '신예린',
];

/** What the search benchmark asks: Korean partial words, English words, cast names, two-word queries. */
export const SEARCH_TERMS = [
  '레미제',
  '유령',
  '정원',
  '빛나',
  '한여름',
  '기억',
  '백조',
  '교향',
  'phantom',
  'garden',
  'dream',
  'symphony',
  '김민수',
  '이서연',
  '푸른 바다',
  '비밀의 숲',
  '마지막 편지',
  '첫번째',
  '하늘',
  '콘서',
  '왕국',
  'night',
  'star 별',
  '박지훈',
  '무대',
  '작은 꿈',
  '초상',
  '도시',
  '겨울 여행',
  '붉은',
];

/** Recreates the bench database: migrated, categories, one venue, `count` performances in bulk. */
export async function prepareBenchDatabase(url: string, count: number): Promise<{ performanceId: string }> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(url);
  const db = createDb(createPool({ url, poolSize: 2 }));
  try {
    await migrateToLatest(db);
    await ensureCategories({ db });
    const venueId = await new CatalogRepository().insertVenue(db, {
      name: '벤치마크 아트홀',
      address: '서울 중구 세종대로 110',
      sections: [{ name: '1층', grade: 'R', rows: 20, seatsPerRow: 50 }],
    });
    // The bulk load below is bench data only (generate_series over thousands of rows), not catalogue logic.
    // At 100,000 performances it outlasts the pool's 15 s statement timeout: setup, not the thing measured
    // (and i * 104729 no longer fits an integer: the product is taken as bigint).
    await db.connection().execute(async (conn) => {
      await sql`SET statement_timeout = 0`.execute(conn);
      await sql`
      INSERT INTO performances (title, description, category_id, venue_id, start_date, end_date, running_minutes,
                                age_rating, "cast", status, view_count, sales_count, search_text)
      SELECT t.title, t.description, c.id, ${venueId}, current_date + (i % 90), current_date + (i % 90) + 30, 120, 0,
             t.cast_list, 'ON_SALE', (i * 7919) % 10007, (i::bigint * 104729) % 997,
             lower(t.title || ' ' || array_to_string(t.cast_list, ' ') || ' 벤치마크 아트홀 ' || t.description)
      FROM generate_series(1, ${count}) AS i
      CROSS JOIN LATERAL (
        SELECT (${ADJECTIVES}::text[])[1 + i % 10] || ' ' || (${NOUNS}::text[])[1 + (i / 10) % 20] || ' '
                 || (${ENGLISH}::text[])[1 + (i / 200) % 8] || ' ' || i AS title,
               ARRAY[(${CAST}::text[])[1 + i % 12], (${CAST}::text[])[1 + (i / 12) % 12]] AS cast_list,
               '벤치마크용 공연 설명 ' || i || ' — a generated show for load tests' AS description
      ) AS t
      CROSS JOIN LATERAL (SELECT id FROM categories ORDER BY sort_order OFFSET i % 6 LIMIT 1) AS c`.execute(
        conn,
      );
      await sql`INSERT INTO performance_prices (performance_id, grade, price) SELECT id, 'R', 100000 FROM performances`.execute(
        conn,
      );
      // What autovacuum does after a bulk load: merge the GIN pending lists (or the planner prices the
      // text indexes as scans of an unsorted list) and gather statistics.
      await sql`VACUUM ANALYZE`.execute(conn);
    });
    const first = await sql<{ id: string }>`SELECT id FROM performances ORDER BY title LIMIT 1`.execute(db);
    return { performanceId: first.rows[0]!.id };
  } finally {
    await db.destroy();
  }
}
