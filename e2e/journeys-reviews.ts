import assert from 'node:assert/strict';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { Api, buyOneTicket, createDoorFixture } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Reviewer-pass-2345';

/** The show begins: the journey's own showtime moved to ten minutes ago, as time would. */
async function startShow(databaseUrl: string, showtimeId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE showtimes SET sales_open_at = now() - interval '1 day',
              sales_close_at = now() - interval '1 hour', starts_at = now() - interval '10 minutes'
        WHERE id = $1`,
      [showtimeId],
    );
  } finally {
    await client.end();
  }
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '로그아웃' }).click();
  await page.getByRole('link', { name: '로그인' }).first().waitFor();
}

/**
 * 관람후기: a buyer's show starts and the box office checks the ticket in at the door; the buyer
 * writes a review from 예매 내역 (stars by keyboard, the counter), lands on the performance's
 * reviews tab with the new average; the admin replies in 관람후기 관리, and the buyer sees the reply
 * under the review and the notification about it. `REVIEWS_SHOTS=/tmp/dir` saves screenshots of the
 * reviews tab and the reply.
 */
export function reviewJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'reviews',
      name: 'attend (check-in), write a review from 예매 내역, see it and the average on the page; the theatre replies and the buyer sees it',
      run: async (page, _context, run) => {
        const tag = `${suffix}-rv-${run.viewport}`;
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const door = await createDoorFixture(admin, tag);
        const email = `reviewer-${run.viewport}-${suffix}@e2e.test`;
        const buyer = new Api(stack.baseUrl);
        await buyer.signup(email, PASSWORD, stack.waitForCode);
        await buyer.login(email, PASSWORD);
        const ticket = await buyOneTicket(buyer, stack.gatewayUrl, door.tonightId);
        const [bought] = await buyer.call<Array<{ reservationId: string }>>('GET', '/tickets');
        const { showtime } = await buyer.call<{ showtime: { performanceId: string } }>(
          'GET',
          `/reservations/${bought!.reservationId}`,
        );
        const { performanceId } = showtime;
        await startShow(stack.databaseUrl, door.tonightId);

        // At the door: the admin checks the ticket in.
        await signIn(page, ADMIN.email, ADMIN.password);
        await page.goto('/admin/check-in');
        await page.locator(`[data-testid=door-showtime][data-showtime-id="${door.tonightId}"]`).click();
        await page.getByTestId('door-showtime-current').getByText(door.title).waitFor();
        await page.getByLabel('티켓 코드').fill(ticket.code);
        await page.getByRole('button', { name: '입장 처리' }).click();
        await page.locator('[data-testid=door-answer][data-result=ok]').waitFor();
        await signOut(page);

        // The buyer reviews the show from 예매 내역 (a past show now: folded under 지난 공연).
        await signIn(page, email, PASSWORD);
        await page.goto('/me/reservations');
        const past = page.getByTestId('past');
        await past.getByRole('heading', { name: /지난 공연/ }).click();
        await past.getByTestId('write-review').click();
        await page.waitForURL(/\/me\/reservations\/[0-9a-f-]{36}\/review$/);
        await page.getByTestId('review-show').getByText(door.title).waitFor();
        // Stars by keyboard: the first star, then three steps right.
        await page.getByRole('radio', { name: '1점' }).focus();
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
        assert.equal(await page.getByRole('radio', { name: '4점' }).isChecked(), true);
        const body = '배우들의 합이 정말 좋았어요. <b>2막</b> 넘버는 다시 듣고 싶어요!';
        await page.getByLabel('후기 내용').fill(body);
        await page
          .getByTestId('review-counter')
          .getByText(`${[...body].length} / 2,000자`)
          .waitFor();
        await page.getByRole('button', { name: '등록하기' }).click();

        // On the performance page's reviews tab: the review (its markup as text) and the average.
        await page.waitForURL(new RegExp(`/performances/${performanceId}\\?tab=reviews#review-`));
        const summary = page.getByTestId('review-summary');
        await summary.getByTestId('review-average').getByText('4.0').waitFor();
        await summary.getByTestId('review-count').getByText('관람후기 1개').waitFor();
        await summary.locator('[data-star="4"][data-count="1"]').waitFor();
        const shots = process.env.REVIEWS_SHOTS;
        if (shots)
          await page.screenshot({ path: `${shots}/reviews-tab-${run.viewport}.png`, fullPage: true });
        const mine = page.getByTestId('review').filter({ hasText: '내 후기' });
        assert.equal(await mine.getByTestId('review-body').innerText(), body);
        assert.equal(await mine.locator('b').count(), 0);
        await page.goto('/me/reservations');
        await page
          .getByTestId('past')
          .getByRole('heading', { name: /지난 공연/ })
          .click();
        await page.getByTestId('past').getByTestId('reviewed').waitFor();
        await signOut(page);

        // The theatre replies in 관람후기 관리.
        await signIn(page, ADMIN.email, ADMIN.password);
        await page.goto('/admin');
        await page.getByRole('link', { name: '관람후기 관리' }).click();
        const card = page.getByTestId('moderated-review').filter({ hasText: door.title });
        await card.getByRole('button', { name: '답글 달기' }).click();
        const reply = `찾아 주셔서 고맙습니다. 다음 시즌에 또 만나요! (${tag})`;
        await card.getByLabel('공연장 답글').fill(reply);
        await card.getByRole('button', { name: '답글 등록' }).click();
        await card.getByText('답글을 등록했어요.').waitFor();
        await signOut(page);

        // The buyer sees the reply under the review, and is told about it.
        await signIn(page, email, PASSWORD);
        await page.goto(`/performances/${performanceId}?tab=reviews`);
        await page.getByTestId('review-reply').getByText(reply).waitFor();
        if (shots)
          await page.screenshot({ path: `${shots}/reviews-reply-${run.viewport}.png`, fullPage: true });
        await page.goto('/me/notifications');
        await page.getByText('내 관람후기에 공연장 답글이 달렸어요').first().waitFor({ timeout: 45_000 });
        const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(wider <= 0, `the page is ${wider} px wider than the screen`);
      },
    },
  ];
}
