import amqp, { type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import type { Counter } from 'prom-client';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

export interface BrokerOptions {
  url: string;
  exchange: string;
  log: Logger;
  /** Name of the connection as RabbitMQ shows it. */
  name: string;
  /** Prepended (with a dot) to every queue name, so environments and test files never share queues. */
  queuePrefix?: string;
  /** When given, redeliveries, retries and dead-letters are counted per queue. */
  metrics?: Metrics;
}

export interface PublishOptions {
  messageId: string;
  headers?: Record<string, unknown>;
  /** Milliseconds to wait for the broker's confirm. */
  timeoutMs?: number;
}

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

interface ConsumerState {
  spec: ConsumerSpec;
  cancelled: boolean;
  channels: Set<ConfirmChannel>;
  inFlight: Set<Promise<void>>;
}

/**
 * RabbitMQ adapter: one connection, a confirm channel for publishing, durable topic exchange,
 * quorum queues with a retry queue (delay by TTL) and a dead-letter queue each. Reconnects with
 * backoff and re-declares its consumers after a broker restart. Delivery is at least once: a message
 * is acked only after its handler resolved (and, on failure, after the retry/DLQ copy is confirmed),
 * so consumers must be idempotent.
 */
export class Broker {
  private conn?: ChannelModel;
  private pubChannel?: ConfirmChannel;
  private connecting?: Promise<void>;
  private closed = false;
  private readonly consumers: ConsumerState[] = [];
  private reconnectDelayMs = 250;
  private readonly counters?: {
    redelivered: Counter<'queue'>;
    retried: Counter<'queue'>;
    deadLettered: Counter<'queue' | 'reason'>;
  };

  constructor(private readonly opts: BrokerOptions) {
    const m = opts.metrics;
    if (m) {
      this.counters = {
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
  }

  get connected(): boolean {
    return this.pubChannel !== undefined;
  }

  /** The full name of a queue: `${queuePrefix}.${name}`. */
  queueName(name: string): string {
    return this.opts.queuePrefix ? `${this.opts.queuePrefix}.${name}` : name;
  }

  /** Connects once; on failure keeps retrying in the background and rejects this call. */
  async connect(): Promise<void> {
    if (this.pubChannel) return;
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** Starts connecting without waiting; used by processes that must start while the broker is down. */
  connectInBackground(): void {
    this.connect().catch(() => undefined);
  }

  private async open(): Promise<void> {
    let conn: ChannelModel | undefined;
    try {
      conn = await amqp.connect(this.opts.url, {
        timeout: 3_000,
        clientProperties: { connection_name: this.opts.name },
      });
      conn.on('error', (err) => this.opts.log.warn({ err }, 'broker connection error'));
      const opened = conn;
      conn.on('close', () => this.onClose(opened));
      const ch = await conn.createConfirmChannel();
      ch.on('error', (err) => this.opts.log.warn({ err }, 'broker channel error'));
      await ch.assertExchange(this.opts.exchange, 'topic', { durable: true });
      this.conn = conn;
      // Queues first, then `connected`: an event published before its consumer queue is declared and
      // bound is unroutable and silently dropped (a fresh broker would lose the relay's first batch).
      for (const state of this.consumers) if (!state.cancelled) await this.startConsumer(state);
      this.pubChannel = ch;
      this.reconnectDelayMs = 250;
      this.opts.log.info('broker connected');
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).message }, 'broker unavailable');
      if (this.conn === conn) this.conn = undefined;
      await conn?.close().catch(() => undefined);
      this.pubChannel = undefined;
      this.scheduleReconnect();
      throw err;
    }
  }

  private onClose(conn: ChannelModel): void {
    if (this.conn !== conn && this.conn !== undefined) return;
    this.conn = undefined;
    this.pubChannel = undefined;
    if (!this.closed) {
      this.opts.log.warn('broker connection closed; reconnecting');
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 5_000);
    setTimeout(() => {
      if (!this.closed && !this.pubChannel) this.connectInBackground();
    }, delay).unref();
  }

  async ping(): Promise<void> {
    if (!this.pubChannel) {
      await this.connect();
    }
    if (!this.pubChannel) throw new Error('broker not connected');
    await this.pubChannel.checkExchange(this.opts.exchange);
  }

  /** Publishes and waits for the broker's confirm; rejects when not confirmed in time. */
  async publish(routingKey: string, payload: unknown, options: PublishOptions): Promise<void> {
    const ch = this.pubChannel;
    if (!ch) throw new Error('broker not connected');
    const body = Buffer.from(JSON.stringify(payload));
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        ch.publish(
          this.opts.exchange,
          routingKey,
          body,
          {
            persistent: true,
            contentType: 'application/json',
            messageId: options.messageId,
            headers: options.headers,
            timestamp: Math.floor(Date.now() / 1000),
          },
          (err) => (err ? reject(err) : resolve()),
        );
      }),
      options.timeoutMs ?? 5_000,
      'broker publish confirm',
    );
  }

  /** Registers a consumer; it (re)starts whenever the connection is (re)established. */
  async consume(spec: ConsumerSpec): Promise<ConsumerHandle> {
    const state: ConsumerState = { spec, cancelled: false, channels: new Set(), inFlight: new Set() };
    this.consumers.push(state);
    if (this.conn) await this.startConsumer(state);
    return {
      cancel: async () => {
        state.cancelled = true;
        this.consumers.splice(this.consumers.indexOf(state), 1);
        await Promise.allSettled([...state.inFlight]);
        for (const ch of state.channels) await ch.close().catch(() => undefined);
        state.channels.clear();
      },
    };
  }

  private async startConsumer(state: ConsumerState): Promise<void> {
    const conn = this.conn;
    if (!conn || state.cancelled) return;
    const { spec } = state;
    const queue = this.queueName(spec.queue);
    const retryQueue = `${queue}.retry`;
    const deadQueue = `${queue}.dlq`;
    const ch = await conn.createConfirmChannel();
    state.channels.add(ch);
    ch.on('error', (err) => this.opts.log.warn({ err, queue }, 'consumer channel error'));
    ch.on('close', () => {
      state.channels.delete(ch);
      // A channel-level error (not a lost connection) would otherwise silence this consumer for good.
      if (!state.cancelled && this.conn === conn && !this.closed) {
        setTimeout(() => void this.startConsumer(state).catch(() => undefined), 1_000).unref();
      }
    });
    const quorum = { 'x-queue-type': 'quorum' };
    await ch.assertQueue(queue, { durable: true, arguments: quorum });
    // Retry: a message waits out its TTL here, then dead-letters back to the main queue.
    await ch.assertQueue(retryQueue, {
      durable: true,
      arguments: { ...quorum, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue },
    });
    await ch.assertQueue(deadQueue, { durable: true, arguments: quorum });
    for (const key of spec.bindings) await ch.bindQueue(queue, this.opts.exchange, key);
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
          if (msg.fields.redelivered) this.counters?.redelivered.inc({ queue });
          const attempt = Number(msg.properties.headers?.['x-attempt'] ?? 1);
          try {
            await spec.handler(JSON.parse(msg.content.toString('utf8')), msg);
            ch.ack(msg);
            return;
          } catch (err) {
            // A body that is not JSON never becomes JSON: dead-letter it at once, like a PermanentError.
            const permanent = err instanceof PermanentError || err instanceof SyntaxError;
            const target = permanent || attempt >= maxAttempts ? deadQueue : retryQueue;
            this.opts.log.warn(
              { err, queue, messageId: msg.properties.messageId, attempt, target },
              'message handling failed',
            );
            try {
              await this.forward(
                ch,
                msg,
                target,
                {
                  'x-attempt': attempt + 1,
                  'x-last-error': String((err as Error).message).slice(0, 500),
                  'x-failed-queue': queue,
                  ...(target === retryQueue
                    ? {}
                    : { 'x-dead-reason': permanent ? 'permanent' : 'exhausted' }),
                },
                target === retryQueue ? retryDelayMs : undefined,
              );
              ch.ack(msg);
              if (target === retryQueue) this.counters?.retried.inc({ queue });
              else this.counters?.deadLettered.inc({ queue, reason: permanent ? 'permanent' : 'exhausted' });
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
              this.opts.log.error({ err, queue: deadQueue }, 'dead-letter handling failed; will retry');
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
  private forward(
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

  async close(): Promise<void> {
    this.closed = true;
    const conn = this.conn;
    this.conn = undefined;
    this.pubChannel = undefined;
    await conn?.close().catch(() => undefined);
  }
}

function omit(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
