import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { createOnSaleShow, signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Chatter-pass-2345';

/** Opens the 채팅 tab of a performance and waits until the room is live (the online count shows). */
async function openChat(page: Page, performanceId: string): Promise<void> {
  await page.goto(`/performances/${performanceId}`);
  await page.getByRole('tab', { name: '채팅' }).click();
  await page.getByTestId('chat').waitFor();
  await page.getByTestId('chat-online').filter({ hasText: '접속 중' }).waitFor();
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByLabel('메시지', { exact: true }).fill(text);
  await page.getByRole('button', { name: '보내기' }).click();
}

/** The message with this text in the page's log. */
const messageIn = (page: Page, text: string) => page.getByTestId('chat-message').filter({ hasText: text });

/**
 * Fan chat: signed out, the tab asks to sign in; two signed-in fans in two browser contexts open the
 * same performance's 채팅 tab, see each other online, and talk — each message shows on both pages,
 * the sender's own on the right.
 */
export function chatJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'chat',
      name: 'two fans chat with each other on the performance page',
      run: async (page, context, run) => {
        const tag = `${suffix}${run.viewport}`;
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const { performanceId } = await createOnSaleShow(admin, {
          venue: {
            name: `E2E 수다홀 ${tag}`,
            address: '서울특별시 중구 세종대로 1',
            sections: [{ name: '1층', grade: 'R', rows: 1, seatsPerRow: 4 }],
          },
          title: `E2E 채팅 공연 ${tag}`,
          description: '채팅 여정 시험용 공연',
          prices: [{ grade: 'R', price: 50_000 }],
        });
        const [first, second] = [`chat-a-${tag}@e2e.test`, `chat-b-${tag}@e2e.test`];
        for (const email of [first, second])
          await new Api(stack.baseUrl).signup(email, PASSWORD, stack.waitForCode);

        // Signed out: the tab offers to sign in.
        await page.goto(`/performances/${performanceId}`);
        await page.getByRole('tab', { name: '채팅' }).click();
        await page.getByTestId('chat-signin').getByRole('link', { name: '로그인' }).waitFor();

        await signIn(page, first, PASSWORD);
        await openChat(page, performanceId);

        // The second fan, in a browser context of their own.
        const browser = context.browser();
        assert(browser);
        const other = await browser.newContext({
          baseURL: stack.baseUrl,
          viewport: page.viewportSize() ?? undefined,
          locale: 'ko-KR',
          timezoneId: 'Asia/Seoul',
        });
        try {
          const page2 = await other.newPage();
          page2.setDefaultTimeout(20_000);
          await signIn(page2, second, PASSWORD);
          await openChat(page2, performanceId);
          await page.getByTestId('chat-online').filter({ hasText: '2명 접속 중' }).waitFor();

          await say(page, `안녕하세요, 첫 팬입니다 ${tag}`);
          await messageIn(page2, `첫 팬입니다 ${tag}`).waitFor();
          const own = messageIn(page, `첫 팬입니다 ${tag}`);
          await own.waitFor();
          assert.match((await own.getAttribute('class')) ?? '', /\bmine\b/);

          await say(page2, `반가워요! 저도 이 공연 기다려요 ${tag}`);
          await messageIn(page, `저도 이 공연 기다려요 ${tag}`).waitFor();
          const theirs = messageIn(page, `저도 이 공연 기다려요 ${tag}`);
          assert.doesNotMatch((await theirs.getAttribute('class')) ?? '', /\bmine\b/);
          // Text stays text.
          await say(page2, `<b>굵게?</b> ${tag}`);
          await messageIn(page, `<b>굵게?</b> ${tag}`).waitFor();
          assert.equal(await page.locator('.chat-log b').count(), 0);
        } finally {
          await other.close();
        }
      },
    },
  ];
}
