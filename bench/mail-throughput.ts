/**
 * Mail sender throughput: BENCH_MAILS (default 20 000) notification mails of a fan-out (one on-sale
 * alert per user, each with its own link and unsubscribe link, so the daily cap and the render cache
 * are on the path) are queued, then drained by MailSender to a local SMTP sink in another process
 * (bench/smtp-sink.ts) over the pooled transport. Prints mails/s from the first claim to the last
 * commit, and what the sink counted. BENCH_ROUNDS rounds (default 3), each on a fresh queue; the
 * verdict is on the median round and fails when any round lost or failed a mail. Writes
 * bench/reports/mail.{md,json}.
 *
 *   npm run bench:mail                      (BENCH_MAILS, BENCH_ROUNDS, MAIL_BATCH_SIZE,
 *                                            MAIL_SEND_CONCURRENCY, MAIL_SMTP_MAX_CONNECTIONS)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { SAMPLE_DATA } from '../src/modules/mail/index.ts';
import { machine, writeReport } from './rounds.ts';

const MAILS = Number(process.env.BENCH_MAILS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_PER_SECOND = 500;
const id = `${process.pid}`;
const dbName = `ct_bench_mail_${id}`;
const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

async function startSink(): Promise<{ port: number; count: () => Promise<number>; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/smtp-sink.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    for (const wake of waiters.splice(0)) wake();
  });
  const next = (prefix: string): Promise<string> =>
    new Promise((resolve) => {
      const look = (): void => {
        const at = lines.findIndex((l) => l.startsWith(prefix));
        if (at >= 0) resolve(lines.splice(at, 1)[0]!.slice(prefix.length));
        else waiters.push(look);
      };
      look();
    });
  const port = Number(await next('port '));
  return {
    port,
    count: async () => {
      child.kill('SIGUSR2');
      return Number(await next('count '));
    },
    stop: () => child.kill('SIGTERM'),
  };
}

interface Round {
  sent: number;
  noRecipient: number;
  retried: number;
  failed: number;
  capped: number;
  seconds: number;
  perSecond: number;
  received: number;
  pending: number;
}

async function queueMails(container: Awaited<ReturnType<typeof createContainer>>): Promise<void> {
  for (let done = 0; done < MAILS; done += 1000) {
    const mails = Array.from({ length: Math.min(1000, MAILS - done) }, (_, i) => ({
      template: 'onsale-alert' as const,
      lang: 'ko' as const,
      to: `fan-${done + i}@example.com`,
      data: { ...SAMPLE_DATA['onsale-alert'], link: `http://localhost:3000/performances/${randomUUID()}` },
      userId: randomUUID(),
      category: 'alerts',
    }));
    await container.mail.queue.enqueueMany(container.db, mails);
  }
}

async function main(): Promise<void> {
  const sink = await startSink();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${dbName}`,
    REDIS_KEY_PREFIX: `bench:${id}:`,
    AMQP_EXCHANGE: `ct.bench.${id}`,
    AMQP_QUEUE_PREFIX: `ct.bench.${id}`,
    WORKER_METRICS_PORT: '0',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    MAIL_DRAIN_BUDGET_MS: '120000',
  });
  const container = await createContainer(config, 'cli');
  try {
    await migrateToLatest(container.db);
    console.log(
      `batch ${config.MAIL_BATCH_SIZE}, concurrency ${config.MAIL_SEND_CONCURRENCY}, ` +
        `SMTP connections ${config.MAIL_SMTP_MAX_CONNECTIONS}`,
    );
    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await sql`TRUNCATE mail_queue`.execute(container.db);
      const before = await sink.count();
      await queueMails(container);
      const start = performance.now();
      const total = { sent: 0, noRecipient: 0, retried: 0, failed: 0, capped: 0 };
      for (;;) {
        const r = await container.mail.sender.drain();
        for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
        if (r.sent + r.noRecipient + r.retried + r.failed + r.capped === 0) break;
      }
      const seconds = (performance.now() - start) / 1000;
      const left = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM mail_queue WHERE status = 'pending'`.execute(container.db);
      const received = (await sink.count()) - before;
      const perSecond = Math.round(total.sent / seconds);
      rounds.push({
        ...total,
        seconds: Number(seconds.toFixed(1)),
        perSecond,
        received,
        pending: left.rows[0]!.n,
      });
      console.log(
        `round ${round}: ${perSecond} mails/s (${total.sent} in ${seconds.toFixed(1)} s), ` +
          `sink received ${received}, ${JSON.stringify(total)}`,
      );
    }
    const median = [...rounds].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(rounds.length / 2)]!;
    const checks = [
      { name: `median round ≥ ${TARGET_PER_SECOND} mails/s`, pass: median.perSecond >= TARGET_PER_SECOND },
      {
        name: 'every round: every mail sent once and received by the sink, none failed, retried or left',
        pass: rounds.every(
          (r) =>
            r.sent === MAILS &&
            r.received === MAILS &&
            r.failed + r.retried + r.capped === 0 &&
            r.pending === 0,
        ),
      },
    ];
    const md = `# Mail sender throughput (bench/mail-throughput.ts)

${new Date().toISOString()} — ${machine()}.
${MAILS.toLocaleString('en')} 'onsale-alert' notification mails per round (each with its own link and
unsubscribe link; daily cap and render cache on the path), queued, then drained by one MailSender
(batch ${config.MAIL_BATCH_SIZE}, ${config.MAIL_SEND_CONCURRENCY} in flight, ${config.MAIL_SMTP_MAX_CONNECTIONS} pooled SMTP
connections) to a local SMTP sink in another process. PostgreSQL and the sink share the machine.

| round | mails/s | seconds | sent | received by the sink | failed / retried / left |
| --- | --- | --- | --- | --- | --- |
${rounds.map((r, i) => `| ${i + 1} | ${r.perSecond} | ${r.seconds} | ${r.sent} | ${r.received} | ${r.failed} / ${r.retried} / ${r.pending} |`).join('\n')}

Median: **${median.perSecond} mails/s** (target ≥ ${TARGET_PER_SECOND}).

${checks.map((c) => `- ${c.pass ? 'PASS' : 'FAIL'}: ${c.name}`).join('\n')}
`;
    await writeReport('mail', md, { mails: MAILS, rounds, median: median.perSecond, checks });
    console.log(md);
    process.exitCode = checks.every((c) => c.pass) ? 0 : 1;
  } finally {
    // Closes the pooled SMTP connections (the sender's job itself never started).
    await container.background.find((b) => b.name === 'mail-sender')?.stop();
    await container.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    sink.stop();
  }
}

await main();
