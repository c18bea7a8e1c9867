/**
 * End-to-end journeys in a real browser: builds the web app, starts the whole stack on free ports
 * against a fresh database, drives Debian's chromium through playwright-core, and stops everything.
 * `npm run test:e2e`; E2E_SKIP_BUILD=1 reuses web/dist. Screenshots of failures go to test-results/.
 * E2E_ONLY=door,purchase runs those journeys alone, in that order (each sets up its own state);
 * E2E_ONLY=door@mobile one at one size. Every journey runs at 1280×800 and at 390×844 unless it
 * names its `viewports`; E2E_VIEWPORT=mobile keeps one size. The axe gate (e2e/axe.ts) fails a
 * journey on a serious or critical accessibility violation; E2E_AXE=warn only prints them.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { launchBrowser, plan, runJourneys } from './harness.ts';
import { journeys } from './journeys.ts';
import { RESULTS, ROOT, startStack } from './stack.ts';

/** E2E_ONLY: journey ids (every viewport) or `id@mobile` / `id@desktop`, comma-separated, in order. */
function only(): string[] {
  return (process.env.E2E_ONLY ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

async function main(): Promise<{ failures: number; total: number }> {
  // Checked before the build and the stack: a misspelt id fails at once.
  plan(() => journeys({} as Parameters<typeof journeys>[0], ''), only());
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const build = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) return { failures: 1, total: 1 };
  }
  console.log('starting the stack…');
  const stack = await startStack();
  const browser = await launchBrowser();
  try {
    const suffix = randomBytes(3).toString('hex');
    console.log(`journeys against ${stack.baseUrl}:`);
    // A suffix per size: the desktop and phone runs of a journey set up separate data.
    const list = plan(
      (viewport) => journeys(stack, `${suffix}${viewport === 'desktop' ? 'd' : 'm'}`),
      only(),
    );
    const failures = await runJourneys(browser, stack.baseUrl, list, RESULTS);
    return { failures, total: list.length };
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().then(
  ({ failures, total }) => {
    // The plain closing line CI reads in any language.
    console.log(`${total - failures} passed, ${failures} failed`);
    process.exit(failures > 0 ? 1 : 0);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
