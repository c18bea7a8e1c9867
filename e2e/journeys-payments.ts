import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { completeOrderForm } from './checkout-form.ts';
import { createOnSaleShow, signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Payments-pass-2345';
const PRICE = 66_000;

/** A small on-sale show, a new buyer signed in on the page, two seats held and the checkout open. */
async function toCheckout(stack: Stack, page: Page, name: string, viewport: string, mobile: boolean) {
  const suffix = `${name}-${viewport}-${Date.now().toString(36)}`;
  const admin = new Api(stack.baseUrl);
  await admin.login(ADMIN.email, ADMIN.password);
  const show = await createOnSaleShow(admin, {
    venue: {
      name: `E2E 결제홀 ${suffix}`,
      address: '서울 중구 세종대로 110',
      sections: [{ name: 'A', grade: 'R', rows: 1, seatsPerRow: 6 }],
    },
    title: `E2E 결제 수단 ${suffix}`,
    description: '결제 수단을 골라 예매하는 공연',
    prices: [{ grade: 'R', price: PRICE }],
  });
  const email = `${name}-${viewport}-${Date.now()}@e2e.test`;
  const buyer = new Api(stack.baseUrl);
  await buyer.signup(email, PASSWORD, stack.waitForCode);
  await buyer.login(email, PASSWORD);
  await signIn(page, email, PASSWORD);
  await page.goto(`/performances/${show.performanceId}/showtimes/${show.showtimeId}/seats`);
  // One section: no zone step, on a phone either.
  await page.getByRole('button', { name: '좋은 자리 2석 자동 선택' }).click();
  await page.getByRole('heading', { name: '선택한 좌석 2석' }).waitFor();
  if (mobile) await page.getByTestId('seats-bar').getByRole('button', { name: '다음' }).click();
  else await page.getByRole('button', { name: '좌석 선택 완료' }).click();
  await page.waitForURL(/\/checkout$/);
  await page.getByTestId('hold-countdown').waitFor();
  await completeOrderForm(page);
  return { buyer, show };
}

/** The tickets page lists the paid reservation with its ticket QR; answers its card. */
async function seeTickets(page: Page) {
  await page.getByRole('link', { name: '예매 내역과 티켓 보기' }).click();
  const card = page.locator('[data-testid=reservation]').first();
  await card.waitFor();
  await card.locator('[data-testid=ticket] img').first().waitFor({ timeout: 45_000 });
  return card;
}

export function paymentJourneys(stack: Stack): Journey[] {
  return [
    {
      id: 'pay-kakaopay',
      name: 'checkout offers the payment methods → KakaoPay at the sandbox → confirmed → tickets',
      run: async (page, _context, { viewport, mobile }) => {
        const { buyer } = await toCheckout(stack, page, 'kakaopay', viewport, mobile);
        const methods = page.getByTestId('pay-methods');
        for (const label of [
          '신용·체크카드',
          '카카오페이',
          '토스페이',
          '네이버페이',
          '계좌이체',
          '무통장입금 (가상계좌)',
        ]) {
          await methods.getByLabel(label, { exact: true }).waitFor();
        }
        await methods.getByLabel('카카오페이', { exact: true }).check();
        const shots = process.env.PAYMENT_SHOTS;
        if (shots) await page.screenshot({ path: `${shots}/methods-${viewport}.png`, fullPage: true });
        await page.getByRole('button', { name: '결제하기' }).click();

        // The sandbox's stand-in for PortOne's window, opened for KakaoPay.
        await page.waitForURL((url) => url.origin === stack.gatewayUrl);
        await page.getByText('카카오페이').first().waitFor();
        await page.getByRole('button', { name: '카카오페이로 결제하기' }).click();
        await page.waitForURL(/\/checkout\/(return|complete)/, { timeout: 30_000 });
        await page.getByTestId('payment-confirmed').waitFor({ timeout: 30_000 });

        const mine = await buyer.call<{
          items: Array<{ status: string; payment: { payMethod?: string; easyPayProvider?: string } }>;
        }>('GET', '/reservations');
        assert.equal(mine.items[0]?.status, 'CONFIRMED');
        assert.deepEqual(
          { method: mine.items[0]?.payment.payMethod, provider: mine.items[0]?.payment.easyPayProvider },
          { method: 'EASY_PAY', provider: 'KAKAOPAY' },
        );
        await seeTickets(page);
      },
    },
    {
      id: 'pay-virtual-account',
      name: 'virtual account → the account, amount and deadline shown → deposit at the sandbox → confirmed → tickets → cancel with a refund account (partial refund)',
      run: async (page, _context, { viewport, mobile }) => {
        const { buyer } = await toCheckout(stack, page, 'vaccount', viewport, mobile);
        await page.getByTestId('pay-methods').getByLabel('무통장입금 (가상계좌)', { exact: true }).check();
        await page.getByText('입금 기한까지 입금하면 예매가 확정됩니다').waitFor();
        await page.getByRole('button', { name: '결제하기' }).click();

        // The issued account, right away, on our own page.
        const panel = page.getByTestId('virtual-account');
        await panel.waitFor({ timeout: 30_000 });
        await panel.getByTestId('va-bank').getByText('신한은행').waitFor();
        const accountNumber = (await panel.getByTestId('va-account').innerText()).trim();
        assert.match(accountNumber, /^\d{10,}$/);
        await panel.getByText(`${(2 * PRICE).toLocaleString('ko-KR')}원`).waitFor();
        const shots = process.env.PAYMENT_SHOTS;
        if (shots)
          await page.screenshot({ path: `${shots}/virtual-account-${viewport}.png`, fullPage: true });
        const mine = await buyer.call<{
          items: Array<{ status: string; payment: { virtualAccount?: { accountNumber: string } } }>;
        }>('GET', '/reservations');
        assert.equal(mine.items[0]?.status, 'PENDING_PAYMENT');
        assert.equal(mine.items[0]?.payment.virtualAccount?.accountNumber, accountNumber);

        // Checking before any deposit: still waiting.
        await panel.getByRole('button', { name: '입금 확인' }).click();
        await panel.waitFor();

        // 예매 내역 shows the same account while the deposit is awaited, then back to the return page.
        const returnUrl = page.url();
        await page.goto('/me/reservations');
        const waiting = page.getByTestId('va-waiting');
        await waiting.getByText(accountNumber, { exact: false }).waitFor();
        await waiting.getByText('입금 대기 중', { exact: false }).waitFor();
        await page.goto(returnUrl);
        await panel.waitFor();

        // The buyer deposits (the sandbox page stands in for the bank) and comes back confirmed.
        await panel.getByRole('link', { name: '입금하기 (테스트 결제 페이지)' }).click();
        await page.waitForURL((url) => url.origin === stack.gatewayUrl);
        await page.getByText(accountNumber).waitFor();
        if (shots)
          await page.screenshot({ path: `${shots}/sandbox-deposit-${viewport}.png`, fullPage: true });
        await page.getByRole('button', { name: '입금하기 (샌드박스)' }).click();
        await page.waitForURL(/\/checkout\/(return|complete)/, { timeout: 30_000 });
        await page.getByTestId('payment-confirmed').waitFor({ timeout: 30_000 });
        const card = await seeTickets(page);

        // Cancelling asks where to refund the deposit; the refund goes there.
        await card.getByRole('button', { name: '예매 취소' }).click();
        const form = card.getByTestId('refund-account');
        await form.waitFor();
        await card
          .getByTestId('refund-amount')
          .getByText(`${((2 * PRICE * 90) / 100).toLocaleString('ko-KR')}원`)
          .waitFor();
        const confirm = card.getByRole('button', { name: '취소하기' });
        assert.equal(await confirm.isDisabled(), true);
        await form.getByLabel('은행').selectOption('HANA');
        await form.getByLabel('계좌번호').fill('123-456789-01');
        await form.getByLabel('예금주').fill('김환불');
        if (shots) await page.screenshot({ path: `${shots}/refund-account-${viewport}.png`, fullPage: true });
        await confirm.click();
        await card.getByTestId('tickets-cancelled').waitFor();
        const after = await buyer.call<{ items: Array<{ status: string; refundAmount: number | null }> }>(
          'GET',
          '/reservations',
        );
        assert.equal(after.items[0]?.status, 'CANCELLED');
        // The show is a little under ten days away: the policy refunds 90 %, a partial refund.
        assert.equal(after.items[0]?.refundAmount, (2 * PRICE * 90) / 100);
      },
    },
  ];
}
