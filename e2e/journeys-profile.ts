import assert from 'node:assert/strict';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import type { Stack } from './stack.ts';

const PASSWORD = 'Buyer-pass-2345';

export function profileJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'profile',
      name: '내 정보: edit nickname and phone, opt in to marketing, sign another device out, then withdraw and be refused at sign-in',
      run: async (page) => {
        const email = `profile-${suffix}@e2e.test`;
        // A second session, elsewhere: the API client signs in before the browser does.
        const elsewhere = new Api(stack.baseUrl);
        await elsewhere.signup(email, PASSWORD, stack.waitForCode);
        await elsewhere.login(email, PASSWORD);

        await page.goto('/login');
        await page.getByLabel('이메일').fill(email);
        await page.getByLabel('비밀번호').fill(PASSWORD);
        await page.locator('form').getByRole('button', { name: '로그인' }).click();
        await page.getByRole('link', { name: '내 정보' }).click();
        await page.getByRole('heading', { name: '내 정보', level: 1 }).waitFor();

        // Account: nickname and phone.
        const accountSection = page.getByRole('region', { name: '회원 정보' });
        await accountSection.getByLabel('닉네임').fill('새닉네임');
        await accountSection.getByLabel('전화번호').fill('010-2345-6789');
        await accountSection.getByRole('button', { name: '저장' }).click();
        await accountSection.getByText('저장했습니다.').waitFor();
        const me = await elsewhere.call<{ nickname: string; phone?: string }>('GET', '/users/me');
        assert.equal(me.nickname, '새닉네임');
        assert.equal(me.phone, '010-2345-6789');

        // Consents: the opt-in saves at once and says when.
        const consents = page.getByRole('region', { name: '약관 및 수신 동의' });
        const marketingState = consents.getByTestId('marketing-state');
        assert.match(await marketingState.innerText(), /아직 선택하지 않았습니다/);
        await consents.getByLabel('[선택] 공연 소식·할인 혜택을 이메일로 받기').check();
        await consents.getByText(/\(.\) \d{2}:\d{2}에 수신 동의했습니다\./).waitFor();

        // Devices: this browser is marked, the API client's session is the other one.
        const devices = page.getByRole('region', { name: '로그인된 기기' });
        const rows = devices.getByTestId('device-list').locator('li');
        await rows.nth(1).waitFor();
        assert.equal(await rows.count(), 2);
        const current = rows.filter({ hasText: '이 기기' });
        assert.equal(await current.count(), 1);
        assert.equal(await current.getAttribute('data-current'), 'true');
        await current.getByRole('button', { name: '이 기기 로그아웃' }).waitFor();
        // Nothing wider than the screen, at 390 px too.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `the profile page scrolls sideways by ${overflow} px`);
        await devices.getByRole('button', { name: '알 수 없는 기기 로그아웃' }).click();
        await devices.getByText('알 수 없는 기기에서 로그아웃했습니다.').waitFor();
        await rows.nth(1).waitFor({ state: 'detached' });
        assert.equal(await rows.count(), 1);
        // The ended session is refused on the API.
        await assert.rejects(elsewhere.call('GET', '/users/me'), /→ 401/);

        // Withdrawal: no tickets, so it goes through; the password and the tick are both needed.
        const withdrawal = page.getByRole('region', { name: '회원 탈퇴' });
        await withdrawal.getByText('5년간 보관').waitFor();
        const submit = withdrawal.getByRole('button', { name: '회원 탈퇴' });
        assert.equal(await submit.isDisabled(), true);
        await withdrawal.getByLabel('현재 비밀번호').fill(PASSWORD);
        await withdrawal.getByLabel('위 내용을 확인했으며 탈퇴에 동의합니다').check();
        await submit.click();
        await page.getByRole('link', { name: '로그인' }).waitFor();

        await page.goto('/login');
        await page.getByLabel('이메일').fill(email);
        await page.getByLabel('비밀번호').fill(PASSWORD);
        await page.locator('form').getByRole('button', { name: '로그인' }).click();
        await page.getByText('이메일 또는 비밀번호가 올바르지 않습니다.').waitFor();
      },
    },
  ];
}
