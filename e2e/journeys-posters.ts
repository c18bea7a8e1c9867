import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { Api, createFixture } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

/** A poster made on the spot: 1200×1600, a colour field with a disc, as a PNG. */
async function posterPng(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#2b5bd6' } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="1200" height="1600"><circle cx="600" cy="800" r="420" fill="#f3c623"/></svg>',
        ),
      },
    ])
    .png()
    .toBuffer();
}

/** The <img> shows an uploaded poster: loaded from /media/images, the browser's pick of the srcset. */
async function assertUploadedPoster(page: Page, img: ReturnType<Page['locator']>): Promise<void> {
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0,
    await img.elementHandle(),
  );
  const src = await img.evaluate((el) => (el as HTMLImageElement).currentSrc);
  assert.match(src, /\/api\/v1\/media\/images\/poster-[0-9a-f]{24}-(160|320|640)\.(webp|jpg)$/);
  const webp = img.locator('xpath=preceding-sibling::source[@type="image/webp"]');
  assert.match((await webp.getAttribute('srcset')) ?? '', /-160\.webp 160w, .*-640\.webp 640w$/);
}

/**
 * The admin uploads a poster for a performance in the editor (a renamed non-image is refused in
 * Korean first) and sees it on the public site: the search tile and the detail page.
 */
export function posterJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'poster-upload',
      name: 'admin uploads a poster; the tile and the detail page show it as <picture>',
      run: async (page, _context, { viewport }) => {
        const api = new Api(stack.baseUrl);
        await api.login(ADMIN.email, ADMIN.password);
        const fixture = await createFixture(api, `${suffix}-poster-${viewport}`);
        await signIn(page, ADMIN.email, ADMIN.password);

        await page.goto('/admin/performances');
        await page.getByRole('button', { name: `${fixture.title} 편집` }).click();
        const field = page.getByRole('group', { name: '포스터' });
        await field.waitFor();
        const input = field.getByLabel('포스터 이미지 파일');

        // A text file named .png: refused by its content, said in Korean.
        await input.setInputFiles({
          name: 'poster.png',
          mimeType: 'image/png',
          buffer: Buffer.from('not an image'),
        });
        await field.getByRole('button', { name: '포스터 올리기' }).click();
        await field.getByText('JPEG, PNG, WebP 이미지만 올릴 수 있습니다.').waitFor();

        await input.setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: await posterPng() });
        await field.getByRole('button', { name: '포스터 올리기' }).click();
        await field.getByText('포스터를 바꿨어요.', { exact: false }).waitFor();
        await assertUploadedPoster(page, field.getByRole('img', { name: '현재 포스터' }));
        await field.getByRole('button', { name: '기본 포스터로' }).waitFor();
        await field.screenshot({ path: `/tmp/poster-editor-${viewport}.png` });

        // The public site: the search tile, then the detail page.
        await page.goto(`/search?q=${encodeURIComponent(fixture.title)}`);
        const tile = page.getByTestId('performance-card').filter({ hasText: fixture.title }).first();
        await tile.waitFor();
        await assertUploadedPoster(page, tile.locator('img').first());
        await page.screenshot({ path: `/tmp/poster-tile-${viewport}.png` });

        await page.goto(`/performances/${fixture.performanceId}`);
        await page.getByRole('heading', { name: fixture.title }).first().waitFor();
        const poster = page.locator('.detail-hero img.poster').first();
        await assertUploadedPoster(page, poster);
        // Laid out as the generated poster is: beside the title, not on a row of its own.
        const [posterBox, titleBox] = [
          await poster.boundingBox(),
          await page.locator('.detail-hero h1').boundingBox(),
        ];
        assert.ok(
          posterBox && titleBox && posterBox.x + posterBox.width <= titleBox.x,
          'poster beside the title',
        );
        await page.screenshot({ path: `/tmp/poster-detail-${viewport}.png` });
      },
    },
  ];
}
