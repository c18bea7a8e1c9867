import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Counter } from 'prom-client';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

/** The consuming half of the broker adapter: queue topology, retries, dead letters, counters. */

export type MessageHandler = (payload: unknown, msg: ConsumeMessage) => Promise<void>;

export interface ConsumerSpec {
  /** Queue name without the prefix; the broker adds `queuePrefix`. */
  queue: string;
  bindings: string[];
  prefetch?: number;
  /** Attempts before a message goes to the dead-letter queue. */
  maxAttempts?: number;
  /** Delay before a failed message is tried again. */
  retryDelayMs?: number;
  handler: MessageHandler;
  /**
   * Consumes the dead-letter queue. `payload` is null when the body is not JSON; the reason is in
   * `x-last-error`. A failure here leaves the message in the DLQ and tries again after a delay.
   */
  onDeadLetter?: MessageHandler;
}

export interface ConsumerHandle {
  /** Stops taking messages and waits for the ones in hand. Unacked messages return to the queue. */
  cancel: () => Promise<void>;
}

/** Thrown by a handler for a message that can never succeed (e.g. invalid payload): no retries. */
export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}

export interface ConsumerState {
  spec: ConsumerSpec;
  cancelled: boolean;
  channels: Set<ConfirmChannel>;
  inFlight: Set<Promise<void>>;
}

export interface ConsumerCounters {
  redelivered: Counter<'queue'>;
  retried: Counter<'queue'>;
  deadLettered: Counter<'queue' | 'reason'>;
}

export function consumerCounters(m: Metrics): ConsumerCounters {
  return {
    redelivered: m.counter({
      name: 'broker_redelivered_total',
      help: 'Messages the broker delivered again (consumer died or channel closed before ack)',
      labelNames: ['queue'],
    }),
    retried: m.counter({
      name: 'broker_retried_total',
      help: 'Failed messages sent to the retry queue',
      labelNames: ['queue'],
    }),
    deadLettered: m.counter({
      name: 'broker_dead_lettered_total',
      help: 'Messages sent to the dead-letter queue (permanent error or attempts exhausted)',
      labelNames: ['queue', 'reason'],
    }),
  };
}

export interface ConsumerContext {
  exchange: string;
  /** Full (prefixed) queue name. */
  queue: string;
  log: Logger;
  counters?: ConsumerCounters;
  state: ConsumerState;
  /** Called when the channel closes; the broker restarts the consumer unless the connection is gone. */
  onChannelClosed: () => void;
}

/**
 * Declares `queue` (quorum), `queue.retry` (per-message TTL, dead-letters back to `queue`) and
 * `queue.dlq`, binds `queue` to the exchange, and consumes it on its own confirm channel.
 */
export async function openConsumer(conn: ChannelModel, ctx: ConsumerContext): Promise<void> {
  const { state, queue, log, counters } = ctx;
  const { spec } = state;
  const retryQueue = `${queue}.retry`;
  const deadQueue = `${queue}.dlq`;
  const ch = await conn.createConfirmChannel();
  state.channels.add(ch);
  ch.on('error', (err) => log.warn({ err, queue }, 'consumer channel error'));
  ch.on('close', () => {
    state.channels.delete(ch);
    ctx.onChannelClosed();
  });
  const quorum = { 'x-queue-type': 'quorum' };
  await ch.assertQueue(queue, { durable: true, arguments: quorum });
  // Retry: a message waits out its TTL here, then dead-letters back to the main queue.
  await ch.assertQueue(retryQueue, {
    durable: true,
    arguments: { ...quorum, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue },
  });
  await ch.assertQueue(deadQueue, { durable: true, arguments: quorum });
  for (const key of spec.bindings) await ch.bindQueue(queue, ctx.exchange, key);
  await ch.prefetch(spec.prefetch ?? 32);
  const maxAttempts = spec.maxAttempts ?? 5;
  const retryDelayMs = spec.retryDelayMs ?? 1_000;

  const track = (work: Promise<void>): void => {
    state.inFlight.add(work);
    void work.finally(() => state.inFlight.delete(work));
  };

  await ch.consume(queue, (msg) => {
    // After cancel, messages still arriving are left unacked: closing the channel requeues them.
    if (!msg || state.cancelled) return;
    track(
      (async () => {
        if (msg.fields.redelivered) counters?.redelivered.inc({ queue });
        const attempt = Number(msg.properties.headers?.['x-attempt'] ?? 1);
        try {
          await spec.handler(JSON.parse(msg.content.toString('utf8')), msg);
          ch.ack(msg);
          return;
        } catch (err) {
          // A body that is not JSON never becomes JSON: dead-letter it at once, like a PermanentError.
          const permanent = err instanceof PermanentError || err instanceof SyntaxError;
          const target = permanent || attempt >= maxAttempts ? deadQueue : retryQueue;
          log.warn(
            { err, queue, messageId: msg.properties.messageId, attempt, target },
            'message handling failed',
          );
          try {
            await forward(
              ch,
              msg,
              target,
              {
                'x-attempt': attempt + 1,
                'x-last-error': String((err as Error).message).slice(0, 500),
                'x-failed-queue': queue,
                ...(target === retryQueue ? {} : { 'x-dead-reason': permanent ? 'permanent' : 'exhausted' }),
              },
              target === retryQueue ? retryDelayMs : undefined,
            );
            ch.ack(msg);
            if (target === retryQueue) counters?.retried.inc({ queue });
            else counters?.deadLettered.inc({ queue, reason: permanent ? 'permanent' : 'exhausted' });
          } catch {
            // Channel gone: the unacked message is redelivered after reconnect.
          }
        }
      })(),
    );
  });

  if (spec.onDeadLetter) {
    const onDead = spec.onDeadLetter;
    await ch.consume(deadQueue, (msg) => {
      if (!msg || state.cancelled) return;
      track(
        (async () => {
          let payload: unknown = null;
          try {
            payload = JSON.parse(msg.content.toString('utf8'));
          } catch {
            // Kept null: the handler still records the failure.
          }
          try {
            await onDead(payload, msg);
            ch.ack(msg);
          } catch (err) {
            log.error({ err, queue: deadQueue }, 'dead-letter handling failed; will retry');
            // Back in the DLQ after a pause, so a database outage does not spin.
            setTimeout(() => {
              try {
                ch.nack(msg, false, true);
              } catch {
                // Channel gone: redelivered after reconnect.
              }
            }, retryDelayMs).unref();
          }
        })(),
      );
    });
  }
}

/** Copies a message to a queue and waits for the broker's confirm before the caller acks the original. */
function forward(
  ch: ConfirmChannel,
  msg: ConsumeMessage,
  target: string,
  headers: Record<string, unknown>,
  delayMs: number | undefined,
): Promise<void> {
  const p = msg.properties;
  return new Promise((resolve, reject) => {
    ch.sendToQueue(
      target,
      msg.content,
      {
        persistent: true,
        contentType: p.contentType as string | undefined,
        messageId: p.messageId as string | undefined,
        timestamp: p.timestamp as number | undefined,
        // x-death is the broker's own bookkeeping; copying it would only grow the headers.
        headers: { ...omit(p.headers ?? {}, 'x-death'), ...headers },
        ...(delayMs === undefined ? {} : { expiration: String(delayMs) }),
      },
      (err) => (err ? reject(err) : resolve()),
    );
  });
}

function omit(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}
