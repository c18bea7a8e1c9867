/**
 * End-to-end journeys in a real browser: builds the web app, starts the whole stack on free ports
 * against a fresh database, drives Debian's chromium through playwright-core, and stops everything.
 * `npm run test:e2e`; E2E_SKIP_BUILD=1 reuses web/dist. Screenshots of failures go to test-results/.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Api, createFixture } from './api.ts';
import { launchBrowser, runJourneys } from './harness.ts';
import { journeys } from './journeys.ts';
import { ADMIN, RESULTS, ROOT, startStack } from './stack.ts';

async function main(): Promise<{ failures: number; total: number }> {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const build = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) return { failures: 1, total: 1 };
  }
  console.log('starting the stack…');
  const stack = await startStack();
  const browser = await launchBrowser();
  try {
    const suffix = randomBytes(3).toString('hex');
    // Prepared through the API as an admin would; if that fails, only the journeys needing it fail.
    const fixture = await (async () => {
      const api = new Api(stack.baseUrl);
      await api.login(ADMIN.email, ADMIN.password);
      return createFixture(api, suffix);
    })().catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
    console.log(`journeys against ${stack.baseUrl}:`);
    const list = journeys(stack, fixture, suffix);
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
