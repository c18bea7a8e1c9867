import amqp, { type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import type { Logger } from './logger.ts';

export interface BrokerOptions {
  url: string;
  exchange: string;
  log: Logger;
  /** Name of the connection as RabbitMQ shows it. */
  name: string;
}

export interface PublishOptions {
  messageId: string;
  headers?: Record<string, unknown>;
  /** Milliseconds to wait for the broker's confirm. */
  timeoutMs?: number;
}

export interface ConsumerSpec {
  queue: string;
  bindings: string[];
  prefetch?: number;
  /** Attempts before a message goes to the dead-letter queue. */
  maxAttempts?: number;
  /** Delay before a failed message is tried again. */
  retryDelayMs?: number;
  handler: (payload: unknown, msg: ConsumeMessage) => Promise<void>;
}

/**
 * RabbitMQ adapter: one connection, a confirm channel for publishing, durable topic exchange,
 * quorum queues with a retry queue (delay by TTL) and a dead-letter queue each. Reconnects with
 * backoff and re-declares its consumers after a broker restart.
 */
export class Broker {
  private conn?: ChannelModel;
  private pubChannel?: ConfirmChannel;
  private connecting?: Promise<void>;
  private closed = false;
  private readonly consumers: ConsumerSpec[] = [];
  private reconnectDelayMs = 250;

  constructor(private readonly opts: BrokerOptions) {}

  get connected(): boolean {
    return this.pubChannel !== undefined;
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
    try {
      const conn = await amqp.connect(this.opts.url, {
        timeout: 3_000,
        clientProperties: { connection_name: this.opts.name },
      });
      conn.on('error', (err) => this.opts.log.warn({ err }, 'broker connection error'));
      conn.on('close', () => this.onClose());
      const ch = await conn.createConfirmChannel();
      ch.on('error', (err) => this.opts.log.warn({ err }, 'broker channel error'));
      await ch.assertExchange(this.opts.exchange, 'topic', { durable: true });
      this.conn = conn;
      this.pubChannel = ch;
      this.reconnectDelayMs = 250;
      for (const spec of this.consumers) await this.startConsumer(spec);
      this.opts.log.info('broker connected');
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).message }, 'broker unavailable');
      this.scheduleReconnect();
      throw err;
    }
  }

  private onClose(): void {
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
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 10_000);
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
  async consume(spec: ConsumerSpec): Promise<void> {
    this.consumers.push(spec);
    if (this.conn) await this.startConsumer(spec);
  }

  private async startConsumer(spec: ConsumerSpec): Promise<void> {
    const conn = this.conn;
    if (!conn) return;
    const ch = await conn.createChannel();
    const retryQueue = `${spec.queue}.retry`;
    const deadQueue = `${spec.queue}.dlq`;
    await ch.assertQueue(spec.queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    // Retry: a message waits out its TTL here, then dead-letters back to the main queue.
    await ch.assertQueue(retryQueue, {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': spec.queue,
      },
    });
    await ch.assertQueue(deadQueue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    for (const key of spec.bindings) await ch.bindQueue(spec.queue, this.opts.exchange, key);
    await ch.prefetch(spec.prefetch ?? 32);
    const maxAttempts = spec.maxAttempts ?? 5;
    const retryDelayMs = spec.retryDelayMs ?? 1_000;
    await ch.consume(spec.queue, (msg) => {
      if (!msg) return;
      void (async () => {
        const attempt = Number(msg.properties.headers?.['x-attempt'] ?? 1);
        try {
          const payload: unknown = JSON.parse(msg.content.toString('utf8'));
          await spec.handler(payload, msg);
          ch.ack(msg);
        } catch (err) {
          const target = attempt >= maxAttempts ? deadQueue : retryQueue;
          this.opts.log.warn(
            { err, queue: spec.queue, messageId: msg.properties.messageId, attempt, target },
            'message handling failed',
          );
          try {
            ch.sendToQueue(target, msg.content, {
              ...msg.properties,
              persistent: true,
              headers: {
                ...msg.properties.headers,
                'x-attempt': attempt + 1,
                'x-last-error': String((err as Error).message).slice(0, 500),
              },
              expiration: target === retryQueue ? String(retryDelayMs * attempt) : undefined,
            });
            ch.ack(msg);
          } catch {
            // Channel gone: the unacked message is redelivered after reconnect.
          }
        }
      })();
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

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
