import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  Api,
  buyOneSeat,
  buyOneTicket,
  createDoorFixture,
  createFixture,
  makeStaff,
  type Fixture,
} from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { completeOrderForm } from './checkout-form.ts';
import { adminEditJourneys } from './journeys-admin-edit.ts';
import { adminDeskJourneys } from './journeys-admin-desks.ts';
import { ADMIN, type Stack } from './stack.ts';
import { detailJourneys } from './journeys-detail.ts';
import { searchJourneys } from './journeys-search.ts';
import { refundJourneys } from './journeys-refunds.ts';
import { seatmapJourneys } from './journeys-seatmap.ts';
import { buyingJourneys } from './journeys-buying.ts';
import { ticketTypeJourneys } from './journeys-ticket-types.ts';
import { ticketJourneys } from './journeys-tickets.ts';
import { seatzoomJourneys } from './journeys-seatzoom.ts';
import { recoveryJourneys } from './journeys-recovery.ts';
import { profileJourneys } from './journeys-profile.ts';
import { socialJourneys } from './journeys-social.ts';
import { wishlistJourneys } from './journeys-wishlist.ts';
import { queueAuditJourneys } from './journeys-queue-audit.ts';
import { notificationJourneys } from './journeys-notifications.ts';
import { chatJourneys } from './journeys-chat.ts';
import { posterJourneys } from './journeys-posters.ts';
import { paymentJourneys } from './journeys-payments.ts';
import { inquiryJourneys } from './journeys-inquiries.ts';
import { reviewJourneys } from './journeys-reviews.ts';
import { assistantJourneys } from './journeys-assistant.ts';

const PASSWORD = 'Buyer-pass-2345';

/** From the performance page through the waiting room to the seat map of the fixture's showtime. */
async function throughWaitingRoom(page: Page, fixture: Fixture): Promise<void> {
  await page.goto(`/performances/${fixture.performanceId}`);
  await page
    .locator('[data-testid=showtime][data-state=open]')
    .getByRole('link', { name: '예매하기' })
    .click();
  // Admission comes over SSE (or polling) and the page moves on by itself, maybe before we look.
  await page.waitForURL(/\/(queue|seats)$/);
  await page.waitForURL(/\/seats$/, { timeout: 60_000 });
  // On a phone the seat page shows the sections first: open the first (A), where these journeys' seats are.
  const zones = page.getByTestId('zones');
  const map = page.getByRole('group', { name: '좌석 배치도' });
  await zones.or(map).first().waitFor();
  if (await zones.isVisible()) await zones.locator('button.zone').first().click();
  await map.waitFor();
}

/** Where the sandbox gateway's checkout page is: pay there, or act as the buyer through its API. */
async function payAtGateway(page: Page, stack: Stack): Promise<void> {
  await page.waitForURL(
    (url) => url.origin === stack.gatewayUrl || /^\/checkout\/(return|complete)$/.test(url.pathname),
  );
  if (new URL(page.url()).origin === stack.gatewayUrl) {
    await page
      .getByRole('button', { name: /pay|결제/i })
      .first()
      .click();
  }
  await page.waitForURL(/\/checkout\/(return|complete)/, { timeout: 30_000 });
}

/**
 * Every journey sets up what it needs through the API (its own catalogue, its own accounts), so any
 * one runs alone and in any order: `E2E_ONLY=sold-seat,purchase npm run test:e2e`.
 */
export function journeys(stack: Stack, suffix: string): Journey[] {
  const asAdmin = async (): Promise<Api> => {
    const api = new Api(stack.baseUrl);
    await api.login(ADMIN.email, ADMIN.password);
    return api;
  };
  /** A catalogue of the journey's own: a performance on sale behind a waiting room, and more. */
  const catalogue = async (journey: string): Promise<Fixture> =>
    createFixture(await asAdmin(), `${suffix}-${journey}`);
  /** A verified account of the journey's own. */
  const account = async (journey: string): Promise<{ email: string; api: Api }> => {
    const email = `${journey}-${suffix}@e2e.test`;
    const api = new Api(stack.baseUrl);
    await api.signup(email, PASSWORD, stack.waitForCode);
    await api.login(email, PASSWORD);
    return { email, api };
  };

  return [
    {
      id: 'purchase',
      name: 'sign up, search, pass the waiting room, pick a seat, pay in the sandbox, see the ticket QR',
      run: async (page) => {
        const fixture = await catalogue('purchase');
        const buyer = `buyer-${suffix}@e2e.test`;
        // Sent to sign up from the search page: after signing up the buyer is back there.
        await page.goto('/signup?next=%2Fsearch');
        await page.getByLabel('이메일').fill(buyer);
        await page.getByRole('button', { name: '인증 코드 받기' }).click();
        const code = await stack.waitForCode(buyer);
        await page.getByLabel('인증 코드').fill(code);
        await page.getByRole('button', { name: '확인' }).click();
        await page.getByLabel('닉네임').fill('관객');
        await page.getByLabel('비밀번호').fill(PASSWORD);
        // Both consents are required before the account can be made.
        const submit = page.locator('form').getByRole('button', { name: '회원가입' });
        assert.equal(await submit.isDisabled(), true);
        await page.getByLabel('[필수] 이용약관에 동의합니다').check();
        await page.getByLabel('[필수] 개인정보 수집·이용에 동의합니다').check();
        await submit.click();
        await page.getByRole('button', { name: '로그아웃' }).waitFor();
        await page.waitForURL(/\/search$/);

        await page.getByLabel('검색어').fill(fixture.title);
        await page.getByLabel('검색어').press('Enter');
        await page.getByTestId('performance-card').filter({ hasText: fixture.title }).click();
        await page.getByRole('heading', { name: fixture.title }).waitFor();
        // The showtime whose sales open tomorrow (the next show day) says so instead of offering a button.
        const showDays = page.locator('[data-testid=calendar-day]');
        await showDays.first().waitFor();
        if ((await showDays.count()) < 2) await page.getByRole('button', { name: '다음 달' }).click();
        await showDays.last().click();
        await page.locator('[data-testid=showtime][data-state=notOpen]').waitFor();

        await throughWaitingRoom(page, fixture);
        const seat = page.locator('.seat[data-status=AVAILABLE]').first();
        await seat.click();
        assert.equal(await seat.getAttribute('aria-checked'), 'true');
        await page.getByRole('button', { name: '좌석 선택 완료' }).click();

        await page.waitForURL(/\/checkout$/);
        await page.getByTestId('hold-countdown').waitFor();
        // The coupon list is the server's quote for this hold (a new buyer has no coupons).
        await page.getByText('사용할 수 있는 쿠폰이 없습니다.').waitFor();
        await completeOrderForm(page);
        await page.getByRole('button', { name: '결제하기' }).click();
        await payAtGateway(page, stack);
        await page.getByTestId('payment-confirmed').waitFor({ timeout: 30_000 });

        await page.getByRole('link', { name: '예매 내역과 티켓 보기' }).click();
        // Tickets are issued by the worker after the confirmation event; the page keeps looking.
        const qr = page.getByTestId('ticket').locator('img');
        await qr.first().waitFor({ timeout: 45_000 });
        assert.ok(((await qr.first().getAttribute('src')) ?? '').startsWith('blob:'));
      },
    },
    {
      id: 'sold-seat',
      name: 'a sold seat cannot be chosen',
      run: async (page) => {
        const fixture = await catalogue('sold');
        // Someone else bought a seat first, through the waiting room like anyone.
        const first = await account('first');
        const { seatId: soldSeatId } = await buyOneSeat(first.api, stack.gatewayUrl, fixture.showtimeId, {
          queued: true,
        });
        const { email } = await account('second');
        await signIn(page, email, PASSWORD);
        await throughWaitingRoom(page, fixture);
        const sold = page.locator(`.seat[data-seat-id="${soldSeatId}"]`);
        await sold.waitFor();
        assert.equal(await sold.getAttribute('data-status'), 'SOLD');
        assert.equal(await sold.getAttribute('aria-disabled'), 'true');
        await sold.click({ force: true });
        assert.equal(await sold.getAttribute('aria-checked'), 'false');
        await page.getByRole('heading', { name: '선택한 좌석 0석' }).waitFor();
        assert.equal(await page.getByRole('button', { name: '좌석 선택 완료' }).isDisabled(), true);
        // Sold seats are out of the tab order; available ones toggle from the keyboard.
        assert.equal(await sold.getAttribute('tabindex'), '-1');
        const free = page.locator('.seat[data-status=AVAILABLE]').first();
        await free.focus();
        await page.keyboard.press('Space');
        await page.getByRole('heading', { name: '선택한 좌석 1석' }).waitFor();
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: '선택한 좌석 0석' }).waitFor();
      },
    },
    {
      id: 'decline',
      name: 'declining at the sandbox shows the payment failed and frees the seat',
      run: async (page) => {
        const fixture = await catalogue('decline');
        const { email } = await account('decliner');
        await signIn(page, email, PASSWORD);
        await throughWaitingRoom(page, fixture);
        const seat = page.locator('.seat[data-status=AVAILABLE]').last();
        const seatId = await seat.getAttribute('data-seat-id');
        await seat.click();
        await page.getByRole('button', { name: '좌석 선택 완료' }).click();
        await page.getByTestId('hold-countdown').waitFor();
        await completeOrderForm(page);
        await page.getByRole('button', { name: '결제하기' }).click();
        await page.waitForURL((url) => url.origin === stack.gatewayUrl);
        await page
          .getByRole('button', { name: /decline|취소/i })
          .first()
          .click();
        await page.waitForURL(/\/checkout\/(return|complete)/, { timeout: 30_000 });
        await page.getByTestId('payment-failed').waitFor({ timeout: 30_000 });
        // The seat is on sale again.
        await page.getByRole('link', { name: '좌석 다시 고르기' }).click();
        await throughWaitingRoom(page, fixture);
        await page.locator(`.seat[data-seat-id="${seatId}"][data-status=AVAILABLE]`).waitFor();
      },
    },
    {
      id: 'draw',
      name: 'before sales open, the waiting room shows its opening time, then a place drawn at random',
      run: async (page) => {
        const fixture = await catalogue('draw');
        const { email } = await account('early');
        await signIn(page, email, PASSWORD);
        const queuePage = (showtimeId: string) =>
          `/performances/${fixture.earlyPerformanceId}/showtimes/${showtimeId}/queue`;

        await page.goto(queuePage(fixture.notOpenShowtimeId));
        const notOpen = page.getByTestId('queue-not-open');
        await notOpen.waitFor();
        assert.match(await notOpen.innerText(), /대기실은 (\d+월 \d+일 (\(.\) )?)?\d{2}:\d{2}에 열립니다/);
        await page.getByText('무작위 추첨으로 정해져요', { exact: false }).waitFor();

        await page.goto(queuePage(fixture.drawShowtimeId));
        const draw = page.getByTestId('queue-draw');
        await draw.waitFor();
        assert.match(await draw.innerText(), /\d{2}:\d{2}에 먼저 들어온 분들의 순서를 무작위로 정합니다/);
        assert.equal(await page.getByTestId('queue-position').count(), 0);
        // Nothing spills past the screen, a 390 px phone included.
        assert.ok(
          await page.evaluate(
            () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          ),
        );
      },
    },
    {
      id: 'admin-create',
      name: 'an admin creates a performance and it appears in search',
      run: async (page) => {
        await signIn(page, ADMIN.email, ADMIN.password);
        await page.goto('/admin/venues');
        await page.getByLabel('이름').fill(`관리자 홀 ${suffix}`);
        await page.getByLabel('주소').fill('부산시 해운대구 1');
        await page.getByRole('button', { name: '만들기' }).click();
        await page.getByText(`관리자 홀 ${suffix} 생성됨`).waitFor();

        const title = `관리자 연극 ${suffix}`;
        await page.goto('/admin/performances');
        await page.getByLabel('공연명').fill(title);
        await page.getByLabel('소개').fill('관리자 화면에서 만든 공연');
        await page.getByLabel('공연장').selectOption({ label: `관리자 홀 ${suffix}` });
        await page.getByRole('button', { name: '만들기' }).click();
        await page.getByText(`${title} 생성됨`).waitFor();

        await page.goto(`/search?q=${encodeURIComponent(title)}`);
        await page.getByTestId('performance-card').filter({ hasText: title }).waitFor();
      },
    },
    {
      id: 'door',
      name: 'door staff pick the showtime; a valid ticket is green with its seat, used again or for another showtime red',
      run: async (page) => {
        const door = await createDoorFixture(await asAdmin(), suffix);
        const { email: buyerEmail, api: buyerApi } = await account('door-buyer');
        const tonight = await buyOneTicket(buyerApi, stack.gatewayUrl, door.tonightId, {
          ticketType: 'YOUTH',
        });
        const tomorrow = await buyOneTicket(buyerApi, stack.gatewayUrl, door.tomorrowId);
        const { email: staffEmail } = await account('staff');
        await makeStaff(stack.databaseUrl, staffEmail);

        await signIn(page, staffEmail, PASSWORD);
        await page.getByRole('link', { name: '입장 확인' }).click();
        await page.locator(`[data-testid=door-showtime][data-showtime-id="${door.tonightId}"]`).click();
        await page.getByTestId('door-showtime-current').getByText(door.title).waitFor();

        const answer = page.getByTestId('door-answer');
        const scan = async (code: string, expected: string): Promise<string> => {
          await page.getByLabel('티켓 코드').fill(code);
          await page.getByRole('button', { name: '입장 처리' }).click();
          await page.locator(`[data-testid=door-answer]${expected}`).waitFor();
          return answer.innerText();
        };
        const seat = `${tonight.seat.section}구역 ${tonight.seat.row}열 ${tonight.seat.number}번`;
        const admitted = await scan(tonight.code, '[data-result=ok]');
        assert.match(admitted, /입장 확인/);
        assert.ok(admitted.includes(seat), admitted);
        assert.ok(admitted.includes(door.title), admitted);
        // The holder by nickname and a masked email, never the whole address.
        assert.ok(admitted.includes(`door-buyer-${suffix}`), admitted);
        assert.ok(admitted.includes('do***@e2e.test'), admitted);
        assert.ok(!admitted.includes(buyerEmail), admitted);
        // A youth ticket: its type, and the mark to ask for the proof before letting them in.
        await answer.getByTestId('door-ticket-type').getByText('청소년').waitFor();
        await answer.getByTestId('door-proof').getByText('증빙 확인').waitFor();

        const used = await scan(tonight.code, '[data-code=TICKET_ALREADY_USED]');
        assert.match(used, /이미 입장 처리된 티켓입니다/);
        assert.match(used, /입장 처리되었습니다/);
        assert.ok(used.includes(seat), used);

        const other = await scan(tomorrow.code, '[data-code=WRONG_SHOWTIME]');
        assert.match(other, /다른 회차의 티켓입니다/);
        // An adult ticket names its type with no proof to ask for.
        await answer.getByTestId('door-ticket-type').getByText('일반').waitFor();
        assert.equal(await answer.getByTestId('door-proof').count(), 0);
        assert.ok(
          other.includes(`${tomorrow.seat.section}구역 ${tomorrow.seat.row}열 ${tomorrow.seat.number}번`),
          other,
        );

        // The door remembers its showtime on this device.
        await page.reload();
        await page.getByTestId('door-showtime-current').getByText(door.title).waitFor();
        await page.getByTestId('door-counts').getByText('입장 1 / 발권 1').waitFor();
      },
    },
    {
      id: 'language',
      name: 'the English switch changes the language and is remembered',
      run: async (page) => {
        await page.goto('/');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
        await page.getByRole('link', { name: '검색' }).waitFor();
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('link', { name: 'Search' }).waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        await page.reload();
        await page.getByRole('link', { name: 'Sign in' }).waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        await page.getByRole('button', { name: '한국어' }).click();
        await page.getByRole('link', { name: '로그인' }).waitFor();
      },
    },
    ...adminEditJourneys(stack, suffix),
    ...adminDeskJourneys(stack, suffix),
    ...detailJourneys(stack, suffix),
    ...searchJourneys(stack, suffix),
    ...refundJourneys(stack, suffix),
    ...seatmapJourneys(stack, suffix),
    ...buyingJourneys(stack, suffix),
    ...ticketTypeJourneys(stack, suffix),
    ...ticketJourneys(stack, suffix),
    ...seatzoomJourneys(stack, suffix),
    ...recoveryJourneys(stack, suffix),
    ...profileJourneys(stack, suffix),
    ...socialJourneys(stack, suffix),
    ...wishlistJourneys(stack, suffix),
    ...queueAuditJourneys(stack, suffix),
    ...notificationJourneys(stack, suffix),
    ...chatJourneys(stack, suffix),
    ...posterJourneys(stack, suffix),
    ...paymentJourneys(stack),
    ...inquiryJourneys(stack, suffix),
    ...reviewJourneys(stack, suffix),
    ...assistantJourneys(stack, suffix),
  ];
}
