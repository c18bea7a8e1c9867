import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { useClientAddress } from './api.ts';
import { axeMode, describeFindings, installAxe } from './axe.ts';

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

/**
 * The two screens every page must work on: a laptop and a 390 px phone. A journey runs at each of
 * its `viewports` (both unless it says otherwise), as separate runs named `id@desktop`, `id@mobile`.
 */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;
export const ALL_VIEWPORTS: readonly ViewportName[] = ['desktop', 'mobile'];

/** What a journey may want to know about the run it is in. */
export interface JourneyRun {
  viewport: ViewportName;
  /** True at the phone size: a journey that must open a menu or scroll can ask. */
  mobile: boolean;
}

export interface Journey {
  /** Short name for E2E_ONLY. */
  id: string;
  name: string;
  /** The screens to run at; both by default. `['desktop']` for a desk-only page, with a reason. */
  viewports?: readonly ViewportName[];
  run: (page: Page, context: BrowserContext, run: JourneyRun) => Promise<void>;
}

/** One journey at one viewport: what the harness actually runs. */
interface Planned {
  journey: Journey;
  viewport: ViewportName;
  label: string;
}

/**
 * The runs the journeys make: each at each of its viewports, in order. `journeysAt` builds the list
 * for one viewport (with a suffix of that size, so runs at two sizes never share an account). `E2E_VIEWPORT=mobile`
 * (or desktop) keeps one size; `E2E_ONLY` may name `id` (every size) or `id@mobile`.
 */
export function plan(journeysAt: (viewport: ViewportName) => Journey[], only: string[] = []): Planned[] {
  // Built once per viewport, so each size's run sets up its own accounts and catalogue.
  const built = { desktop: journeysAt('desktop'), mobile: journeysAt('mobile') };
  const journeys = built.desktop;
  const sizes = process.env.E2E_VIEWPORT?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const size of sizes ?? [])
    if (!(size in VIEWPORTS)) throw new Error(`E2E_VIEWPORT: no viewport "${size}" (desktop, mobile)`);
  const runsOf = (journey: Journey, want?: string): Planned[] =>
    (journey.viewports ?? ALL_VIEWPORTS)
      .filter((v) => (want ? v === want : !sizes || sizes.includes(v)))
      .map((viewport) => ({
        journey: built[viewport].find((j) => j.id === journey.id) ?? journey,
        viewport,
        label: `${journey.id}@${viewport}`,
      }));
  if (only.length === 0) return journeys.flatMap((j) => runsOf(j));
  return only.flatMap((entry) => {
    const [id, want] = entry.split('@');
    const journey = journeys.find((j) => j.id === id);
    if (!journey)
      throw new Error(`E2E_ONLY: no journey "${id}"; there are ${journeys.map((j) => j.id).join(', ')}`);
    const runs = runsOf(journey, want);
    if (runs.length === 0) throw new Error(`E2E_ONLY: journey "${id}" does not run at "${want}"`);
    return runs;
  });
}

const TIMEOUT_MS = 120_000;

function slug(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/**
 * Runs journeys one after another, each at each of its viewports in a fresh browser context, with
 * the axe gate (e2e/axe.ts) watching every page; keeps a screenshot of the page when one fails.
 * Returns the number of failed runs.
 */
export async function runJourneys(
  browser: Browser,
  baseUrl: string,
  runs: Planned[],
  resultsDir: string,
): Promise<number> {
  await mkdir(resultsDir, { recursive: true });
  const axe = axeMode();
  let failures = 0;
  for (const [index, { journey, viewport, label }] of runs.entries()) {
    // A client address of the run's own, for the browser and the API helpers alike (e2e/api.ts).
    const address = `10.99.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    useClientAddress(address);
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: VIEWPORTS[viewport],
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
      extraHTTPHeaders: { 'x-forwarded-for': address },
    });
    const gate = axe === 'off' ? null : await installAxe(context, baseUrl);
    const page = await context.newPage();
    await gate?.attach(page);
    page.setDefaultTimeout(20_000);
    const browserErrors: string[] = [];
    page.on('pageerror', (err) => browserErrors.push(err.message));
    const started = Date.now();
    const title = `${journey.name} [${viewport} ${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height}]`;
    try {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        journey.run(page, context, { viewport, mobile: viewport === 'mobile' }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      if (gate) {
        await gate.finish(page);
        if (process.env.E2E_AXE_VERBOSE === '1') {
          console.log(`    axe checked ${gate.pages().join(', ')}`);
          const all = describeFindings(gate.all());
          if (all) console.log(`    ${all.split('\n').join('\n    ')}`);
        }
        const blocking = gate.blocking();
        if (blocking.length > 0) {
          const list = describeFindings(blocking);
          if (axe === 'fail')
            throw new Error(`axe: ${blocking.length} serious or critical accessibility violations\n${list}`);
          console.log(
            `  ! ${label}: axe found (not failing, E2E_AXE=warn)\n    ${list.split('\n').join('\n    ')}`,
          );
        }
      }
      console.log(`  ✓ ${title} (${Date.now() - started} ms)`);
    } catch (err) {
      failures += 1;
      const shot = join(resultsDir, `${slug(journey.name)}-${viewport}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      console.log(
        `  ✗ ${title} (E2E_ONLY=${label})\n    ${(err as Error).message.split('\n').join('\n    ')}`,
      );
      console.log(`    at ${page.url()}; screenshot ${shot}`);
      if (browserErrors.length > 0) console.log(`    page errors: ${browserErrors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }
  return failures;
}
