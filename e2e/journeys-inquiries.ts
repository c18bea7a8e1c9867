import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { Api, buyOneSeat, createDoorFixture } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Asker-pass-2345';

/** Signed out: the refresh cookie goes, and a fresh load forgets the access token it held. */
async function signOut(page: Page, context: BrowserContext): Promise<void> {
  await context.clearCookies();
  await page.goto('/login');
  await page.getByLabel('이메일').waitFor();
}

/**
 * 1:1 문의: from 예매 내역 a buyer asks about a booking (the form comes prefilled with it); the
 * admin finds it in the support desk's 답변 대기 tab, answers, and adds a 금칙어; the buyer gets the
 * INQUIRY_ANSWERED notification in the header's bell (and the mail), reads the answer in the thread,
 * and a follow-up holding the new word (spaced out) is refused with the Korean message.
 */
export function inquiryJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'inquiries',
      name: 'buyer asks about a booking → support desk answers → bell notice and thread; banned word refused',
      run: async (page, context, run) => {
        const tag = `${suffix}${run.viewport}`;
        const email = `asker-${tag}@e2e.test`;
        const title = `좌석 변경 문의 ${tag}`;
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const door = await createDoorFixture(admin, `문의${tag}`);
        const buyer = new Api(stack.baseUrl);
        await buyer.signup(email, PASSWORD, stack.waitForCode);
        await buyer.login(email, PASSWORD);
        const { reservationId } = await buyOneSeat(buyer, stack.gatewayUrl, door.tonightId);

        // 예매 내역 → 이 예매 문의하기: the form has the booking chosen.
        await signIn(page, email, PASSWORD);
        await page.goto('/me/reservations');
        await page.getByTestId('reservation-inquire').first().click();
        await page.waitForURL((url) => url.pathname === '/me/inquiries/new');
        const bookingSelect = page.getByTestId('inquiry-booking');
        await bookingSelect.locator(`option[value="${reservationId}"]`).waitFor({ state: 'attached' });
        assert.equal(await bookingSelect.inputValue(), reservationId);
        await page.getByLabel('문의 유형').selectOption('BOOKING');
        await page.getByLabel('제목').fill(title);
        await page.getByLabel('내용').fill('앞쪽 좌석으로 바꿀 수 있을까요?\n같은 등급이면 좋겠어요.');
        await page.getByText('32/2000자').waitFor();
        await page.getByTestId('inquiry-submit').click();
        await page.waitForURL(/\/me\/inquiries\/[0-9a-f-]{36}$/);
        const inquiryPath = new URL(page.url()).pathname;
        await page.getByTestId('inquiry-status').filter({ hasText: '답변 대기' }).waitFor();
        await page
          .getByTestId('buyer-message')
          .getByText('같은 등급이면 좋겠어요.', { exact: false })
          .waitFor();

        // The list (from 내 정보) shows it as a card.
        await page.goto('/profile');
        await page.getByTestId('profile-inquiries').click();
        await page.waitForURL('**/me/inquiries');
        await page.getByTestId('inquiry-card').filter({ hasText: title }).waitFor();

        // The support desk: 답변 대기, oldest first; answer and add a banned word.
        await signOut(page, context);
        await signIn(page, ADMIN.email, ADMIN.password);
        await page.goto('/admin');
        await page.getByRole('link', { name: '1:1 문의' }).click();
        await page.waitForURL('**/admin/inquiries');
        await page.getByTestId('desk-tab-OPEN').waitFor();
        const card = page.getByTestId('desk-card').filter({ hasText: title });
        await card.getByText(email, { exact: false }).waitFor();
        await card.click();
        await page.waitForURL((url) => url.pathname === `/admin${inquiryPath.replace('/me', '')}`);
        await page
          .getByTestId('desk-answer')
          .fill('안녕하세요, 고객님.\n같은 등급 앞쪽 좌석으로 바꿔 드렸어요.');
        await page.getByTestId('desk-send').click();
        await page.getByText('답변을 보냈어요.', { exact: false }).waitFor();
        await page.getByTestId('inquiry-status').filter({ hasText: '답변 완료' }).waitFor();

        const word = `새치기${tag}`;
        await page.getByRole('link', { name: '금칙어' }).click();
        await page.waitForURL('**/admin/banned-words');
        await page.getByTestId('banned-input').fill(word);
        await page.getByTestId('banned-add').click();
        await page.getByTestId('banned-list').getByText(word).waitFor();

        // The buyer: the bell counts the answer; it opens the thread with the answer in it.
        await signOut(page, context);
        await signIn(page, email, PASSWORD);
        // The purchase brought its own notices (예매 완료, 티켓 발급): the answer is one more.
        await page.getByTestId('notif-badge').waitFor({ timeout: 30_000 });
        await page.getByTestId('notif-bell').click();
        const panel = page.getByRole('dialog', { name: '최근 알림' });
        const notice = panel.getByRole('link', { name: /1:1 문의에 답변이 달렸어요/ });
        await notice.waitFor({ timeout: 30_000 });
        assert.match((await notice.textContent()) ?? '', new RegExp(title));
        await notice.click();
        await page.waitForURL((url) => url.pathname === inquiryPath);
        const answer = page.getByTestId('staff-message');
        await answer.getByText('고객센터').waitFor();
        const body = await answer.locator('.bubble-body').textContent();
        assert.equal(body, '안녕하세요, 고객님.\n같은 등급 앞쪽 좌석으로 바꿔 드렸어요.');
        await page.getByTestId('inquiry-status').filter({ hasText: '답변 완료' }).waitFor();
        // And by mail: the answer, with the link to this thread.
        await stack.waitForMail(email, new RegExp(`문의하신 내용에 답변드렸어요[\\s\\S]*${inquiryPath}`));

        // A follow-up with the new word, spaced out, is refused in Korean; nothing is added.
        await page.getByTestId('inquiry-reply').fill(`${word.slice(0, 2)} ${word.slice(2)} 때문에요`);
        await page.getByTestId('inquiry-send').click();
        await page.getByText('사용할 수 없는 단어가 들어 있습니다. 표현을 바꿔 다시 써 주세요.').waitFor();
        assert.equal(await page.getByTestId('buyer-message').count(), 1);
        // A clean one goes through and reopens it.
        await page.getByTestId('inquiry-reply').fill('감사합니다! 확인했어요.');
        await page.getByTestId('inquiry-send').click();
        await page.getByTestId('buyer-message').nth(1).waitFor();
        await page.getByTestId('inquiry-status').filter({ hasText: '답변 대기' }).waitFor();
      },
    },
  ];
}
