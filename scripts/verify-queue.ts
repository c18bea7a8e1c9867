/**
 * `npm run verify:queue <showtimeId> [--api <base>] [--entry <entryId>]`: checks a waiting room's draw
 * from its public audit data alone (docs/waiting-room.md "Verifiable draw"). The base defaults to
 * VERIFY_API_URL or http://localhost:3000/api/v1. Exit code 0 = verified, 1 = a check failed,
 * 2 = the draw has not happened yet (only the commitment is known), 3 = the data could not be read.
 */
import { fetchAudit, verifyDraw } from '../web/src/lib/queue-verify.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const showtimeId = process.argv
    .slice(2)
    .find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (!showtimeId) {
    console.error('usage: npm run verify:queue <showtimeId> [--api <base url>] [--entry <entryId>]');
    return 3;
  }
  const api = (arg('--api') ?? process.env.VERIFY_API_URL ?? 'http://localhost:3000/api/v1').replace(
    /\/$/,
    '',
  );
  let data;
  try {
    data = await fetchAudit(api, showtimeId);
  } catch (err) {
    console.error(`could not read the audit: ${(err as Error).message}`);
    return 3;
  }
  const { audit, entries } = data;
  console.log(`showtime     ${audit.showtimeId}`);
  console.log(`commitment   ${audit.commitment ?? '(not published yet)'}`);
  console.log(`draw at      ${audit.drawAt}${audit.drawnAt ? `, drawn ${audit.drawnAt}` : ''}`);
  const verdict = await verifyDraw(audit, entries);
  for (const c of verdict.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.id.padEnd(10)} ${c.detail}`);
  if (verdict.pending) {
    console.log(`pending: the draw has not happened; ${audit.earlyEntrants} entrants wait for it`);
    return 2;
  }
  console.log(`seed         ${audit.seed}`);
  console.log(`entries      ${entries.length}, digest ${audit.entriesDigest}`);
  const entry = arg('--entry');
  if (entry) {
    const place = verdict.places.get(entry);
    console.log(
      place
        ? `entry ${entry}: place ${place} of ${entries.length}, key ${verdict.keys.get(entry)}`
        : `entry ${entry} is not in the drawn list`,
    );
  }
  console.log(
    verdict.ok ? 'VERIFIED: the published order is the one the seed and the list give' : 'NOT VERIFIED',
  );
  return verdict.ok ? 0 : 1;
}

process.exitCode = await main();
