import assert from 'node:assert/strict';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { createOnSaleShow, signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Buying-pass-2345';
const DAY = 86400_000;
const VIP = 100_000;
const YOUTH = 80_000; // 20 % off VIP
const COUPON = 5_000;

const won = (n: number): string => `${n.toLocaleString('ko-KR')}원`;

/**
 * A performance that sells youth tickets (20 % off, proof at the door), one showtime on sale in ten
 * days, and a 5,000 won coupon issued to the buyer.
 */
async function buyingFixture(admin: Api, buyer: Api, suffix: string) {
  const title = `E2E 권종 뮤지컬 ${suffix}`;
  const show = await createOnSaleShow(admin, {
    venue: {
      name: `E2E 예매홀 ${suffix}`,
      address: '서울 종로구 대학로 57',
      sections: [
        { name: 'A', grade: 'VIP', rows: 2, seatsPerRow: 6 },
        { name: 'B', grade: 'R', rows: 2, seatsPerRow: 8 },
      ],
    },
    title,
    description: '청소년 할인과 쿠폰으로 예매하는 공연',
    prices: [
      { grade: 'VIP', price: VIP },
      { grade: 'R', price: 70_000 },
    ],
    ticketTypes: [
      {
        code: 'YOUTH',
        name: '청소년',
        discountPercent: 20,
        proofRequired: true,
        proofNote: '청소년증 또는 학생증',
      },
    ],
  });
  const now = Date.now();
  const coupon = await admin.call<{ id: string }>('POST', '/admin/coupons', {
    name: `예매 축하 ${suffix}`,
    discountType: 'FIXED',
    discountValue: COUPON,
    minOrderAmount: 0,
    stock: 10,
    issueStartsAt: new Date(now - 60_000).toISOString(),
    issueEndsAt: new Date(now + 3_600_000).toISOString(),
    validUntil: new Date(now + 7 * DAY).toISOString(),
  });
  await buyer.call('POST', `/coupons/${coupon.id}/issue`);
  return { ...show, title, couponName: `예매 축하 ${suffix}` };
}

export function buyingJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'buying',
      name: 'best 2 seats by zone → a youth ticket, the booker and a coupon at checkout → sandbox pay → confirmation with types → ticket cards → refund quote → cancel → QR gone',
      run: async (page, _context, { viewport, mobile }) => {
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const email = `buying-${viewport}-${suffix}@e2e.test`;
        const buyer = new Api(stack.baseUrl);
        await buyer.signup(email, PASSWORD, stack.waitForCode);
        await buyer.login(email, PASSWORD);
        const f = await buyingFixture(admin, buyer, `${suffix}-${viewport}`);
        await signIn(page, email, PASSWORD);

        // Seats: the sections first on a phone; best available picks two VIP seats side by side.
        await page.goto(`/performances/${f.performanceId}/showtimes/${f.showtimeId}/seats`);
        if (mobile) await page.getByTestId('zones').waitFor();
        await page.getByRole('button', { name: '좋은 자리 2석 자동 선택' }).click();
        await page.getByRole('heading', { name: '선택한 좌석 2석' }).waitFor();
        if (mobile) await page.getByTestId('seats-bar').getByRole('button', { name: '다음' }).click();
        else await page.getByRole('button', { name: '좌석 선택 완료' }).click();

        // Checkout: the second seat as a youth ticket, priced from the published table.
        await page.waitForURL(/\/checkout$/);
        await page.getByTestId('hold-countdown').waitFor();
        const selects = page.getByTestId('ticket-type-select');
        await selects.nth(1).waitFor();
        assert.equal(await selects.count(), 2);
        await selects.nth(1).selectOption('YOUTH');
        await page.getByTestId('proof-notice').getByText('청소년증 또는 학생증').waitFor();
        await page
          .getByTestId('checkout-amount')
          .getByText(won(VIP + YOUTH))
          .waitFor();

        // The coupon is quoted against the typed amount by the server.
        const coupon = page.getByTestId('coupon-quote').filter({ hasText: f.couponName });
        await coupon.getByText(`−${won(COUPON)}`).waitFor();
        await coupon.getByRole('radio').check();
        await page
          .getByTestId('checkout-total')
          .getByText(won(VIP + YOUTH - COUPON))
          .waitFor();

        // Who booked: the name comes from the account; the phone is required and checked.
        const name = page.getByLabel('이름', { exact: true });
        assert.notEqual(await name.inputValue(), '');
        await page.getByLabel('휴대폰 번호').fill('02-123');
        await page.getByText('010-1234-5678 형식으로').waitFor();
        await page.getByLabel('휴대폰 번호').fill('010-2345-6789');
        // Paying without the refund consent is refused on the page.
        await page.getByRole('button', { name: '결제하기' }).click();
        await page.getByTestId('checkout-missing').getByText('취소·환불 규정에 동의해 주세요.').waitFor();
        assert.match(page.url(), /\/checkout$/);
        await page.getByLabel(/취소 수수료와 환불 규정을 확인했으며/).check();
        const shots = process.env.BUYING_SHOTS;
        if (shots) await page.screenshot({ path: `${shots}/checkout-${viewport}.png`, fullPage: true });
        await page.getByRole('button', { name: '결제하기' }).click();

        await page.waitForURL((url) => url.origin === stack.gatewayUrl);
        await page
          .getByRole('button', { name: /pay|결제/i })
          .first()
          .click();
        await page.waitForURL(/\/checkout\/(return|complete)/, { timeout: 30_000 });
        await page.getByTestId('payment-confirmed').waitFor({ timeout: 30_000 });

        // Confirmation: booking number, seats with their types and prices, the amount paid.
        const summary = page.getByTestId('booking-summary');
        const bookingNumber = (await summary.getByTestId('booking-number').innerText()).trim();
        assert.match(bookingNumber, /^CT\d{6}[0-9A-Z]{6}$/);
        await summary
          .getByTestId('summary-seats')
          .getByText(`청소년 ${won(YOUTH)}`)
          .waitFor();
        await summary
          .getByTestId('summary-seats')
          .getByText(`일반 ${won(VIP)}`)
          .waitFor();
        await summary.getByText(won(VIP + YOUTH - COUPON)).waitFor();
        if (shots) await page.screenshot({ path: `${shots}/confirmation-${viewport}.png`, fullPage: true });

        // The reservation as the server keeps it.
        const mine = await buyer.call<{
          items: Array<{
            id: string;
            bookingNumber: string;
            booker: { phone: string } | null;
            total: number;
          }>;
        }>('GET', '/reservations');
        const reservation = mine.items.find((r) => r.bookingNumber === bookingNumber)!;
        assert.equal(reservation.booker?.phone, '01023456789');
        assert.equal(reservation.total, VIP + YOUTH - COUPON);

        // Tickets: one card per seat with its QR, issued within seconds.
        await page.getByRole('link', { name: '예매 내역과 티켓 보기' }).click();
        const card = page.locator('[data-testid=reservation]', { hasText: bookingNumber });
        await card.waitFor();
        await card.locator('[data-testid=ticket] img').nth(1).waitFor({ timeout: 45_000 });
        assert.equal(await card.locator('[data-testid=ticket]').count(), 2);
        // The type chosen at checkout reaches each ticket; the youth one says the door checks a proof.
        const types = card.getByTestId('ticket-type');
        await types.filter({ hasText: '청소년' }).getByText('입장 시 증빙 확인').waitFor();
        await types.filter({ hasText: '일반' }).waitFor();
        assert.equal(await types.getByText('입장 시 증빙 확인').count(), 1);
        await card.getByTestId('ticket-booking-number').getByText(bookingNumber).first().waitFor();
        if (shots) await page.screenshot({ path: `${shots}/tickets-${viewport}.png`, fullPage: true });

        // Cancel: the dialog quotes the refund from what was paid; the refund equals the quote.
        await card.getByRole('button', { name: '예매 취소' }).click();
        const quote = await buyer.call<{ refundAmount: number; fee: number }>(
          'GET',
          `/reservations/${reservation.id}/refund-quote`,
        );
        await card.getByTestId('refund-amount').getByText(won(quote.refundAmount)).waitFor();
        await card.getByRole('button', { name: '취소하기' }).click();
        await card.getByTestId('tickets-cancelled').waitFor();
        assert.equal(await card.locator('[data-testid=ticket]').count(), 0);
        const after = await buyer.call<{ refundAmount: number }>('GET', `/reservations/${reservation.id}`);
        assert.equal(after.refundAmount, quote.refundAmount);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
      },
    },
  ];
}
