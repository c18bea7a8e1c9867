import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import { Broker } from '../src/infra/broker.ts';
import { createLogger } from '../src/infra/logger.ts';
import { loadConfig } from '../src/config.ts';
import { Metrics } from '../src/infra/metrics.ts';
import { waitFor } from './tickets-support.ts';

const URL = 'amqp://guest:guest@127.0.0.1:5672';

describe('Broker on real RabbitMQ', () => {
  const prefix = `ct.test.broker.${randomUUID().slice(0, 8)}`;
  const exchange = `${prefix}.events`;
  const log = createLogger(loadConfig({ LOG_LEVEL: 'silent' }), 'broker-test');
  const brokers: Broker[] = [];

  afterAll(async () => {
    for (const b of brokers) await b.close();
    const conn = await amqp.connect(URL);
    const ch = await conn.createChannel();
    for (const q of ['early', 'early.retry', 'early.dlq', 'poisoned', 'poisoned.retry', 'poisoned.dlq']) {
      await ch.deleteQueue(`${prefix}.${q}`);
    }
    await ch.deleteExchange(exchange);
    await conn.close();
  });

  it('declares prefixed queues before it reports connected, so the first publish is not dropped', async () => {
    const metrics = new Metrics('worker');
    const broker = new Broker({ url: URL, exchange, log, name: 'broker-test', queuePrefix: prefix, metrics });
    brokers.push(broker);
    const received: unknown[] = [];
    // Registered before connecting, as the worker does; the queue does not exist yet.
    await broker.consume({
      queue: 'early',
      bindings: ['thing.*'],
      handler: async (payload) => {
        received.push(payload);
      },
    });
    broker.connectInBackground();
    while (!broker.connected) await new Promise((r) => setImmediate(r));
    await broker.publish('thing.happened', { n: 1 }, { messageId: randomUUID() });
    await waitFor(
      async () => received.length,
      (n) => n === 1,
      5_000,
      'first message',
    );
    expect(received).toEqual([{ n: 1 }]);
    expect(broker.queueName('early')).toBe(`${prefix}.early`);
    const conn = await amqp.connect(URL);
    const ch = await conn.createChannel();
    await expect(ch.checkQueue(`${prefix}.early.dlq`)).resolves.toMatchObject({ messageCount: 0 });
    await conn.close();
  });

  it('exports the depth of each dead-letter queue', async () => {
    const metrics = new Metrics('worker');
    const broker = new Broker({
      url: URL,
      exchange,
      log,
      name: 'broker-dlq-test',
      queuePrefix: prefix,
      metrics,
    });
    brokers.push(broker);
    await broker.connect();
    await broker.consume({
      queue: 'poisoned',
      bindings: ['poison.*'],
      maxAttempts: 1,
      handler: async () => {
        throw new Error('cannot handle this');
      },
    });
    for (let i = 0; i < 3; i++) await broker.publish('poison.sent', { i }, { messageId: randomUUID() });
    const depths = await waitFor(
      () => broker.deadLetterDepths(),
      (d) => d.get('poisoned') === 3,
      10_000,
      'three dead letters',
    );
    expect(depths.get('poisoned')).toBe(3);
    const text = (await metrics.render()).body;
    expect(text).toContain('broker_dead_letter_messages{queue="poisoned",process="worker"} 3');
  });
});
