import assert from 'node:assert/strict';
import type { Journey } from './harness.ts';
import type { Stack } from './stack.ts';

/**
 * Social sign-in through the local OAuth server that stands in for Kakao and Google: a new visitor
 * signs up with Kakao, links Google in the profile, unlinks Kakao, and cannot unlink the last one;
 * an unverified address of that account on another Kakao account then joins nothing.
 */
export function socialJourneys(stack: Stack, suffix: string): Journey[] {
  const idp = stack.oauthProvider;
  return [
    {
      id: 'social-sign-in',
      name: 'signs in with Kakao, links Google in the profile, cannot unlink the last way in',
      run: async (page) => {
        const email = `social-${suffix}@e2e.test`;
        idp.profile = {
          id: Number(`9${Date.now()}`.slice(0, 15)),
          kakao_account: {
            email,
            is_email_valid: true,
            is_email_verified: true,
            profile: { nickname: '소셜관객' },
          },
        };
        await page.goto('/login');
        await page.getByRole('link', { name: '카카오로 시작하기' }).click();
        await page.getByRole('button', { name: '로그아웃' }).waitFor();
        assert.equal(new URL(page.url()).pathname, '/');

        await page.goto('/profile');
        assert.equal(await page.getByTestId('profile-email').textContent(), email);
        const kakao = page.locator('.linked-account[data-provider=kakao]');
        await kakao.getByRole('button', { name: '카카오 연결 해제' }).waitFor();

        idp.profile = {
          sub: `google-${suffix}-${Date.now()}`,
          email,
          email_verified: true,
          name: '소셜관객',
        };
        await page.getByRole('button', { name: 'Google 연결하기' }).click();
        await page.getByText('Google 계정을 연결했습니다.').waitFor();
        assert.equal(new URL(page.url()).pathname, '/profile');

        await kakao.getByRole('button', { name: '카카오 연결 해제' }).click();
        await page.getByText('카카오 계정 연결을 해제했습니다.').waitFor();
        await kakao.getByRole('button', { name: '카카오 연결하기' }).waitFor();

        await page.getByRole('button', { name: 'Google 연결 해제' }).click();
        await page.getByText('로그인할 수 있는 마지막 방법이라').waitFor();
        await page.getByRole('button', { name: 'Google 연결 해제' }).waitFor();

        // Signed out, another Kakao account carrying this address, unverified, joins nothing.
        await page.locator('#main').getByRole('button', { name: '로그아웃' }).click();
        await page
          .getByRole('navigation', { name: '주 메뉴' })
          .getByRole('link', { name: '로그인' })
          .waitFor();
        idp.profile = {
          id: Number(`8${Date.now()}`.slice(0, 15)),
          kakao_account: { email, is_email_valid: true, is_email_verified: false },
        };
        await page.goto('/login');
        await page.getByRole('link', { name: '카카오로 시작하기' }).click();
        await page.getByText('이 이메일로 가입한 계정이 있습니다').waitFor();
        assert.equal(new URL(page.url()).pathname, '/login');
        assert.equal(await page.getByRole('button', { name: '로그아웃' }).count(), 0);
      },
    },
  ];
}
