import assert from 'node:assert/strict';
import { Api, createFixture } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

/**
 * The theatre adds a youth discount in the console and a buyer sees it, priced per grade, on the
 * performance page. The fixture's grades are VIP 100,000원 and R 70,000원, so 20% off is 80,000원
 * and 56,000원.
 */
export function ticketTypeJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'ticket-types',
      name: 'admin adds a 청소년 20% ticket type; the performance page lists it with its prices',
      run: async (page, _context, run) => {
        const api = new Api(stack.baseUrl);
        await api.login(ADMIN.email, ADMIN.password);
        const fixture = await createFixture(api, `${suffix}-tt`);
        await signIn(page, ADMIN.email, ADMIN.password);

        await page.goto('/admin/performances');
        await page.getByRole('button', { name: `${fixture.title} 편집` }).click();
        const form = page.locator('form[aria-labelledby=np-h]');
        await form.getByRole('heading', { name: `편집 중: ${fixture.title}` }).waitFor();
        await form.getByText('지금은 일반(정가)만 판매합니다.').waitFor();

        // The preset comes filled in, with the price it comes to per grade.
        assert.equal(
          await form.getByLabel('추가할 권종').locator('option:checked').innerText(),
          '청소년 20% 할인',
        );
        await form.getByRole('button', { name: '권종 추가' }).click();
        const youth = form.getByRole('group', { name: '청소년' });
        assert.equal(await youth.getByLabel('권종 코드').inputValue(), 'YOUTH');
        assert.equal(await youth.getByLabel('할인율 (%)').inputValue(), '20');
        assert.equal(await youth.getByLabel('입장 시 증빙 확인').isChecked(), true);
        assert.equal(
          await youth.getByTestId('ticket-type-preview').innerText(),
          '할인가: VIP석 80,000원 · R석 56,000원',
        );

        // A code listed twice is named next to the second row's code, in Korean.
        await form.getByLabel('추가할 권종').selectOption({ label: '직접 입력' });
        await form.getByRole('button', { name: '권종 추가' }).click();
        const custom = form.getByRole('group', { name: '새 권종' });
        await custom.getByLabel('권종 이름').fill('학생');
        const student = form.getByRole('group', { name: '학생' });
        await student.getByLabel('권종 코드').fill('youth');
        assert.equal(await student.getByLabel('권종 코드').inputValue(), 'YOUTH');
        await form.getByRole('button', { name: '저장' }).click();
        await student.getByText('YOUTH 코드가 두 번 들어 있습니다.').waitFor();
        assert.equal(await student.getByLabel('권종 코드').getAttribute('aria-invalid'), 'true');
        await page.screenshot({ path: `/tmp/ticket-types-error-${run.viewport}.png`, fullPage: true });
        await student.getByRole('button', { name: '학생 삭제' }).click();

        await form.getByRole('button', { name: '저장' }).click();
        await form.getByText(`${fixture.title} 정보를 저장했습니다.`).waitFor();
        await form.screenshot({ path: `/tmp/ticket-types-form-${run.viewport}.png` });

        // Opening it again fills the editor from what the performance now sells.
        await page.goto('/admin/performances');
        await page.getByRole('button', { name: `${fixture.title} 편집` }).click();
        await form.getByRole('heading', { name: `편집 중: ${fixture.title}` }).waitFor();
        assert.equal(
          await form.getByRole('group', { name: '청소년' }).getByLabel('할인율 (%)').inputValue(),
          '20',
        );
        assert.equal(await form.getByRole('group', { name: '권종 할인' }).getByRole('group').count(), 1);

        // A buyer (signed out) sees the discount on the performance page.
        await page.getByRole('button', { name: '로그아웃' }).click();
        await page.getByRole('link', { name: '로그인' }).first().waitFor();
        await page.goto(`/performances/${fixture.performanceId}`);
        const types = page.getByTestId('ticket-types');
        await types.waitFor();
        const row = types.getByRole('row', { name: /청소년/ });
        await row.getByText('20% 할인').waitFor();
        await row.getByText('입장 시 증빙 필요: 청소년증 또는 학생증').waitFor();
        assert.deepEqual(
          (await row.locator('.type-prices li').allInnerTexts()).map((s) => s.trim()),
          ['VIP석 80,000원', 'R석 56,000원'],
        );
        assert.equal(await types.getByRole('row').count(), 1);
        await types.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/ticket-types-detail-${run.viewport}.png` });
      },
    },
  ];
}
