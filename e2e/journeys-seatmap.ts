import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { createOnSaleShow, signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Seatmap-pass-2345';

/** A venue with a VIP and an R section, a performance and one showtime on sale without a waiting room. */
async function seatFixture(api: Api, suffix: string): Promise<{ performanceId: string; showtimeId: string }> {
  return createOnSaleShow(api, {
    venue: {
      name: `E2E 좌석홀 ${suffix}`,
      address: '서울 중구 을지로 1',
      sections: [
        { name: 'A', grade: 'VIP', rows: 2, seatsPerRow: 6 },
        { name: 'B', grade: 'R', rows: 3, seatsPerRow: 8 },
      ],
    },
    title: `E2E 좌석 뮤지컬 ${suffix}`,
    description: '좌석 배치도를 키보드로 고르는 공연',
    prices: [
      { grade: 'VIP', price: 170_000 },
      { grade: 'R', price: 130_000 },
    ],
  });
}

/** The id of the focused element's seat, if a seat has focus. */
const focusedSeat = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-seat-id') ?? null);

export function seatmapJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'seatmap-keyboard',
      name: 'seat map: best 2 seats, then by keyboard (one tab stop, arrows, Enter/Space) one swapped, on to checkout',
      run: async (page, _context, { viewport, mobile }) => {
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const f = await seatFixture(admin, suffix);
        const email = `seatmap-${suffix}@e2e.test`;
        await new Api(stack.baseUrl).signup(email, PASSWORD, stack.waitForCode);
        await signIn(page, email, PASSWORD);

        await page.goto(`/performances/${f.performanceId}/showtimes/${f.showtimeId}/seats`);
        if (mobile) {
          // Phones start from the sections: no seats until one is picked.
          await page.getByTestId('zones').waitFor();
          assert.equal(await page.locator('.seat[data-seat-id]').count(), 0);
        } else {
          const map = page.getByRole('group', { name: '좌석 배치도' });
          await map.waitFor();
          // One tab stop: exactly one seat is in the tab order.
          assert.equal(await page.locator('.seat[tabindex="0"]').count(), 1);
          const first = page.getByRole('checkbox', { name: 'A 1열 1번 VIP석 170,000원, 선택 가능' });
          await first.waitFor();
          assert.equal(await first.getAttribute('tabindex'), '0');
        }

        // Best available: two VIP seats side by side, the middle of the front row.
        await page.getByRole('button', { name: '좋은 자리 2석 자동 선택' }).click();
        await page.getByRole('heading', { name: '선택한 좌석 2석' }).waitFor();
        const a3 = page.getByRole('checkbox', { name: 'A 1열 3번 VIP석 170,000원, 선택 가능' });
        const a4 = page.getByRole('checkbox', { name: /^A 1열 4번 / });
        assert.equal(await a3.getAttribute('aria-checked'), 'true');
        assert.equal(await a4.getAttribute('aria-checked'), 'true');

        // The map's one tab stop is the first chosen seat: deselect it with the keyboard, then go down
        // a row and right with the arrows and pick that seat with Enter.
        assert.equal(await page.locator('.seat[tabindex="0"]').count(), 1);
        assert.equal(await a3.getAttribute('tabindex'), '0');
        await a3.focus();
        await page.keyboard.press('Space');
        await page.getByRole('heading', { name: '선택한 좌석 1석' }).waitFor();
        assert.equal(await a3.getAttribute('aria-checked'), 'false');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowRight');
        const target = page.getByRole('checkbox', { name: /^A 2열 4번 VIP석 170,000원/ });
        assert.equal(await focusedSeat(page), await target.getAttribute('data-seat-id'));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: '선택한 좌석 2석' }).waitFor();
        assert.equal(await target.getAttribute('aria-checked'), 'true');
        // Still one tab stop, following the focus.
        assert.equal(await page.locator('.seat[tabindex="0"]').count(), 1);
        if (!mobile) {
          // Down from the last VIP row reaches the R section.
          await page.keyboard.press('ArrowDown');
          const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
          assert.match(label ?? '', /^B 1열 /);
          await page.keyboard.press('ArrowUp');
        }
        if (mobile) {
          // Phones show one section at a time, the best seats' section after the automatic pick.
          const zones = page.getByTestId('zones');
          await zones.getByRole('button', { name: /^A VIP석 · 12석 남음/ }).waitFor();
          assert.equal(await page.locator('.seat[data-seat-id]').count(), 12);
          await zones.getByRole('button', { name: /^B R석 · 24석 남음/ }).click();
          await page.getByRole('checkbox', { name: /^B 1열 1번 R석/ }).waitFor();
          assert.equal(await page.locator('.seat[data-seat-id]').count(), 24);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 390, `nothing wider than 390 px: ${width}`);
          await page.getByTestId('seats-bar').getByText('2석 · 340,000원').waitFor();
        }
        const shots = process.env.SEATMAP_SHOTS;
        if (shots) await page.screenshot({ path: `${shots}/seatmap-${viewport}.png`, fullPage: true });

        if (mobile) await page.getByTestId('seats-bar').getByRole('button', { name: '다음' }).click();
        else await page.getByRole('button', { name: '좌석 선택 완료' }).click();
        await page.waitForURL(/\/checkout$/);
        await page.getByTestId('hold-countdown').waitFor();
      },
    },
  ];
}
