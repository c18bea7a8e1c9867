import amqp from 'amqplib';
import { TICKET_QUEUES } from '../src/modules/tickets/index.ts';
import { BOOKING_QUEUES } from '../src/modules/booking/index.ts';
import { NOTIFICATION_QUEUES } from '../src/modules/notifications/index.ts';
import { ONSALE_ALERT_QUEUES } from '../src/modules/onsale-alerts/index.ts';
import { KEYWORD_ALERT_QUEUES } from '../src/modules/keyword-alerts/index.ts';

/**
 * Every consumer queue (with its retry and dead-letter queues) a worker of this environment may have
 * declared, and its exchange: quorum queues left behind by thousands of test runs weigh on RabbitMQ.
 */
export async function deleteBrokerObjects(exchange: string, queuePrefix: string): Promise<void> {
  const names = [
    ...Object.values(TICKET_QUEUES),
    ...Object.values(BOOKING_QUEUES),
    ...Object.values(NOTIFICATION_QUEUES),
    ...Object.values(ONSALE_ALERT_QUEUES),
    ...Object.values(KEYWORD_ALERT_QUEUES),
  ];
  let conn: amqp.ChannelModel | undefined;
  try {
    conn = await amqp.connect('amqp://guest:guest@127.0.0.1:5672', { timeout: 3_000 });
    const ch = await conn.createChannel();
    for (const name of names) {
      for (const suffix of ['', '.retry', '.dlq']) await ch.deleteQueue(`${queuePrefix}.${name}${suffix}`);
    }
    await ch.deleteExchange(exchange);
  } catch {
    // Cleanup only: a broker that is down has nothing of ours to delete.
  } finally {
    await conn?.close().catch(() => undefined);
  }
}
