import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, as CI installs it (scripts/system-packages.sh). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface Journey {
  /** Short name for E2E_ONLY. */
  id: string;
  name: string;
  /** Phone-sized by default: the site is mobile first. */
  viewport?: { width: number; height: number };
  run: (page: Page, context: BrowserContext) => Promise<void>;
}

const TIMEOUT_MS = 120_000;

function slug(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/**
 * Runs journeys one after another, each in a fresh browser context, and keeps a screenshot of the
 * page when one fails. Returns the number of failures.
 */
export async function runJourneys(
  browser: Browser,
  baseUrl: string,
  journeys: Journey[],
  resultsDir: string,
): Promise<number> {
  await mkdir(resultsDir, { recursive: true });
  let failures = 0;
  for (const journey of journeys) {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: journey.viewport ?? { width: 390, height: 844 },
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const browserErrors: string[] = [];
    page.on('pageerror', (err) => browserErrors.push(err.message));
    const started = Date.now();
    try {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        journey.run(page, context),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      console.log(`  ✓ ${journey.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failures += 1;
      const shot = join(resultsDir, `${slug(journey.name)}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      console.log(`  ✗ ${journey.name}\n    ${(err as Error).message.split('\n').join('\n    ')}`);
      console.log(`    at ${page.url()}; screenshot ${shot}`);
      if (browserErrors.length > 0) console.log(`    page errors: ${browserErrors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }
  return failures;
}
