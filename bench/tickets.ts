/**
 * Confirm → ticket issued latency, end to end on the real stores: an outbox row is committed (as the
 * checkout confirm transaction does), the worker's relay publishes it, the issuance consumer commits
 * the ticket. Rate: BENCH_RATE events/s (default 200) for BENCH_SECONDS (default 20), one seat each.
 *
 * Latency = ticket insert time (clock_timestamp() inside the consumer's transaction, committed a
 * moment later) − the time the outbox row's transaction committed. Same host, same clock.
 * Baseline, measured in the same run: a bare publish-with-confirm → consume round trip on the same
 * broker at the same rate, i.e. the floor any broker-based issuance pays.
 *
 *   npm run bench:tickets
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import amqp from 'amqplib';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { createShowtimeWithSeats, createUser } from '../test/factories.ts';
import { confirmedData, writeEvent } from '../test/tickets-support.ts';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const AMQP = 'amqp://guest:guest@127.0.0.1:5672';
const id = `${process.pid}`;
const dbName = `ct_bench_tickets_${id}`;
const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const env: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${dbName}`,
  REDIS_KEY_PREFIX: `bench:${id}:`,
  AMQP_EXCHANGE: `ct.bench.${id}`,
  AMQP_QUEUE_PREFIX: `ct.bench.${id}`,
  WORKER_METRICS_PORT: '0',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  const r = (v: number) => Math.round(v * 10) / 10;
  return { count: s.length, p50: r(at(0.5)), p90: r(at(0.9)), p99: r(at(0.99)), max: r(s.at(-1) ?? NaN) };
}

/** Calls `fire` RATE times a second for `seconds`, on schedule even when a call is slow. */
async function paced(seconds: number, fire: (i: number) => Promise<void>): Promise<number> {
  const total = Math.round(RATE * seconds);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(fire(i));
  }
  await Promise.all(pending);
  return total / ((performance.now() - start) / 1000);
}

async function baseline(seconds: number) {
  const conn = await amqp.connect(AMQP);
  const pub = await conn.createConfirmChannel();
  const sub = await conn.createChannel();
  const exchange = `${env.AMQP_EXCHANGE}.baseline`;
  await pub.assertExchange(exchange, 'topic', { durable: true });
  const q = await sub.assertQueue(`${env.AMQP_QUEUE_PREFIX}.baseline`, {
    durable: true,
    arguments: { 'x-queue-type': 'quorum' },
  });
  await sub.bindQueue(q.queue, exchange, '#');
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  await sub.consume(q.queue, (msg) => {
    if (!msg) return;
    const t0 = sent.get(msg.properties.messageId as string);
    if (t0 !== undefined) latencies.push(performance.now() - t0);
    sub.ack(msg);
  });
  await paced(seconds, async () => {
    const messageId = randomUUID();
    sent.set(messageId, performance.now());
    await new Promise<void>((resolve, reject) =>
      pub.publish(exchange, 'x', Buffer.from('{}'), { persistent: true, messageId }, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  });
  while (latencies.length < sent.size) await sleep(20);
  await sub.deleteQueue(q.queue);
  await pub.deleteExchange(exchange);
  await conn.close();
  return summary(latencies);
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const config = loadConfig(env);
  const container = await createContainer(config, 'cli');
  await migrateToLatest(container.db);
  const total = Math.round(RATE * SECONDS);
  const st = await createShowtimeWithSeats(container, { rows: Math.ceil(total / 200) + 1, seatsPerRow: 200 });
  const buyer = await createUser(container);

  const worker = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    // Warm-up: the worker is ready once one event comes back as a ticket.
    const warm = confirmedData(st, buyer.id, [st.seats.at(-1)!]);
    await writeEvent(container, 'reservation.confirmed', warm);
    for (const until = Date.now() + 60_000; ;) {
      if (Date.now() > until) throw new Error('the worker issued no ticket within 60 s');
      const { rows } = await sql`SELECT 1 FROM tickets WHERE reservation_id = ${warm.reservationId}`.execute(
        container.db,
      );
      if (rows.length > 0) break;
      await sleep(100);
    }

    const base = await baseline(Math.min(SECONDS, 10));
    console.log('baseline publish→consume (ms)', base);

    const committedAt = new Map<string, number>();
    const achieved = await paced(SECONDS, async (i) => {
      const data = confirmedData(st, buyer.id, [st.seats[i]!]);
      await writeEvent(container, 'reservation.confirmed', data);
      committedAt.set(data.reservationId, Date.now());
    });
    let rows: { reservation_id: string; issued_ms: number; published_ms: number }[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      rows = (
        await sql<{ reservation_id: string; issued_ms: number; published_ms: number }>`
          SELECT t.reservation_id, extract(epoch FROM t.issued_at)::float8 * 1000 AS issued_ms,
                 extract(epoch FROM o.published_at)::float8 * 1000 AS published_ms
          FROM tickets t JOIN outbox o ON o.event_type = 'reservation.confirmed'
                                      AND o.aggregate_id = t.reservation_id::text
          WHERE t.reservation_id = ANY(${[...committedAt.keys()]}::uuid[])`.execute(container.db)
      ).rows;
      if (rows.length >= committedAt.size) break;
      await sleep(200);
    }
    const latencies = rows.map((r) => r.issued_ms - committedAt.get(r.reservation_id)!);
    const result = summary(latencies);
    const relayLag = summary(rows.map((r) => r.published_ms - committedAt.get(r.reservation_id)!));
    const consumerLag = summary(rows.map((r) => r.issued_ms - r.published_ms));
    console.log(`confirm→ticket at ${achieved.toFixed(1)} events/s (ms)`, result);
    console.log(
      '  of which commit→published (relay)',
      relayLag,
      'published→ticket (broker+consumer)',
      consumerLag,
    );

    const report = {
      date: new Date().toISOString(),
      rate: RATE,
      seconds: SECONDS,
      achievedRate: Math.round(achieved * 10) / 10,
      issued: rows.length,
      written: committedAt.size,
      confirmToTicketMs: result,
      commitToPublishedMs: relayLag,
      publishedToTicketMs: consumerLag,
      baselinePublishConsumeMs: base,
      relay: { batchSize: config.OUTBOX_RELAY_BATCH_SIZE, pollMs: config.OUTBOX_RELAY_POLL_MS },
      loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
    };
    mkdirSync('bench/reports', { recursive: true });
    // The default run is the report; other rates (BENCH_RATE=100 …) get their own file beside it.
    const name = RATE === 200 ? 'tickets' : `tickets-${RATE}`;
    writeFileSync(`bench/reports/${name}.json`, JSON.stringify(report, null, 2));
    writeFileSync(`bench/reports/${name}.md`, markdown(report));
    console.log(`wrote bench/reports/${name}.md`);
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
    const conn = await amqp.connect(AMQP);
    const ch = await conn.createChannel();
    for (const q of ['tickets.issue', 'tickets.revoke']) {
      for (const suffix of ['', '.retry', '.dlq'])
        await ch.deleteQueue(`${env.AMQP_QUEUE_PREFIX}.${q}${suffix}`);
    }
    await ch.deleteExchange(env.AMQP_EXCHANGE!);
    await conn.close();
    await container.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

function markdown(r: {
  date: string;
  rate: number;
  seconds: number;
  achievedRate: number;
  issued: number;
  written: number;
  confirmToTicketMs: ReturnType<typeof summary>;
  commitToPublishedMs: ReturnType<typeof summary>;
  publishedToTicketMs: ReturnType<typeof summary>;
  loadAverage1m: number;
  baselinePublishConsumeMs: ReturnType<typeof summary>;
  relay: { batchSize: number; pollMs: number };
}): string {
  const row = (name: string, s: ReturnType<typeof summary>) =>
    `| ${name} | ${s.count} | ${s.p50} | ${s.p90} | ${s.p99} | ${s.max} |`;
  return `# Ticket issuance latency (bench/tickets.ts)

${r.date} — outbox row committed → ticket committed by the worker, one seat per event,
target ${r.rate} events/s for ${r.seconds} s (achieved ${r.achievedRate}/s); ${r.issued}/${r.written} issued.
Relay batch ${r.relay.batchSize}, idle poll ${r.relay.pollMs} ms; worker in its own process; PostgreSQL,
Redis and RabbitMQ on the same 2-core machine as the load generator; 1-minute load average at the
end of the run: ${r.loadAverage1m} (other work shares the machine).

| path | samples | p50 ms | p90 ms | p99 ms | max ms |
| --- | --- | --- | --- | --- | --- |
${row('confirm → ticket issued (outbox → relay → broker → consumer → DB)', r.confirmToTicketMs)}
${row('  of which: commit → published (relay poll, batch, confirm, UPDATE)', r.commitToPublishedMs)}
${row('  of which: published → ticket (broker, consumer transaction)', r.publishedToTicketMs)}
${row('baseline: publish with confirm → consume, same broker, same rate', r.baselinePublishConsumeMs)}

If the worker cannot keep up with the target rate, a backlog builds during the run and the
percentiles measure that queue, not the cost of one event: see the "published → ticket" row, and
compare with a lower rate (\`BENCH_RATE=100 npm run bench:tickets\` writes tickets-100.md).

The gap between the first and the last row is what the outbox costs: waiting for the relay's next poll (at most
${r.relay.pollMs} ms when idle), the batch read/UPDATE, and the consumer's transaction
(processed_events + tickets + ticket.issued outbox row).
`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
