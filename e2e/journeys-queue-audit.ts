import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { POW_MEASURE } from '../web/src/lib/pow-search.ts';
import { Api } from './api.ts';
import type { Journey } from './harness.ts';
import { signIn } from './steps.ts';
import { ADMIN, type Stack } from './stack.ts';

const PASSWORD = 'Drawer-pass-2345';
/** Sales open this long after the fixture is made: time to sign in and enter before the draw. */
const OPENS_IN_MS = 30_000;

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/** What the browser's workers do, in Node: find n with SHA-256(salt + n) = challenge. */
function solved(c: Challenge): string {
  for (let n = 0; n <= c.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(c.salt + n)
        .digest('hex') === c.challenge
    ) {
      const payload = {
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: n,
        salt: c.salt,
        signature: c.signature,
      };
      return Buffer.from(JSON.stringify(payload)).toString('base64');
    }
  }
  throw new Error('unsolvable challenge');
}

/** A showtime behind a waiting room with the entry check on, whose sales open in OPENS_IN_MS. */
async function drawShow(api: Api, tag: string): Promise<{ performanceId: string; showtimeId: string }> {
  const categories = await api.call<Array<{ id: string }>>('GET', '/categories');
  const venue = await api.call<{ id: string }>('POST', '/admin/venues', {
    name: `E2E 추첨홀 ${tag}`,
    address: '서울시 중구 세종대로 1',
    sections: [{ name: 'A', grade: 'R', rows: 1, seatsPerRow: 6 }],
  });
  const day = (offset: number): string =>
    new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  const performance = await api.call<{ id: string }>('POST', '/admin/performances', {
    title: `E2E 검증 추첨 ${tag}`,
    description: '추첨 검증 여정 시험용 공연',
    categoryId: categories[0]!.id,
    venueId: venue.id,
    startDate: day(1),
    endDate: day(30),
    runningMinutes: 90,
    ageRating: 0,
    prices: [{ grade: 'R', price: 50_000 }],
  });
  const at = (ms: number): string => new Date(Date.now() + ms).toISOString();
  // One buyer at a time for ten minutes: whoever the draw puts first is let in, the rest keep a place.
  const showtime = await api.call<{ id: string }>('POST', `/admin/performances/${performance.id}/showtimes`, {
    startsAt: at(7 * 86400_000),
    salesOpenAt: at(OPENS_IN_MS),
    salesCloseAt: at(6 * 86400_000),
    maxTicketsPerUser: 2,
    queue: { enabled: true, admitPerSecond: 1, maxActive: 1, sessionSeconds: 600, proofOfWork: true },
  });
  return { performanceId: performance.id, showtimeId: showtime.id };
}

/**
 * 추첨 검증: before sales open the buyer enters a waiting room that asks for a proof of work (the page
 * solves it without a click), waits for the draw, sees the drawn place, and opens the check page,
 * which recomputes the draw in the browser and says the place was drawn fairly.
 */
export function queueAuditJourneys(stack: Stack, suffix: string): Journey[] {
  return [
    {
      id: 'queue-audit',
      name: 'enter before the open (the entry check solves itself), see the drawn place, verify the draw',
      run: async (page, context, run) => {
        const tag = `${suffix}${run.viewport}`;
        const admin = new Api(stack.baseUrl);
        await admin.login(ADMIN.email, ADMIN.password);
        const show = await drawShow(admin, tag);
        // Three others enter early through the API, each with a solved challenge.
        for (let i = 0; i < 3; i++) {
          const other = new Api(stack.baseUrl);
          const email = `drawn-${i}-${tag}@e2e.test`;
          await other.signup(email, PASSWORD, stack.waitForCode);
          await other.login(email, PASSWORD);
          const c = await other.call<Challenge>('GET', `/showtimes/${show.showtimeId}/queue/challenge`);
          await other.call('POST', `/showtimes/${show.showtimeId}/queue`, { altcha: solved(c) });
        }
        const buyer = new Api(stack.baseUrl);
        const email = `drawer-${tag}@e2e.test`;
        await buyer.signup(email, PASSWORD, stack.waitForCode);
        await signIn(page, email, PASSWORD);

        // On the phone run the page's CPU is slowed 4× (as Lighthouse does for a mid-range phone),
        // so the solve time printed below is a phone's, not this machine's.
        const cdp = run.mobile ? await context.newCDPSession(page) : null;
        await cdp?.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(`/performances/${show.performanceId}/showtimes/${show.showtimeId}/queue`);
        // Entered before the open: no place until the draw, and the draw number with its check link.
        const draw = page.getByTestId('queue-draw');
        await draw.waitFor({ timeout: 20_000 });
        const link = page.getByRole('link', { name: '추첨이 공정했는지 확인하기' });
        const href = (await link.getAttribute('href')) ?? '';
        const entryId = new URL(href, stack.baseUrl).searchParams.get('entry') ?? '';
        assert.match(entryId, /^[0-9a-f]{32}$/);
        // The entry check was solved in the page (not skipped): its measure is there.
        const solves = await page.evaluate(
          (name) =>
            performance.getEntriesByName(name).map((e) => ({
              ms: Math.round(e.duration),
              ...((e as PerformanceMeasure).detail as { maxnumber: number; hashes: number }),
            })),
          POW_MEASURE,
        );
        assert.equal(solves.length, 1, 'the page solved one entry check');
        console.log(
          `    entry check solved in ${solves[0]!.ms} ms (difficulty ${solves[0]!.maxnumber}, ${solves[0]!.hashes} hashes in the winning worker${run.mobile ? ', CPU slowed 4×' : ''})`,
        );
        await cdp?.send('Emulation.setCPUThrottlingRate', { rate: 1 });

        // The draw at the open: a place in line, or (drawn first) straight on to the seats.
        await page
          .getByTestId('queue-position')
          .or(page.getByRole('group', { name: '좌석 배치도' }))
          .or(page.getByTestId('zones'))
          .first()
          .waitFor({ timeout: OPENS_IN_MS + 30_000 });
        let shown: number | null = null;
        if (await page.getByTestId('queue-position').isVisible()) {
          shown = Number(
            (await page.getByTestId('queue-position').locator('.big').innerText()).replace(/\D/g, ''),
          );
          assert.ok(shown >= 1 && shown <= 4, `a drawn place among four: ${shown}`);
          assert.ok(
            await page.evaluate(
              () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
            ),
          );
        }

        // The check page recomputes the draw here, in the browser.
        await page.goto(href);
        const verified = page.getByTestId('audit-verified');
        await verified.waitFor({ timeout: 20_000 });
        await verified.getByText('공정하게 추첨된 순번입니다').waitFor();
        const place = Number((await page.getByTestId('audit-place').innerText()).match(/(\d+) \/ 4/)?.[1]);
        assert.ok(place >= 1 && place <= 4);
        // The line follows the draw: the place shown is the drawn one, or one less once the first
        // drawn has been let in; drawn first, the buyer went straight on.
        if (shown !== null)
          assert.ok(shown === place || shown === place - 1, `shown ${shown}, drawn ${place}`);
        else assert.equal(place, 1);
        for (const check of [
          '시드가 미리 공개한 약속값과 맞음',
          '명단이 공개된 요약값과 같음',
          '모든 순번이 다시 계산한 순서와 같음',
        ])
          await page.getByText(`✓ ${check}`).waitFor();
        assert.ok(
          await page.evaluate(
            () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          ),
          'the proof wraps on a phone',
        );
      },
    },
  ];
}
