/**
 * Screenshots of the discovery pages (and the admin performance and venue editors) against a running stack with the demo catalogue (`npm start`),
 * at 390×844 and 1280×800, into docs/screenshots/. Unlike `npm run docs:screenshots` (sample data,
 * no database), these show what a visitor of a fresh install sees: the seeded shows, real search,
 * real showtimes and availability.
 *
 *   npm start   (in another terminal), then   npm run docs:screenshots:live
 *   BASE_URL=http://127.0.0.1:3000 ADMIN_EMAIL=… ADMIN_PASSWORD=… (defaults: the development admin)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './harness.ts';
import { ROOT } from './stack.ts';

const OUT = join(ROOT, 'docs', 'screenshots');
const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@culture-ticket.local';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'Admin!2345';

const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

async function firstPerformanceId(query: string): Promise<string> {
  const res = await fetch(`${BASE_URL}/api/v1/performances?q=${encodeURIComponent(query)}&size=1`);
  if (!res.ok) throw new Error(`search for ${query}: ${res.status}`);
  const body = (await res.json()) as { items: { id: string }[] };
  if (!body.items[0]) throw new Error(`no performance matches ${query}: is the demo catalogue seeded?`);
  return body.items[0].id;
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('이메일').fill(ADMIN_EMAIL);
  await page.getByLabel('비밀번호').fill(ADMIN_PASSWORD);
  await page.locator('form').getByRole('button', { name: '로그인' }).click();
  await page.getByRole('button', { name: '로그아웃' }).waitFor();
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  // Lazy images (posters below the fold) load before the picture is taken.
  await page.evaluate(async () => {
    for (const img of Array.from(document.images)) img.loading = 'eager';
    await Promise.all(
      Array.from(document.images).map((img) =>
        img.complete ? undefined : new Promise((r) => img.addEventListener('load', r, { once: true })),
      ),
    );
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

/** One element (a form) whole, however long: the picture of an editor, not of the page around it. */
async function shootElement(page: Page, element: Locator, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await element.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function size(browser: Browser, tag: keyof typeof SIZES, detailId: string): Promise<void> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: SIZES[tag],
    deviceScaleFactor: tag === 'phone' ? 2 : 1,
    timezoneId: 'Asia/Seoul',
    locale: 'ko-KR',
  });
  const page = await context.newPage();
  try {
    await page.goto('/');
    await page.getByTestId('ticket-open').getByTestId('performance-card').first().waitFor();
    await shoot(page, `home-${tag}`);

    await page.goto(`/search?q=${encodeURIComponent('뮤지컬')}`);
    await page.getByTestId('performance-card').first().waitFor();
    await shoot(page, `search-genre-${tag}`);

    await page.goto(`/search?q=${encodeURIComponent('레미재라블')}`);
    await page.getByTestId('performance-card').first().waitFor();
    await shoot(page, `search-typo-${tag}`);

    await page.goto(`/performances/${detailId}`);
    await page.getByTestId('calendar').waitFor();
    await shoot(page, `detail-${tag}`, tag === 'phone');

    await page.getByRole('tab', { name: '공연장' }).click();
    await page
      .getByRole('link', { name: /카카오/ })
      .first()
      .waitFor();
    await shoot(page, `detail-venue-${tag}`);

    await signIn(page);
    await page.goto('/admin/performances');
    await page.getByRole('button', { name: '편집' }).first().waitFor();
    await shoot(page, `admin-performances-${tag}`);

    // The performance editor, opened on the demo's first show (every field filled from it).
    await page.getByRole('button', { name: '편집' }).first().click();
    const performanceForm = page.locator('form[aria-labelledby=np-h]');
    await performanceForm.getByRole('heading', { name: /^편집 중: / }).waitFor();
    await shootElement(page, performanceForm, `admin-performance-edit-${tag}`);

    // The venue editor: contact, parking, directions and the location (map, or typed coordinates).
    await page.goto('/admin/venues');
    await page
      .getByRole('button', { name: / 편집$/ })
      .first()
      .click();
    const venueForm = page.locator('form[aria-labelledby=edit-venue-h]');
    await venueForm.getByLabel('위도').waitFor();
    await page.waitForTimeout(1500);
    await shootElement(page, venueForm, `admin-venue-edit-${tag}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const detailId = await firstPerformanceId('레미제라블');
  const browser = await launchBrowser();
  try {
    for (const tag of Object.keys(SIZES) as (keyof typeof SIZES)[]) await size(browser, tag, detailId);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
