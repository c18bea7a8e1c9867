import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Alerts-pass-2345';
const DAY = 86400_000;

/**
 * Sales open this long after the show is made. ONSALE_SOON is due ten minutes before the opening,
 * so the journey has this margin to subscribe before the sales-open job (every 2 s in the e2e stack)
 * starts its fan-out.
 */
const SUBSCRIBE_MARGIN_MS = 30_000;

/** A show whose only showtime opens for sale in 10 minutes and 30 seconds, made by an admin. */
async function createUpcomingShow(
  admin: Api,
  title: string,
  cast: string[],
): Promise<{ performanceId: string }> {
  const categories = await admin.call<Array<{ id: string }>>('GET', '/categories');
  const venue = await admin.call<{ id: string }>('POST', '/admin/venues', {
    name: `E2E 알림홀 ${title}`,
    address: '서울특별시 종로구 대학로 12',
    sections: [{ name: '1층', grade: 'R', rows: 1, seatsPerRow: 4 }],
  });
  const day = (offset: number): string => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
  const { id } = await admin.call<{ id: string }>('POST', '/admin/performances', {
    title,
    description: '알림 여정 시험용 공연',
    categoryId: categories[0]!.id,
    venueId: venue.id,
    startDate: day(0),
    endDate: day(30),
    runningMinutes: 110,
    ageRating: 8,
    cast,
    prices: [{ grade: 'R', price: 66_000 }],
    status: 'ON_SALE',
  });
  const startsAt = Date.now() + 14 * DAY;
  await admin.call('POST', `/admin/performances/${id}/showtimes`, {
    startsAt: new Date(startsAt).toISOString(),
    salesOpenAt: new Date(Date.now() + 10 * 60_000 + SUBSCRIBE_MARGIN_MS).toISOString(),
    salesCloseAt: new Date(startsAt - 3600_000).toISOString(),
    maxTicketsPerUser: 4,
  });
  return { performanceId: id };
}

/** The header's unread badge shows `count` (it arrives over the live stream: no reload here). */
async function badgeShows(page: Page, count: number, timeout = 30_000): Promise<void> {
  const badge = page.getByTestId('notif-badge');
  await badge.filter({ hasText: new RegExp(`^${count}$`) }).waitFor({ timeout });
}

/**
 * 알림: heart an upcoming show and ask for its 티켓 오픈 알림 on the detail page; ten minutes before
 * sales open the notification arrives live in the header's bell (and as mail, with an unsubscribe
 * link); open it from the panel; the alert in 알림 신청, removed; a keyword in 키워드 알림 that a new
 * show's cast matches brings a second live notification; 알림 전체 보기 lists both, 모두 읽음 clears
 * the badge; the mail's unsubscribe link turns that mail off, as the settings page then shows.
 */
export function notificationJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'notifications',
      name: 'wishlist and onsale alert → live bell notification, alerts and keywords pages, unsubscribe',
      run: async (page, _context, run) => {
        const tag = `${suffix}${run.viewport}`;
        const email = `alerts-${tag}@e2e.test`;
        const title = `별빛오픈 ${tag}`;
        await new Api(stack.baseUrl).signup(email, PASSWORD, stack.waitForCode);
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const { performanceId } = await createUpcomingShow(admin, title, ['한별']);
        const madeAt = Date.now();

        await signIn(page, email, PASSWORD);
        await page.goto(`/performances/${performanceId}`);
        const titleRow = page.locator('.detail-title-row');
        await titleRow.getByRole('button', { name: '찜하기' }).click();
        await titleRow.locator('[data-testid=wish-heart][aria-pressed="true"]').waitFor();

        const toggle = page.getByTestId('onsale-alert-toggle');
        assert.match((await toggle.textContent()) ?? '', /티켓 오픈 알림 받기/);
        await toggle.click();
        await page.locator('[data-testid=onsale-alert-toggle][aria-pressed="true"]').waitFor();
        await page.getByText('오픈 10분 전과 오픈할 때 알려 드려요.').waitFor();
        assert(Date.now() - madeAt < SUBSCRIBE_MARGIN_MS, 'subscribed after the fan-out could have started');

        // Ten minutes before the opening the bell counts one, live on this page.
        assert.equal(await page.getByTestId('notif-badge').count(), 0);
        await badgeShows(page, 1, SUBSCRIBE_MARGIN_MS + 45_000);
        const bell = page.getByTestId('notif-bell');
        assert.equal(await bell.getAttribute('aria-expanded'), 'false');
        await page.getByRole('button', { name: '읽지 않은 알림 1개' }).click();
        const panel = page.getByRole('dialog', { name: '최근 알림' });
        const soon = panel.getByRole('link', { name: new RegExp(`10분 뒤 티켓 오픈: ${title}`) });
        await soon.waitFor();

        // The same alert as mail, whose footer has the one-click unsubscribe link.
        const unsubscribeUrl = await stack.waitForMail(email, /(https?:\/\/\S+\/unsubscribe\?token=\S+)/);

        // Opening it goes to the show and marks it read.
        await soon.click();
        await page.waitForURL((url) => url.pathname === `/performances/${performanceId}`);
        await page.getByTestId('notif-badge').waitFor({ state: 'detached' });

        // 알림 신청 from the profile lists the alert; remove it.
        await page.goto('/profile');
        await page.getByTestId('profile-alerts').click();
        await page.waitForURL('**/me/alerts');
        const alerts = page.getByTestId('onsale-alerts');
        await alerts.getByText(title).waitFor();
        await alerts.getByRole('button', { name: `${title} 오픈 알림 해제` }).click();
        await alerts.getByText(title).waitFor({ state: 'detached' });
        await page.getByText('신청한 오픈 알림이 없어요', { exact: false }).waitFor();

        // 키워드 알림: an actor's name; a new show with that actor brings a notification live.
        await page.goto('/profile');
        await page.getByTestId('profile-keywords').click();
        await page.waitForURL('**/me/keywords');
        const actor = `배우${tag}`;
        await page.getByTestId('keyword-input').fill(actor);
        await page.getByTestId('keyword-add').click();
        await page.getByTestId('keyword-list').getByText(actor).waitFor();
        await page.getByText(`'${actor}' 키워드를 추가했어요.`).waitFor();
        const second = `별빛키워드 ${tag}`;
        await createUpcomingShow(admin, second, ['한별', actor]);
        await badgeShows(page, 1);

        // 알림 전체 보기: both, newest first; 모두 읽음 clears the count.
        await page.getByRole('button', { name: '읽지 않은 알림 1개' }).click();
        await panel.getByRole('link', { name: new RegExp(`'${actor}' 키워드 공연이 올라왔어요`) }).waitFor();
        await panel.getByRole('link', { name: '알림 전체 보기' }).click();
        await page.waitForURL('**/me/notifications');
        const rows = page.locator('.notif-item');
        await rows.nth(1).waitFor();
        const titles = await rows.locator('strong').allTextContents();
        assert.match(titles[0]!, /키워드 공연이 올라왔어요/);
        assert.match(titles[1]!, new RegExp(`10분 뒤 티켓 오픈: ${title}`));
        assert.equal(await page.locator('.notif-item.unread').count(), 1);
        // The write is held back half a second, as on a slow network: the list must still end up read
        // (reloaded after the server stored it, not only when the count dropped before it did).
        await page.route('**/users/me/notifications/read', async (route) => {
          await new Promise((r) => setTimeout(r, 500));
          await route.continue();
        });
        await page.getByRole('button', { name: '모두 읽음' }).first().click();
        await page.getByTestId('notif-badge').waitFor({ state: 'detached' });
        await page.locator('.notif-item.unread').first().waitFor({ state: 'detached' });
        assert.equal(await page.locator('.notif-item').count(), 2);
        await page.unroute('**/users/me/notifications/read');

        // The mail's unsubscribe link: confirm, and the settings show that mail off.
        const unsubscribe = new URL(unsubscribeUrl);
        await page.goto(`${unsubscribe.pathname}${unsubscribe.search}`);
        await page.getByText('‘오픈·키워드 알림’ 메일을 더 이상 받지 않을까요?').waitFor();
        await page.getByTestId('unsubscribe-confirm').click();
        await page.getByText('‘오픈·키워드 알림’ 메일 수신을 거부했어요.').waitFor();
        await page.getByRole('link', { name: '알림 설정 보기' }).click();
        await page.waitForURL('**/profile/notifications');
        const alertsMail = page.locator('#notif-email-alerts');
        await page.getByTestId('notification-settings').waitFor();
        assert.equal(await alertsMail.isChecked(), false);
        assert.equal(await page.locator('#notif-inApp-alerts').isChecked(), true);
        assert.equal(await page.locator('#notif-email-booking').isDisabled(), true);
      },
    },
  ];
}
