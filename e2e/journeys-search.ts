import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { ADMIN, type Stack } from './stack.ts';

/**
 * A musical of the journey's own, with a showtime whose sales open in a minute: the ticket-open list
 * shows the ten soonest openings, and other journeys of the same run create theirs ten minutes or
 * more ahead, so this one is among the first whatever ran before it.
 */
async function createSearchFixture(stack: Stack, title: string): Promise<{ id: string }> {
  const api = new Api(stack.baseUrl);
  await api.login(ADMIN.email, ADMIN.password);
  const categories = await api.call<Array<{ id: string; slug: string }>>('GET', '/categories');
  const musical = categories.find((c) => c.slug === 'musical') ?? categories[0]!;
  const venue = await api.call<{ id: string }>('POST', '/admin/venues', {
    name: `E2E 달빛홀 ${title}`,
    address: '부산광역시 해운대구 센텀중앙로 1',
    sections: [{ name: '1층', grade: 'R', rows: 2, seatsPerRow: 6 }],
  });
  const day = (offset: number): string =>
    new Date(Date.now() + 9 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
  const performance = await api.call<{ id: string }>('POST', '/admin/performances', {
    title,
    description: '검색 여정 시험용 공연',
    categoryId: musical.id,
    venueId: venue.id,
    startDate: day(0),
    endDate: day(30),
    runningMinutes: 120,
    ageRating: 0,
    cast: ['한가람'],
    prices: [{ grade: 'R', price: 66_000 }],
  });
  const at = (ms: number): string => new Date(Date.now() + ms).toISOString();
  await api.call('POST', `/admin/performances/${performance.id}/showtimes`, {
    startsAt: at(10 * 86400_000),
    salesOpenAt: at(60_000),
    salesCloseAt: at(9 * 86400_000),
    maxTicketsPerUser: 4,
  });
  return performance;
}

/** Types into the page's search box and submits it (Enter with no suggestion chosen searches the text). */
async function searchFor(page: Page, text: string): Promise<void> {
  const box = page.getByRole('combobox', { name: '검색어' });
  await box.fill(text);
  await box.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === text);
  await page.getByTestId('result-count').waitFor();
}

/**
 * Home → search by a genre word, by a typo and by initial consonants → open a result, at a phone and
 * a desktop size. Each journey creates its own performance.
 */
export function searchJourneys(stack: Stack, suffix: string): Journey[] {
  return ([390, 1280] as const).map((width) => ({
    id: `search-${width}`,
    name: `home, then search by genre word, typo and 초성, then open the performance (${width}px)`,
    viewports: width < 600 ? (['mobile'] as const) : (['desktop'] as const),
    run: async (page: Page) => {
      const title = `달빛정원사 ${suffix}w${width}`;
      const { id } = await createSearchFixture(stack, title);

      // Home: a real first page, never "no ranking yet" under the main heading.
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: '보고 싶은 공연, 지금 예매하세요' }).waitFor();
      const open = page.getByTestId('ticket-open');
      await open
        .getByTestId('performance-card')
        .filter({ hasText: title })
        .getByText(/오픈$/)
        .first()
        .waitFor();
      await page.getByTestId('rankings').getByTestId('performance-card').first().waitFor();
      assert.equal(await page.getByText('아직 순위가 없습니다.').count(), 0);

      // The genre word finds the genre: the newest musical is ours.
      await searchFor(page, '뮤지컬');
      // On a phone region, price, dates and sort sit behind one tap.
      const more = page.locator('details.more-filters');
      if ((await more.getAttribute('open')) === null) await more.locator('summary').click();
      await page.getByLabel('정렬').selectOption('latest');
      await page.getByTestId('performance-card').first().filter({ hasText: title }).waitFor();

      // A typo still finds it, and the page says the match is approximate.
      await searchFor(page, '달빛정원서');
      await page.getByText("'달빛정원서'에 정확히 맞는 공연이 없어 비슷한 공연을 보여드려요.").waitFor();
      await page.getByTestId('performance-card').filter({ hasText: title }).waitFor();

      // Initial consonants: suggestions while typing, chosen with the keyboard, open the performance.
      const box = page.getByRole('combobox', { name: '검색어' });
      await box.fill('ㄷㅂㅈㅇㅅ');
      // The suggestions that answer these initials (not a list left from an earlier query).
      await page.locator('[role="listbox"][aria-busy="false"]:not([hidden])').waitFor();
      const option = page.getByRole('option', { name: new RegExp(title) });
      await option.waitFor();
      assert.equal(await box.getAttribute('aria-expanded'), 'true');
      const options = await page.getByRole('option').allTextContents();
      const index = options.findIndex((o) => o.includes(title));
      for (let i = 0; i <= index; i++) await box.press('ArrowDown');
      assert.equal(await option.getAttribute('aria-selected'), 'true');
      assert.equal(await box.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
      await box.press('Enter');
      await page.waitForURL(`**/performances/${id}`);
      await page.getByRole('heading', { name: title }).waitFor();

      // The same initials as a search: the results list it too.
      await page.goto('/');
      await searchFor(page, 'ㄷㅂㅈㅇㅅ');
      await page.getByTestId('performance-card').filter({ hasText: title }).click();
      await page.getByRole('heading', { name: title }).waitFor();
    },
  }));
}
