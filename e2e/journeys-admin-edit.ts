import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Api, createFixture } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

/** Nothing an engineer wrote for engineers: no field paths, no validator English, no raw ids. */
async function assertHumanText(page: Page): Promise<void> {
  const text = await page.locator('main, body').first().innerText();
  assert.doesNotMatch(text, /body\.|params\.|must (match|be|NOT)|VALIDATION_FAILED|[0-9a-f]{8}-[0-9a-f]{4}-/);
}

/**
 * The admin console edits what it created and says in Korean which field is wrong; a show that is
 * not there says so with a link home. Each size runs the whole journey on its own data.
 */
export function adminEditJourneys(stack: Stack, suffix: string): Journey[] {
  const sizes = [
    { id: 'admin-edit', viewport: { width: 1280, height: 800 } },
    { id: 'admin-edit-phone', viewport: { width: 390, height: 844 } },
  ];
  return sizes.map(({ id, viewport }) => ({
    id,
    viewports: viewport.width < 600 ? (['mobile'] as const) : (['desktop'] as const),
    name: `admin edits a performance and a showtime, field errors in Korean, missing show (${viewport.width}px)`,
    run: async (page) => {
      const api = new Api(stack.baseUrl);
      await api.login(ADMIN.email, ADMIN.password);
      const fixture = await createFixture(api, `${suffix}-${id}`);
      await signIn(page, ADMIN.email, ADMIN.password);

      // Edit the performance: the form opens with what it has, the change shows on the public page.
      await page.goto('/admin/performances');
      await page.getByRole('button', { name: `${fixture.title} 편집` }).click();
      const form = page.locator('form[aria-labelledby=np-h]');
      await form.getByRole('heading', { name: `편집 중: ${fixture.title}` }).waitFor();
      assert.equal(await form.getByLabel('공연명').inputValue(), fixture.title);
      const status = await form.getByLabel('상태').locator('option:checked').innerText();
      assert.equal(status, '판매중');
      // Long on purpose: every select listing shows (the admin pickers) must still fit a phone.
      const newTitle = `${fixture.title} 앙코르 — 10주년 기념 오리지널 캐스트 특별 공연 (전 회차 자막)`;
      await form.getByLabel('공연명').fill(newTitle);
      await form.getByLabel('관람 시간').fill('150');
      await form.getByRole('button', { name: '저장' }).click();
      await form.getByText(`${newTitle} 정보를 저장했습니다.`).waitFor();
      await assertHumanText(page);

      // A wrong field is named next to itself, in Korean.
      await form.getByLabel('종료일').fill('2020-01-01');
      await form.getByRole('button', { name: '저장' }).click();
      const endDate = form.getByLabel('종료일');
      await form.getByText('시작일과 같거나 그 뒤여야 합니다.').waitFor();
      assert.equal(await endDate.getAttribute('aria-invalid'), 'true');
      const describedBy = (await endDate.getAttribute('aria-describedby')) ?? '';
      assert.equal(await page.locator(`#${describedBy}`).innerText(), '시작일과 같거나 그 뒤여야 합니다.');
      await page.screenshot({ path: `/tmp/admin-edit-error-${viewport.width}.png`, fullPage: true });
      await form.screenshot({ path: `/tmp/admin-edit-form-${viewport.width}.png` });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `/tmp/admin-performances-top-${viewport.width}.png` });
      await assertHumanText(page);

      // The live dashboard's picker lists it; the harness's width check runs with it in the list.
      await page.goto('/admin');
      await page
        .locator('select[name=performance] option', { hasText: newTitle })
        .waitFor({ state: 'attached' });
      await page.evaluate(() => (window as unknown as { __axeCheck?: () => Promise<void> }).__axeCheck?.());

      await page.goto(`/performances/${fixture.performanceId}`);
      await page.getByRole('heading', { name: newTitle }).first().waitFor();
      await page.getByText('150분').first().waitFor();

      // Edit a showtime: picked by its date and time, saved with a new limit.
      await page.goto(`/admin/showtimes?performance=${fixture.performanceId}`);
      await page.getByRole('button', { name: /편집$/ }).last().click();
      const st = page.locator('form[aria-labelledby=ns-h]');
      await st.getByRole('heading', { name: /^회차 편집: / }).waitFor();
      await st.getByLabel('1인 최대 매수').fill('3');
      await st.getByRole('button', { name: '저장' }).click();
      await st.getByText(/회차를 저장했습니다/).waitFor();
      // The sales window out of order: the close is named.
      await st.getByLabel('판매 종료').fill('2099-01-01T10:00');
      await st.getByRole('button', { name: '저장' }).click();
      await st.getByText('공연 시작보다 늦을 수 없습니다.').waitFor();
      await page.screenshot({ path: `/tmp/admin-showtime-edit-${viewport.width}.png`, fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `/tmp/admin-showtimes-top-${viewport.width}.png` });
      await assertHumanText(page);

      // 작업 기록 names what was done and to which show, not the route and the id.
      // Other journeys write entries at the same time, so ours may be a page or two back.
      await page.goto('/admin/audit');
      const ours = page
        .getByRole('row')
        .filter({ hasText: `공연 · ${newTitle}` })
        .first();
      await page.getByRole('table').waitFor();
      for (let i = 0; i < 10 && (await ours.count()) === 0; i++) {
        await page.getByRole('button', { name: '다음' }).click();
        await page.waitForTimeout(300);
      }
      await ours.getByRole('cell', { name: '공연 수정', exact: true }).waitFor();
      await assertHumanText(page);

      // A show that is not there: said so, with the way home; never "try again".
      for (const url of ['/performances/not-a-show', '/performances/00000000-0000-4000-8000-000000000000']) {
        await page.goto(url);
        await page.getByRole('heading', { name: '공연을 찾을 수 없습니다' }).waitFor();
        await page.getByRole('link', { name: '홈으로' }).waitFor();
        assert.equal(await page.getByRole('button', { name: '다시 시도' }).count(), 0);
        await assertHumanText(page);
      }
      await page.screenshot({ path: `/tmp/missing-show-${viewport.width}.png`, fullPage: true });
      // Any page whose address names a thing by a malformed id says that thing is not there.
      for (const [url, heading] of [
        ['/admin/orders/not-an-order', '예매 내역을 찾을 수 없습니다'],
        ['/admin/inquiries/not-an-inquiry', '문의를 찾을 수 없습니다'],
        ['/me/inquiries/not-an-inquiry', '문의를 찾을 수 없습니다'],
        ['/me/reservations/not-a-booking/review', '예매 내역을 찾을 수 없습니다'],
      ] as const) {
        await page.goto(url);
        await page.getByRole('heading', { name: heading }).waitFor();
        await page.getByRole('link', { name: '홈으로' }).waitFor();
        assert.equal(await page.getByRole('button', { name: '다시 시도' }).count(), 0);
        await assertHumanText(page);
      }
      await page.goto(`/performances/${fixture.performanceId}/showtimes/not-a-showtime/seats`);
      await page.getByRole('heading', { name: '회차를 찾을 수 없습니다' }).waitFor();
      await page.getByRole('link', { name: '홈으로' }).waitFor();
      await assertHumanText(page);
      await page.goto('/no-such-page');
      await page.getByRole('heading', { name: '페이지를 찾을 수 없습니다' }).waitFor();
      await page.getByRole('link', { name: '홈으로' }).click();
      await page.waitForURL((u) => u.pathname === '/');
    },
  }));
}
