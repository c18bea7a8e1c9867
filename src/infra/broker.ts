import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import {
  consumerCounters,
  openConsumer,
  type ConsumerCounters,
  type ConsumerHandle,
  type ConsumerSpec,
  type ConsumerState,
} from './broker-consumer.ts';
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

export {
  PermanentError,
  type ConsumerHandle,
  type ConsumerSpec,
  type MessageHandler,
} from './broker-consumer.ts';

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
  private readonly counters?: ConsumerCounters;

  constructor(private readonly opts: BrokerOptions) {
    if (opts.metrics) {
      this.counters = consumerCounters(opts.metrics);
      const readDepths = (): Promise<Map<string, number>> => this.deadLetterDepths();
      opts.metrics.gauge({
        name: 'broker_dead_letter_messages',
        help: 'Messages waiting in each consumer dead-letter queue (read from RabbitMQ at scrape time)',
        labelNames: ['queue'],
        async collect() {
          this.reset();
          for (const [queue, depth] of await readDepths()) this.set({ queue }, depth);
        },
      });
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
      // close() ran while this connection was being opened (a short CLI command): an open connection
      // nobody will close would keep the process alive.
      if (this.closed) {
        await conn.close().catch(() => undefined);
        return;
      }
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
    await openConsumer(conn, {
      exchange: this.opts.exchange,
      queue: this.queueName(state.spec.queue),
      log: this.opts.log,
      counters: this.counters,
      state,
      // A channel-level error (not a lost connection) would otherwise silence this consumer for good.
      onChannelClosed: () => {
        if (!state.cancelled && this.conn === conn && !this.closed) {
          setTimeout(() => void this.startConsumer(state).catch(() => undefined), 1_000).unref();
        }
      },
    });
  }

  /** Depth of each registered consumer's dead-letter queue; empty while disconnected. */
  async deadLetterDepths(): Promise<Map<string, number>> {
    const depths = new Map<string, number>();
    const conn = this.conn;
    if (!conn || this.consumers.length === 0) return depths;
    // A channel of its own: checkQueue on a missing queue closes the channel it runs on.
    const ch = await conn.createChannel().catch(() => undefined);
    if (!ch) return depths;
    ch.on('error', () => undefined);
    try {
      for (const state of this.consumers) {
        const reply = await ch.checkQueue(`${this.queueName(state.spec.queue)}.dlq`).catch(() => undefined);
        if (!reply) break;
        depths.set(state.spec.queue, reply.messageCount);
      }
    } finally {
      await ch.close().catch(() => undefined);
    }
    return depths;
  }

  async close(): Promise<void> {
    this.closed = true;
    const conn = this.conn;
    this.conn = undefined;
    this.pubChannel = undefined;
    await conn?.close().catch(() => undefined);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
