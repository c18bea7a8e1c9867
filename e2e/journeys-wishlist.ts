import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Wisher-pass-2345';

/** Two shows of the journey's own (no showtimes needed: a heart is about the show). */
async function createShows(stack: Stack, titles: string[]): Promise<string[]> {
  const api = new Api(stack.baseUrl);
  await api.login(ADMIN.email, ADMIN.password);
  const categories = await api.call<Array<{ id: string }>>('GET', '/categories');
  const venue = await api.call<{ id: string }>('POST', '/admin/venues', {
    name: `E2E 별빛홀 ${titles[0]}`,
    address: '서울특별시 마포구 양화로 1',
    sections: [{ name: '1층', grade: 'R', rows: 1, seatsPerRow: 4 }],
  });
  const day = (offset: number): string =>
    new Date(Date.now() + 9 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
  const ids: string[] = [];
  for (const title of titles) {
    const { id } = await api.call<{ id: string }>('POST', '/admin/performances', {
      title,
      description: '찜 여정 시험용 공연',
      categoryId: categories[0]!.id,
      venueId: venue.id,
      startDate: day(1),
      endDate: day(20),
      runningMinutes: 100,
      ageRating: 0,
      cast: ['한별'],
      prices: [{ grade: 'R', price: 55_000 }],
    });
    ids.push(id);
  }
  return ids;
}

const tileOf = (page: Page, id: string) =>
  page.locator('.tile-wrap').filter({ has: page.locator(`a[href="/performances/${id}"]`) });

/** Waits until the heart inside `scope` shows `value` (the optimistic flip, kept after the server answered). */
async function pressed(scope: Locator, value: boolean): Promise<void> {
  await scope.locator(`[data-testid=wish-heart][aria-pressed="${value}"]`).waitFor();
}

/**
 * 찜: a signed-out heart goes to login and back; signed in, heart one show from the search results
 * and another from its detail page, find both in 찜한 공연 (from the profile), un-heart them, and see
 * the empty state.
 */
export function wishlistJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'wishlist',
      name: 'heart shows from search and detail, see them in 찜한 공연, un-heart, empty state',
      run: async (page, _context, run) => {
        const tag = `${suffix}${run.viewport}`;
        const word = `별빛찜 ${tag}`;
        const [fromSearch, fromDetail] = await createShows(stack, [`${word} 하나`, `${word} 둘`]);
        assert(fromSearch && fromDetail);
        const email = `wishlist-${tag}@e2e.test`;
        await new Api(stack.baseUrl).signup(email, PASSWORD, stack.waitForCode);

        // Signed out: the heart sends the visitor to log in, and back to the same results.
        const searchUrl = `/search?q=${encodeURIComponent(word)}`;
        await page.goto(searchUrl);
        const firstHeart = tileOf(page, fromSearch).getByRole('button', { name: '찜하기' });
        await firstHeart.click();
        await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.has('next'));
        await page.getByLabel('이메일').fill(email);
        await page.getByLabel('비밀번호').fill(PASSWORD);
        await page.locator('form').getByRole('button', { name: '로그인' }).click();
        await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === word);

        // Signed in: heart the first show from the results.
        const heart = tileOf(page, fromSearch).getByTestId('wish-heart');
        await heart.waitFor();
        assert.equal(await heart.getAttribute('aria-pressed'), 'false');
        await heart.click();
        await pressed(tileOf(page, fromSearch), true);
        assert.equal(await heart.getAttribute('aria-label'), '찜 해제');

        // The second from its detail page, next to the title.
        await page.goto(`/performances/${fromDetail}`);
        const titleRow = page.locator('.detail-title-row');
        await titleRow.getByRole('button', { name: '찜하기' }).click();
        await pressed(titleRow, true);

        // 찜한 공연 from the profile: newest wish first.
        await page.goto('/profile');
        await page.getByTestId('profile-wishlist').click();
        await page.waitForURL('**/me/wishlist');
        await page.getByRole('heading', { level: 1, name: '찜한 공연' }).waitFor();
        const list = page.getByTestId('wishlist');
        await list.locator(`a[href="/performances/${fromSearch}"]`).waitFor();
        const order = await list
          .locator('a.tile')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        assert.deepEqual(order, [`/performances/${fromDetail}`, `/performances/${fromSearch}`]);

        // Un-heart both here; after a reload the list is empty and says how to fill it.
        for (const id of [fromDetail, fromSearch]) {
          await tileOf(page, id).getByRole('button', { name: '찜 해제' }).click();
          await pressed(tileOf(page, id), false);
        }
        await page.reload();
        await page.getByText('아직 찜한 공연이 없어요', { exact: false }).waitFor();
        await page.getByRole('link', { name: '공연 둘러보기' }).waitFor();
      },
    },
  ];
}
