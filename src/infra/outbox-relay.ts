import { sql } from 'kysely';
import type { Counter } from 'prom-client';
import type { Broker } from './broker.ts';
import type { Db } from './db.ts';
import { Lease } from './lease.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { RedisClient } from './redis.ts';

/** The message body of every event (docs/events.md). */
export interface EventEnvelope<T = Record<string, unknown>> {
  eventId: string;
  type: string;
  version: number;
  occurredAt: string;
  data: T;
}

export interface OutboxRelayOptions {
  db: Db;
  broker: Broker;
  redis: RedisClient;
  log: Logger;
  metrics: Metrics;
  batchSize: number;
  /** Pause when the outbox is empty. */
  pollMs: number;
  leaseMs?: number;
}

interface OutboxRow {
  id: number;
  event_id: string;
  event_type: string;
  event_version: number;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * Publishes committed outbox rows to the topic exchange, oldest first, with publisher confirms.
 *
 * Ordering: one relay runs at a time across all workers (a Redis lease picks it, and a
 * transaction-scoped advisory lock fences a relay whose lease lapsed during a pause). Rows go out in
 * `id` order, so the events of one aggregate leave in the order they were committed. We chose this
 * over `FOR UPDATE SKIP LOCKED` batches in parallel relays: those would let batch N+1 (holding a
 * later event of the same reservation) be confirmed before batch N. One relay publishes thousands of
 * events per second, far above what checkout confirms. Consumers still see at-least-once delivery (a
 * relay that dies between confirm and UPDATE publishes the batch again), so they are idempotent.
 */
export class OutboxRelay {
  private stopped = true;
  private loop?: Promise<void>;
  private readonly lease: Lease;
  private readonly leaseMs: number;
  private readonly published: Counter<'type'>;
  private readonly failures: Counter;
  private wake?: () => void;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.leaseMs = opts.leaseMs ?? 5_000;
    this.lease = new Lease(opts.redis, 'lease:outbox-relay', this.leaseMs);
    const { metrics, db } = opts;
    this.published = metrics.counter({
      name: 'outbox_published_total',
      help: 'Outbox events published and confirmed by the broker',
      labelNames: ['type'],
    });
    this.failures = metrics.counter({
      name: 'outbox_publish_failures_total',
      help: 'Relay batches that could not be published (broker down or not confirming)',
    });
    metrics.gauge({
      name: 'outbox_backlog',
      help: 'Outbox events not yet published',
      async collect() {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`.execute(db);
        this.set(rows[0]?.n ?? 0);
      },
    });
    metrics.gauge({
      name: 'outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest unpublished outbox event (0 when none)',
      async collect() {
        const { rows } = await sql<{ age: number | null }>`
          SELECT extract(epoch FROM now() - min(created_at))::float8 AS age
          FROM outbox WHERE published_at IS NULL`.execute(db);
        this.set(rows[0]?.age ?? 0);
      },
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.lease.release().catch(() => undefined);
  }

  private async pause(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  private async run(): Promise<void> {
    let backoffMs = 0;
    let leaseCheckedAt = 0;
    let leader = false;
    while (!this.stopped) {
      try {
        // Renewing on every poll would cost a Redis call per 25 ms; a third of the lease is enough.
        if (!leader || Date.now() - leaseCheckedAt > this.leaseMs / 3) {
          leader = await this.lease.acquire();
          leaseCheckedAt = Date.now();
        }
        if (!leader) {
          await this.pause(this.leaseMs / 3);
          continue;
        }
        if (!this.opts.broker.connected) throw new Error('broker not connected');
        const { published, failed } = await this.publishBatch();
        if (failed > 0) throw new Error(`${failed} events not confirmed`);
        backoffMs = 0;
        if (published < this.opts.batchSize) await this.pause(this.opts.pollMs);
      } catch (err) {
        this.failures.inc();
        backoffMs = Math.min(Math.max(backoffMs * 2, 100), MAX_BACKOFF_MS);
        this.opts.log.warn({ err: (err as Error).message, backoffMs }, 'outbox relay backing off');
        await this.pause(backoffMs);
      }
    }
  }

  /**
   * One batch: lock the relay, read the oldest unpublished rows, publish them all (confirms arrive
   * in parallel), mark the confirmed ones. Returns how many were published and how many failed.
   */
  async publishBatch(): Promise<{ published: number; failed: number }> {
    return this.opts.db.transaction().execute(async (tx) => {
      const lock = await sql<{ ok: boolean }>`
        SELECT pg_try_advisory_xact_lock(hashtext('culture-ticket:outbox-relay')) AS ok`.execute(tx);
      if (!lock.rows[0]?.ok) return { published: 0, failed: 0 };
      const { rows } = await sql<OutboxRow>`
        SELECT id, event_id, event_type, event_version, aggregate_type, aggregate_id, payload, created_at
        FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ${this.opts.batchSize}`.execute(tx);
      if (rows.length === 0) return { published: 0, failed: 0 };
      const results = await Promise.allSettled(
        rows.map((row) =>
          this.opts.broker.publish(row.event_type, toEnvelope(row), {
            messageId: row.event_id,
            headers: {
              'x-event-type': row.event_type,
              'x-event-version': row.event_version,
              'x-aggregate-id': row.aggregate_id,
            },
          }),
        ),
      );
      const ok = rows.filter((_, i) => results[i]!.status === 'fulfilled');
      const failed = rows.filter((_, i) => results[i]!.status === 'rejected');
      if (ok.length > 0) {
        await sql`UPDATE outbox SET published_at = clock_timestamp() WHERE id = ANY(${ok.map((r) => r.id)}::bigint[])`.execute(
          tx,
        );
      }
      if (failed.length > 0) {
        await sql`UPDATE outbox SET attempts = attempts + 1
                  WHERE id = ANY(${failed.map((r) => r.id)}::bigint[])`.execute(tx);
      }
      for (const row of ok) this.published.inc({ type: row.event_type });
      return { published: ok.length, failed: failed.length };
    });
  }
}

export function toEnvelope(
  row: Pick<OutboxRow, 'event_id' | 'event_type' | 'event_version' | 'payload' | 'created_at'>,
): EventEnvelope {
  return {
    eventId: row.event_id,
    type: row.event_type,
    version: row.event_version,
    occurredAt: new Date(row.created_at).toISOString(),
    data: row.payload,
  };
}
