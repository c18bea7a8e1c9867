/**
 * End-to-end journeys in a real browser: builds the web app, starts the whole stack on free ports
 * against a fresh database, drives Debian's chromium through playwright-core, and stops everything.
 * `npm run test:e2e`; E2E_SKIP_BUILD=1 reuses web/dist. Screenshots of failures go to test-results/.
 * E2E_ONLY=door,purchase runs those journeys alone, in that order (each sets up its own state).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { launchBrowser, runJourneys, type Journey } from './harness.ts';
import { journeys } from './journeys.ts';
import { RESULTS, ROOT, startStack } from './stack.ts';

/** The journeys E2E_ONLY names (ids, comma-separated, run in that order); all of them without it. */
function selected(all: Journey[]): Journey[] {
  const only = process.env.E2E_ONLY?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (!only?.length) return all;
  return only.map((id) => {
    const journey = all.find((j) => j.id === id);
    if (!journey)
      throw new Error(`E2E_ONLY: no journey "${id}"; there are ${all.map((j) => j.id).join(', ')}`);
    return journey;
  });
}

async function main(): Promise<{ failures: number; total: number }> {
  // Checked before the build and the stack: a misspelt id fails at once.
  selected(journeys({} as Parameters<typeof journeys>[0], ''));
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
    const list = selected(journeys(stack, suffix));
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
