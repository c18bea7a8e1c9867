import assert from 'node:assert/strict';
import { Api, buyOneSeat, createFixture } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Buyer-pass-2345';
const won = (n: number): string => `${n.toLocaleString('ko-KR')}원`;

/**
 * The box office: a buyer calls with their phone number; the admin finds the order by it in the
 * orders desk, opens it and refunds half, with a reason; the order then shows the partial refund in
 * its refunds and its timeline.
 */
export function adminDeskJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'admin-refund-half',
      name: '주문 관리: the admin finds an order by the buyer phone and refunds half of it',
      run: async (page, _context, run) => {
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const fixture = await createFixture(admin, `${suffix}-desk-${run.viewport}`);
        const email = `desk-${run.viewport}-${suffix}@e2e.test`;
        const phone = `010-${String(1000 + Math.floor(Math.random() * 9000))}-${String(1000 + Math.floor(Math.random() * 9000))}`;
        const api = new Api(stack.baseUrl);
        await api.signup(email, PASSWORD, stack.waitForCode);
        await api.login(email, PASSWORD);
        await api.call('PATCH', '/users/me', { phone });
        const { reservationId } = await buyOneSeat(api, stack.gatewayUrl, fixture.showtimeId, {
          queued: true,
        });
        const bought = await api.call<{ bookingNumber: string; total: number }>(
          'GET',
          `/reservations/${reservationId}`,
        );
        const half = Math.floor(bought.total / 2);

        await signIn(page, ADMIN.email, ADMIN.password);
        await page.goto('/admin/orders');
        await page.getByRole('heading', { name: '주문', exact: true }).waitFor();
        await page.getByLabel('이메일, 닉네임, 전화번호, 예매번호 또는 예약 ID').fill(phone);
        await page.getByRole('button', { name: '검색', exact: true }).click();
        const link = page.getByRole('link', { name: bought.bookingNumber });
        // The unfiltered list (newest first) may show the order already: wait for the search's answer.
        await page.getByText('주문 1건', { exact: true }).waitFor();
        await link.waitFor();
        assert.equal(await page.locator('tbody tr').count(), 1);
        await link.click();

        await page.getByRole('heading', { name: `주문 ${bought.bookingNumber}` }).waitFor();
        await page.getByText(email).first().waitFor();
        await page.getByRole('heading', { name: '결제 타임라인' }).waitFor();
        const form = page.locator('form[aria-labelledby=cancel-h]');
        await form.getByText(`환불 가능 금액 ${won(bought.total)}`).waitFor();
        await form.getByLabel('사유').fill('고객 요청으로 절반 환불');
        await form.getByLabel('일부 금액').check();
        await form.getByLabel('환불할 금액 (원)').fill(String(half));
        await form.getByRole('button', { name: `${won(half)} 환불하고 취소` }).click();

        await page.getByText(`${won(half)}을 환불했어요.`).waitFor();
        await page.getByText('취소됨 · 부분 환불').first().waitFor();
        const refunds = page.locator('section[aria-labelledby=refunds-h]');
        await refunds.getByText(/고객 요청으로 절반 환불/).waitFor();
        await page
          .locator('ol.timeline')
          .getByText(`환불 완료 ${won(half)}`)
          .waitFor();
        // The other half can still be refunded.
        await page
          .locator('form[aria-labelledby=cancel-h]')
          .getByText(`환불 가능 금액 ${won(bought.total - half)}`)
          .waitFor();

        const order = await admin.call<{ refunded: number; paymentStatus: string }>(
          'GET',
          `/admin/orders/${reservationId}`,
        );
        assert.equal(order.refunded, half);
        assert.equal(order.paymentStatus, 'PARTIAL_CANCELLED');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
        await page.screenshot({ path: `/tmp/admin-order-${run.viewport}.png`, fullPage: true });
      },
    },
  ];
}
