import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

/** Both sizes every detail journey runs at: a 390 px phone and a 1280 px desktop. */
const VIEWPORTS = [
  { tag: '390', viewport: { width: 390, height: 844 } },
  { tag: '1280', viewport: { width: 1280, height: 800 } },
] as const;

const DAY = 86400_000;
/** The run of the issue: 51 showtimes, which as a plain list made a 4,682 px page. */
const RUN_SHOWTIMES = 51;
/** 'YYYY-MM-DD' of an instant in Korea (the calendar's day). */
const kstDay = (ms: number): string => new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
/** 19:30 Korea time, `days` days from now. */
function eveningIn(days: number, hour = 19, minute = 30): number {
  const day = kstDay(Date.now() + days * DAY);
  return Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+09:00`);
}

interface DetailFixture {
  performanceId: string;
  title: string;
  venueId: string;
  venueName: string;
  /** The day with two showtimes (matinee with cast, evening). */
  busyDay: string;
  matineeId: string;
  eveningId: string;
  /** The day whose showtime's sales have not opened. */
  laterDay: string;
}

/** A venue with location and contact, a performance, and a run of showtimes over several days. */
async function detailFixture(api: Api, suffix: string): Promise<DetailFixture> {
  const categories = await api.call<Array<{ id: string }>>('GET', '/categories');
  const venueName = `E2E 블루스퀘어 ${suffix}`;
  const venue = await api.call<{ id: string }>('POST', '/admin/venues', {
    name: venueName,
    address: '서울 용산구 이태원로 294',
    latitude: 37.5407,
    longitude: 127.0026,
    phone: '1544-1591',
    parking: '건물 지하 주차장 (관람객 4시간 3,000원)',
    directions: '6호선 한강진역 2번 출구 바로 앞',
    sections: [
      { name: 'A', grade: 'VIP', rows: 1, seatsPerRow: 6 },
      { name: 'B', grade: 'R', rows: 2, seatsPerRow: 6 },
    ],
  });
  const title = `E2E 상세 뮤지컬 ${suffix}`;
  const performance = await api.call<{ id: string }>('POST', '/admin/performances', {
    title,
    description: '달력과 회차, 공연장 탭을 시험하는 공연',
    categoryId: categories[0]!.id,
    venueId: venue.id,
    startDate: kstDay(Date.now()),
    endDate: kstDay(Date.now() + 40 * DAY),
    runningMinutes: 150,
    ageRating: 8,
    cast: ['최재림', '아이비'],
    prices: [
      { grade: 'VIP', price: 150_000 },
      { grade: 'R', price: 120_000 },
    ],
  });
  const showtime = (startsAt: number, extra: Record<string, unknown> = {}) =>
    api.call<{ id: string }>('POST', `/admin/performances/${performance.id}/showtimes`, {
      startsAt: new Date(startsAt).toISOString(),
      salesOpenAt: new Date(Date.now() - 60_000).toISOString(),
      salesCloseAt: new Date(startsAt - 3600_000).toISOString(),
      maxTicketsPerUser: 4,
      ...extra,
    });
  // A run: one show a day for two weeks (the calendar, not a long list, carries it).
  for (let d = 4; d <= 18; d++) if (d !== 5) await showtime(eveningIn(d));
  const busy = 5;
  const matinee = await showtime(eveningIn(busy, 14, 0), { cast: ['민우혁', '손승연'] });
  const evening = await showtime(eveningIn(busy), { cast: ['최재림', '아이비'] });
  const later = 25;
  await showtime(eveningIn(later), { salesOpenAt: new Date(Date.now() + 2 * DAY).toISOString() });
  // The rest of a 51-show run: matinees on the first fortnight, then evenings whose sales each open
  // on a day of their own (the worst case for the sales schedule too).
  let count = 17;
  for (let d = 4; d <= 18 && count < RUN_SHOWTIMES; d++) {
    if (d === busy) continue;
    await showtime(eveningIn(d, 14, 0));
    count++;
  }
  for (let d = 19; d <= 40 && count < RUN_SHOWTIMES; d++) {
    if (d === later) continue;
    await showtime(eveningIn(d), { salesOpenAt: new Date(Date.now() + (d - 16) * DAY).toISOString() });
    count++;
  }
  assert.equal(count, RUN_SHOWTIMES);
  return {
    performanceId: performance.id,
    title,
    venueId: venue.id,
    venueName,
    busyDay: kstDay(eveningIn(busy)),
    matineeId: matinee.id,
    eveningId: evening.id,
    laterDay: kstDay(eveningIn(later)),
  };
}

/** Clicks a day in the calendar, paging months forward until it shows. */
async function pickDay(page: Page, day: string): Promise<void> {
  const cell = page.locator(`[data-testid=calendar-day][data-date="${day}"]`);
  for (let i = 0; i < 3 && !(await cell.isVisible()); i++) {
    await page.getByRole('button', { name: '다음 달' }).click();
  }
  await cell.click();
  assert.equal(await cell.getAttribute('aria-pressed'), 'true');
}

/** Where the shots of the page go when DETAIL_SHOTS names a folder (to look at them, not to compare). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.DETAIL_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

export function detailJourneys(stack: Stack, suffix: string): Journey[] {
  const asAdmin = async (): Promise<Api> => {
    const api = new Api(stack.baseUrl);
    await api.login(ADMIN.email, ADMIN.password);
    return api;
  };

  return VIEWPORTS.flatMap(({ tag, viewport }): Journey[] => [
    {
      id: `detail-${tag}`,
      name: `detail at ${tag} px: calendar → a day's showtimes with seats per grade and cast → venue tab with the offline map fallback`,
      viewports: viewport.width < 600 ? (['mobile'] as const) : (['desktop'] as const),
      run: async (page) => {
        const f = await detailFixture(await asAdmin(), `${suffix}-d${tag}`);
        await page.goto(`/performances/${f.performanceId}`);
        await page.getByRole('heading', { name: f.title }).waitFor();
        // Dates carry the weekday; the run's 51 showtimes are a calendar, not a list.
        await page
          .getByText(/\d+월 \d+일 \([일월화수목금토]\) ~/)
          .first()
          .waitFor();
        await page.getByTestId('calendar').waitFor();
        await page.getByTestId('sales-schedule').waitFor();
        await shot(page, `detail-${tag}-top`);
        // 51 showtimes: one day's rows at a time, a few ticket openings with the rest folded, and
        // a page far shorter than the 4,682 px the list once made.
        assert.ok((await page.locator('[data-testid=showtime]').count()) <= 2, 'one day of showtimes listed');
        const schedule = page.getByTestId('sales-schedule');
        assert.ok((await schedule.locator('tr:visible').count()) <= 4, 'sales schedule shows a few rows');
        await schedule.getByText(/오픈 일정 \d+개 더 보기/).waitFor();
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height < 3500, `the page is ${height} px high with ${RUN_SHOWTIMES} showtimes`);

        await pickDay(page, f.busyDay);
        const rows = page.locator('[data-testid=showtime]');
        await rows.nth(1).waitFor();
        assert.equal(await rows.count(), 2, 'only the picked day is listed');
        const heading = await page.getByTestId('day-heading').innerText();
        assert.match(heading, /\d+월 \d+일 \([일월화수목금토]\)/);

        const matinee = page.locator(`[data-testid=showtime][data-showtime-id="${f.matineeId}"]`);
        await matinee.getByText('14:00').waitFor();
        await matinee.getByText('VIP석 6').waitFor();
        await matinee.getByText('R석 12').waitFor();
        await matinee.getByTestId('showtime-cast').getByText('민우혁, 손승연').waitFor();
        const evening = page.locator(`[data-testid=showtime][data-showtime-id="${f.eveningId}"]`);
        await evening.getByTestId('showtime-cast').getByText('최재림, 아이비').waitFor();
        assert.equal(await evening.getAttribute('data-state'), 'open');
        await evening.getByRole('link', { name: '예매하기' }).waitFor();

        // Picking the evening makes it the showtime the book button goes to.
        await evening.getByRole('button', { name: /이 회차 선택/ }).click();
        if (viewport.width < 960) {
          const bar = page.getByTestId('sticky-book');
          await bar.getByText('19:30').waitFor();
          const href = await bar.getByRole('link', { name: '예매하기' }).getAttribute('href');
          assert.ok(href?.includes(f.eveningId), `sticky book goes to the chosen showtime: ${href}`);
        }
        // The refund rule and the chosen showtime's cancel deadline.
        await page
          .getByTestId('refund-policy')
          .getByText(/취소 마감: 공연 시작 \d+시간 전까지/)
          .waitFor();
        await page
          .getByTestId('refund-policy')
          .getByText(/\d+월 \d+일 \([일월화수목금토]\) 19:30까지/)
          .waitFor();
        await shot(page, `detail-${tag}-day`);

        // A day whose sales have not opened gives the open date and time, not only a countdown.
        await pickDay(page, f.laterDay);
        const notOpen = page.locator('[data-testid=showtime][data-state=notOpen]');
        await notOpen.getByText(/\d+월 \d+일 \([일월화수목금토]\) \d{2}:\d{2} 오픈/).waitFor();

        await page.getByRole('tab', { name: '공연장' }).click();
        const panel = page.getByRole('tabpanel');
        await panel.getByText(f.venueName).waitFor();
        await panel.getByText('1544-1591').waitFor();
        await panel.getByText('건물 지하 주차장 (관람객 4시간 3,000원)').waitFor();
        await panel.getByText('6호선 한강진역 2번 출구 바로 앞').waitFor();
        // No network here: the map's tiles fail and the address with map-app links takes its place.
        await panel.getByTestId('map-fallback').waitFor({ timeout: 15_000 });
        await panel.getByTestId('map-fallback').getByText('서울 용산구 이태원로 294').waitFor();
        const kakao = await panel.getByRole('link', { name: '카카오맵에서 보기' }).getAttribute('href');
        assert.equal(
          kakao,
          `https://map.kakao.com/link/map/${encodeURIComponent(f.venueName)},37.5407,127.0026`,
        );
        const naver = await panel.getByRole('link', { name: '네이버 지도에서 보기' }).getAttribute('href');
        assert.ok(naver?.startsWith('https://map.naver.com/'), naver ?? '');
        await shot(page, `detail-${tag}-venue`);

        await page.getByRole('tab', { name: '관람후기' }).click();
        await page.getByRole('tabpanel').getByText('아직 관람후기가 없습니다').waitFor();
      },
    },
    {
      id: `venue-edit-${tag}`,
      name: `admin at ${tag} px types a venue's coordinates; the detail's venue tab shows the new place`,
      viewports: viewport.width < 600 ? (['mobile'] as const) : (['desktop'] as const),
      run: async (page) => {
        const f = await detailFixture(await asAdmin(), `${suffix}-v${tag}`);
        await signIn(page, ADMIN.email, ADMIN.password);
        await page.goto('/admin/venues');
        await page.getByRole('button', { name: `${f.venueName} 편집` }).click();
        const form = page.locator('form', {
          has: page.getByRole('heading', { name: `${f.venueName} 편집` }),
        });
        // What the server refuses is named under its own field, in Korean.
        await form.getByLabel('이름').fill('');
        await form.getByLabel('전화번호').fill('전화 없음');
        await form.getByRole('button', { name: '저장' }).click();
        const name = form.getByLabel('이름');
        await form.getByText('입력해 주세요.').waitFor();
        assert.equal(await name.getAttribute('aria-invalid'), 'true');
        const nameHelp = (await name.getAttribute('aria-describedby')) ?? '';
        assert.equal(await page.locator(`#${nameHelp}`).innerText(), '입력해 주세요.');
        const phone = form.getByLabel('전화번호');
        assert.equal(await phone.getAttribute('aria-invalid'), 'true');
        const phoneHelp = (await phone.getAttribute('aria-describedby')) ?? '';
        assert.equal(await page.locator(`#${phoneHelp}`).innerText(), '형식이 올바르지 않습니다.');
        assert.doesNotMatch(await form.innerText(), /body\.|must |pattern/);
        await form.getByLabel('이름').fill(f.venueName);

        // A latitude out of range is named in Korean before anything is sent.
        await form.getByLabel('위도').fill('137.5');
        await form.getByRole('button', { name: '저장' }).click();
        await form.getByText('위도는 -90에서 90 사이의 숫자로 입력하세요.').waitFor();
        await form.getByLabel('위도').fill('37.5113');
        await form.getByLabel('경도').fill('127.0980');
        await form.getByLabel('전화번호').fill('02-2240-8800');
        await shot(page, `venue-edit-${tag}`);
        await form.getByRole('button', { name: '저장' }).click();
        await page.getByText(`${f.venueName} 정보를 저장했습니다.`).waitFor();
        await page
          .locator(`[data-testid=admin-venue][data-venue-id="${f.venueId}"]`)
          .getByText('37.5113, 127.098')
          .waitFor();

        await page.goto(`/performances/${f.performanceId}`);
        await page.getByRole('tab', { name: '공연장' }).click();
        const panel = page.getByRole('tabpanel');
        await panel.getByText('02-2240-8800').waitFor();
        const kakao = await panel.getByRole('link', { name: '카카오맵에서 보기' }).getAttribute('href');
        assert.ok(kakao?.endsWith(',37.5113,127.098'), kakao ?? '');
      },
    },
  ]);
}
