import assert from 'node:assert/strict';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import type { Stack } from './stack.ts';

const OLD_PASSWORD = 'Forgotten-pass-2345';
const NEW_PASSWORD = 'Remembered-now-6789';

export function recoveryJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'password-reset',
      name: '비밀번호 찾기: the login link → email → the mailed link → a new password twice → sign in; the old one is refused and the link works once',
      run: async (page, _context, run) => {
        const email = `forgot-${run.viewport}-${suffix}@e2e.test`;
        await new Api(stack.baseUrl).signup(email, OLD_PASSWORD, stack.waitForCode);

        await page.goto('/login');
        await page.getByRole('link', { name: '비밀번호 찾기' }).click();
        await page.getByRole('heading', { name: '비밀번호 찾기' }).waitFor();
        await page.getByLabel('이메일').fill(email);
        await page.getByRole('button', { name: '재설정 링크 받기' }).click();
        await page.getByText('메일을 보냈어요').waitFor();

        // The worker sends it from the queue; the text part carries the link.
        const link = await stack.waitForMail(email, /(https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+)/);
        const path = new URL(link);
        await page.goto(`${path.pathname}${path.search}`);
        await page.getByLabel('새 비밀번호', { exact: true }).fill(NEW_PASSWORD);
        await page.getByLabel('새 비밀번호 확인').fill(`${NEW_PASSWORD}!`);
        await page.getByRole('button', { name: '비밀번호 변경' }).click();
        await page.getByText('두 비밀번호가 같지 않아요.').waitFor();
        await page.getByLabel('새 비밀번호 확인').fill(NEW_PASSWORD);
        await page.getByRole('button', { name: '비밀번호 변경' }).click();
        await page.getByText('모든 기기에서 로그아웃되었으니').waitFor();

        await page.getByLabel('이메일').fill(email);
        await page.getByLabel('비밀번호').fill(OLD_PASSWORD);
        await page.locator('form').getByRole('button', { name: '로그인' }).click();
        await page.getByRole('alert').waitFor();
        await page.getByLabel('비밀번호').fill(NEW_PASSWORD);
        await page.locator('form').getByRole('button', { name: '로그인' }).click();
        await page.getByRole('button', { name: '로그아웃' }).waitFor();

        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);

        // The link works once.
        const again = await fetch(`${stack.baseUrl}/api/v1/auth/password-resets/confirm`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: path.searchParams.get('token'), newPassword: 'Third-try-pass-1' }),
        });
        assert.equal(again.status, 400);
      },
    },
    {
      id: 'find-email',
      name: '이메일 찾기: both tabs answer alike, and the masked hint arrives by mail',
      run: async (page, _context, run) => {
        const email = `finder-${run.viewport}-${suffix}@e2e.test`;
        const api = new Api(stack.baseUrl);
        await api.signup(email, OLD_PASSWORD, stack.waitForCode);
        await api.login(email, OLD_PASSWORD);
        const phone = run.mobile ? '010-7000-0002' : '010-7000-0001';
        await api.call('PATCH', '/users/me', { phone, birthDate: '1994-02-03' });

        await page.goto('/login');
        await page.getByRole('link', { name: '이메일 찾기' }).click();
        await page.getByRole('tab', { name: '휴대폰 번호' }).click();
        await page.getByRole('textbox', { name: '휴대폰 번호' }).fill(phone.replaceAll('-', ''));
        await page.getByRole('button', { name: '이메일 찾기' }).click();
        await page.getByText('메일을 보냈어요').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
        assert.equal(await stack.waitForMail(email, /(fi\*\*\*@e2e\.test)/), 'fi***@e2e.test');

        // The other tab: nickname (signup used the address's local part) and birth date.
        await page.goto('/find-email');
        await page.getByLabel('닉네임', { exact: true }).fill(email.split('@')[0]!);
        await page.getByLabel('생년월일', { exact: true }).fill('1994-02-03');
        await page.getByRole('button', { name: '이메일 찾기' }).click();
        await page.getByText('메일을 보냈어요').waitFor();
      },
    },
  ];
}
