import assert from 'node:assert/strict';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { ADMIN, type Stack } from './stack.ts';
import { createOnSaleShow, signIn } from './steps.ts';

const PASSWORD = 'Asker-pass-2345';

/**
 * The AI assistant: from the header, ask about a show of the journey's own; the answer streams in
 * piece by piece, ends with a card that links to the show (the server made it from the search the
 * model ran), and the card leads to the show's page.
 */
export function assistantJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'assistant',
      name: 'ask the AI assistant from the header, watch the answer stream, follow its card to the show',
      run: async (page, _context, run) => {
        const tag = `${suffix}${run.viewport}`;
        const title = `도우미뮤지컬 ${tag}`;
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const show = await createOnSaleShow(admin, {
          venue: {
            name: `E2E 도우미홀 ${tag}`,
            address: '서울특별시 종로구 대학로 1',
            sections: [{ name: '1층', grade: 'VIP', rows: 1, seatsPerRow: 6 }],
          },
          title,
          description: '도우미 여정 시험용 공연',
          prices: [{ grade: 'VIP', price: 150_000 }],
        });
        const email = `assistant-${tag}@e2e.test`;
        await new Api(stack.baseUrl).signup(email, PASSWORD, stack.waitForCode);
        await signIn(page, email, PASSWORD);

        await page.getByRole('button', { name: 'AI 도우미' }).click();
        const panel = page.getByRole('dialog', { name: 'AI 도우미' });
        await panel.getByRole('button', { name: '이번 주말 서울에서 볼 만한 뮤지컬 있어?' }).waitFor();
        await panel.getByLabel('질문').fill(`${title} 공연 어디서 해?`);
        await panel.getByRole('button', { name: '보내기' }).click();

        // The answer arrives in pieces: some text shows before the whole of it.
        const answer = panel.getByTestId('assistant-assistant').last();
        await answer.locator('.assistant-text').filter({ hasText: '찾아봤어요.' }).waitFor();
        const partial = (await answer.locator('.assistant-text').innerText()).trim();
        await answer.locator('.assistant-text').filter({ hasText: '회차와 좌석을 확인하세요.' }).waitFor();
        const whole = (await answer.locator('.assistant-text').innerText()).trim();
        assert.ok(partial.length < whole.length, `streamed: "${partial}" before "${whole}"`);
        assert.ok(whole.includes(`${title} 공연이 E2E 도우미홀 ${tag}에서`), whole);

        // The card the server derived from the search links to the show.
        const card = answer.getByRole('link', { name: new RegExp(title) });
        await card.waitFor();
        assert.equal(await card.getAttribute('href'), `/performances/${show.performanceId}`);
        await page.evaluate(() => (window as unknown as { __axeCheck?: () => Promise<void> }).__axeCheck?.());
        await card.click();
        await page.waitForURL((url) => url.pathname === `/performances/${show.performanceId}`);
        await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      },
    },
  ];
}
