import { randomUUID } from 'node:crypto';
import { createContainer, type Container } from '../src/container.ts';
import { appendOutbox } from '../src/infra/outbox.ts';
import type { EventData } from '../src/modules/events/event-schemas.ts';
import type { TestShowtime } from './factories.ts';
import type { TestEnv } from './context.ts';
import { TcpProxy } from './tcp-proxy.ts';

/** Helpers for event-driven suites: envelopes, outbox writes, worker processes, broker cleanup. */

export function confirmedData(
  st: TestShowtime,
  userId: string,
  seats: TestShowtime['seats'],
  reservationId: string = randomUUID(),
): EventData<'reservation.confirmed'> {
  const amount = seats.reduce((sum, s) => sum + s.price, 0);
  return {
    reservationId,
    userId,
    showtimeId: st.showtimeId,
    performanceId: st.performanceId,
    seats: seats.map((s) => ({
      seatId: s.id,
      section: s.section,
      row: s.row,
      number: s.number,
      grade: s.grade,
      price: s.price,
    })),
    amount,
    discount: 0,
    total: amount,
    confirmedAt: new Date().toISOString(),
  };
}

export function envelope(type: string, data: object, eventId: string = randomUUID()) {
  return { eventId, type, version: 1, occurredAt: new Date().toISOString(), data };
}

/** Writes an event to the outbox in its own transaction, as the confirm/cancel step of checkout does. */
export async function writeEvent(
  container: Pick<Container, 'db'>,
  type: 'reservation.confirmed' | 'reservation.cancelled',
  data: { reservationId: string },
): Promise<string> {
  return container.db.transaction().execute((tx) =>
    appendOutbox(tx, {
      eventType: type,
      aggregateType: 'reservation',
      aggregateId: data.reservationId,
      payload: data as unknown as Record<string, unknown>,
    }),
  );
}

export interface Worker {
  container: Container;
  stop: () => Promise<void>;
}

/** A worker in this process: relay and consumers, as `npm run start:worker` runs them. */
export async function startWorker(env: TestEnv, overrides: Record<string, string> = {}): Promise<Worker> {
  const container = await createContainer(env.config(overrides), 'worker');
  for (const job of container.background) await job.start();
  return {
    container,
    stop: async () => {
      for (const job of [...container.background].reverse()) await job.stop();
      await container.close();
    },
  };
}

export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A TCP proxy to RabbitMQ that a test can take down (refusing and cutting connections) and bring back. */
export class BrokerProxy extends TcpProxy {
  constructor() {
    super(5672);
  }

  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }
}
