import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { createOnSaleShow, signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Seatzoom-pass-2345';

/**
 * A hall whose VIP section is 20 seats wide (wider than a phone at its natural size) and a small R
 * section, with one showtime on sale without a waiting room.
 */
async function wideHall(api: Api, suffix: string): Promise<{ performanceId: string; showtimeId: string }> {
  return createOnSaleShow(api, {
    venue: {
      name: `E2E 넓은홀 ${suffix}`,
      address: '서울 종로구 세종대로 175',
      sections: [
        { name: 'A', grade: 'VIP', rows: 3, seatsPerRow: 20 },
        { name: 'B', grade: 'R', rows: 2, seatsPerRow: 6 },
      ],
    },
    title: `E2E 확대 콘서트 ${suffix}`,
    description: '좌석 배치도를 확대해서 고르는 공연',
    prices: [
      { grade: 'VIP', price: 150_000 },
      { grade: 'R', price: 110_000 },
    ],
    startsInDays: 12,
    runningMinutes: 100,
  });
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  assert.ok(b, 'on the page');
  return b;
}

const scaleOf = async (page: Page): Promise<number> =>
  Number(await page.locator('.seatmap-wrap').getAttribute('data-scale'));

async function noSidewaysScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `the page is no wider than ${width} px: ${scrollWidth}`);
}

/** Waits until the map is wider (or narrower) than `than`, as the zoom lands on the next frame. */
async function widthBecomes(map: Locator, test: (w: number) => boolean, what: string): Promise<number> {
  for (let i = 0; i < 50; i += 1) {
    const { width } = await box(map);
    if (test(width)) return width;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the map never became ${what}: ${(await box(map)).width}`);
}

/**
 * Two touch pointers on the map box moving apart from 60 px to 180 px, one step a frame. (No named
 * functions inside: the test runner's transform would name them with a helper the page lacks.)
 */
async function pinchOut(page: Page): Promise<void> {
  const steps: Array<[string, number]> = [['pointerdown', 30]];
  for (let half = 40; half <= 90; half += 10) steps.push(['pointermove', half]);
  steps.push(['pointerup', 90]);
  await page.locator('.seatmap-wrap').evaluate(async (wrap, moves) => {
    const r = wrap.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + Math.min(r.height, window.innerHeight - r.top) / 2;
    for (const [type, half] of moves) {
      for (const [pointerId, x] of [
        [1, cx - half],
        [2, cx + half],
      ] as const) {
        wrap.dispatchEvent(
          new PointerEvent(type, {
            pointerId,
            pointerType: 'touch',
            isPrimary: pointerId === 1,
            clientX: x,
            clientY: cy,
            bubbles: true,
            cancelable: true,
          }),
        );
      }
      await new Promise<void>((done) => requestAnimationFrame(() => done()));
    }
  }, steps);
}

export function seatzoomJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'seatmap-zoom',
      name: 'seat map zoom: fitted with the stage in view, zoom in and back to fit, pinch, then arrows and a tap still pick seats',
      run: async (page, context, { viewport, mobile }) => {
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const f = await wideHall(admin, suffix);
        const email = `seatzoom-${suffix}@e2e.test`;
        await new Api(stack.baseUrl).signup(email, PASSWORD, stack.waitForCode);
        await signIn(page, email, PASSWORD);
        const viewportWidth = page.viewportSize()!.width;

        await page.goto(`/performances/${f.performanceId}/showtimes/${f.showtimeId}/seats`);
        if (mobile)
          await page
            .getByTestId('zones')
            .getByRole('button', { name: /^A VIP석/ })
            .click();
        const map = page.getByRole('group', { name: '좌석 배치도' });
        await map.waitFor();
        const wrap = page.locator('.seatmap-wrap');

        // At fit the whole 20-seat row is inside the box, and the stage is above the seats, readable.
        const last = page.getByRole('checkbox', { name: /^A 1열 20번 / });
        const wrapBox = await box(wrap);
        const lastBox = await box(last);
        assert.ok(
          lastBox.x + lastBox.width <= wrapBox.x + wrapBox.width,
          'the last seat of the row is in view',
        );
        const stage = map.locator('.stage-label');
        assert.equal(await stage.textContent(), '무대');
        const stageBox = await box(stage);
        assert.ok(stageBox.y + stageBox.height <= lastBox.y, 'the stage is above the seats');
        assert.ok(stageBox.height >= 9, `the stage label is readable: ${stageBox.height} px`);
        await noSidewaysScroll(page, viewportWidth);
        const shots = process.env.SEATMAP_SHOTS;
        if (shots) await page.screenshot({ path: `${shots}/seatzoom-fit-${viewport}.png`, fullPage: true });
        const fitted = (await box(map)).width;
        const fitScale = await scaleOf(page);

        await page.getByRole('button', { name: '좌석 배치도 확대' }).click();
        await widthBecomes(map, (w) => w > fitted * 1.2, 'wider');
        await noSidewaysScroll(page, viewportWidth);
        await page.getByRole('button', { name: '좌석 배치도를 화면 너비에 맞춤' }).click();
        await widthBecomes(map, (w) => Math.abs(w - fitted) < 1, 'fitted again');
        await noSidewaysScroll(page, viewportWidth);
        assert.equal(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth), true);

        // Two fingers moving apart zoom in around their midpoint.
        await pinchOut(page);
        await widthBecomes(map, (w) => w > fitted * 1.5, 'wider after the pinch');
        assert.ok((await scaleOf(page)) > fitScale * 1.5, 'the pinch zoomed in');
        await noSidewaysScroll(page, viewportWidth);
        if (shots) await page.screenshot({ path: `${shots}/seatzoom-pinched-${viewport}.png` });

        // Zoomed in, the arrows still move the focus and bring the seat into view.
        const first = page.getByRole('checkbox', { name: /^A 1열 1번 / });
        await first.focus();
        await page.keyboard.press('End');
        assert.equal(
          await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
          await last.getAttribute('aria-label'),
        );
        const inView = await box(last);
        const wrapNow = await box(wrap);
        assert.ok(
          inView.x >= wrapNow.x - 1 && inView.x + inView.width <= wrapNow.x + wrapNow.width + 1,
          'the focused seat was scrolled into the box',
        );
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: '선택한 좌석 1석' }).waitFor();
        assert.equal(
          await page.getByRole('checkbox', { name: /^A 1열 19번 / }).getAttribute('aria-checked'),
          'true',
        );

        // And a tap (a click) on a zoomed seat picks it; a zoomed seat is a good finger's width.
        const seat = page.getByRole('checkbox', { name: /^A 2열 10번 / });
        assert.ok((await box(seat)).width >= 24, 'seats are at least 24 px when zoomed in');
        await seat.click();
        await page.getByRole('heading', { name: '선택한 좌석 2석' }).waitFor();
        assert.equal(await seat.getAttribute('aria-checked'), 'true');

        if (mobile) {
          // The same through the browser's own touch input, where touch-action and native scrolling
          // apply: two fingers zoom the map, then one finger pans it sideways.
          await page.getByRole('button', { name: '좌석 배치도를 화면 너비에 맞춤' }).click();
          await widthBecomes(map, (w) => Math.abs(w - fitted) < 1, 'fitted again');
          const touch = await context.newCDPSession(page);
          const at = await box(wrap);
          const cx = at.x + at.width / 2;
          const cy = at.y + Math.min(at.height, 200) / 2;
          // The fingers' midpoint drifts as a real hand's does, which the browser would take as a pan.
          const fingers = (half: number) => [
            { x: cx - half, y: cy + half - 30, id: 1 },
            { x: cx + half, y: cy + half - 30, id: 2 },
          ];
          await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
          for (let half = 40; half <= 90; half += 10) {
            await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(half) });
            await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
          }
          await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await widthBecomes(map, (w) => w > fitted * 1.5, 'wider after a touch pinch');
          assert.equal(
            await page.evaluate(() => window.visualViewport?.scale ?? 1),
            1,
            'the page did not zoom',
          );
          const before = await wrap.evaluate((el) => el.scrollLeft);
          await touch.send('Input.dispatchTouchEvent', {
            type: 'touchStart',
            touchPoints: [{ x: cx + 100, y: cy }],
          });
          for (let dx = 80; dx >= -100; dx -= 20) {
            await touch.send('Input.dispatchTouchEvent', {
              type: 'touchMove',
              touchPoints: [{ x: cx + dx, y: cy }],
            });
          }
          await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await page.waitForFunction(([el, was]) => (el as HTMLElement).scrollLeft > (was as number) + 50, [
            await wrap.elementHandle(),
            before,
          ] as const);
          await touch.detach();
        }

        if (mobile) await page.getByTestId('seats-bar').getByRole('button', { name: '다음' }).click();
        else await page.getByRole('button', { name: '좌석 선택 완료' }).click();
        await page.waitForURL(/\/checkout$/);
        await page.getByTestId('hold-countdown').waitFor();
      },
    },
  ];
}
