import assert from 'node:assert/strict';
import { Api, buyOneSeat, createFixture } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Buyer-pass-2345';

const won = (n: number): RegExp => new RegExp(n.toLocaleString('ko-KR'));

export function refundJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'refund-quote',
      name: '예매 내역: booking number and ticket card → the cancel dialog quotes the exact refund and fee → cancel → QR gone without a reload',
      run: async (page, _context, run) => {
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const fixture = await createFixture(admin, `${suffix}-refund-${run.viewport}`);
        const email = `refund-${run.viewport}-${suffix}@e2e.test`;
        const api = new Api(stack.baseUrl);
        await api.signup(email, PASSWORD, stack.waitForCode);
        await api.login(email, PASSWORD);
        const { reservationId } = await buyOneSeat(api, stack.gatewayUrl, fixture.showtimeId, {
          queued: true,
        });
        const detail = await api.call<{ bookingNumber: string }>('GET', `/reservations/${reservationId}`);
        assert.match(detail.bookingNumber, /^CT\d{6}[0-9A-Z]{6}$/);

        await signIn(page, email, PASSWORD);
        await page.goto('/me/reservations');
        const card = page.locator('[data-testid=reservation]', { hasText: detail.bookingNumber });
        await card.waitFor();
        // The ticket card with its QR (issued by the worker within seconds).
        await card.locator('[data-testid=ticket] img').first().waitFor({ timeout: 45_000 });

        await card.getByRole('button', { name: '예매 취소' }).click();
        const quote = await api.call<{ refundAmount: number; fee: number; cancellable: boolean }>(
          'GET',
          `/reservations/${reservationId}/refund-quote`,
        );
        assert.equal(quote.cancellable, true);
        await card.getByTestId('refund-amount').getByText(won(quote.refundAmount)).waitFor();
        await card.getByTestId('refund-fee').getByText(won(quote.fee)).waitFor();
        await card.getByRole('button', { name: '취소하기' }).click();

        await card.getByText(/취소되었습니다\. 환불 금액/).waitFor();
        await card.getByTestId('tickets-cancelled').waitFor();
        assert.equal(await card.locator('[data-testid=ticket]').count(), 0);
        const after = await api.call<{ refundAmount: number }>('GET', `/reservations/${reservationId}`);
        assert.equal(after.refundAmount, quote.refundAmount);
        // Nothing wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
      },
    },
  ];
}
