import type { DbOrTx } from '../../infra/db.ts';
import { appendOutbox } from '../../infra/outbox.ts';
import { assertEventData, EVENT_SCHEMAS, type EventData, type EventType } from './event-schemas.ts';

/** The row an event is about, e.g. `{ type: 'reservation', id }`: the relay orders and traces by it. */
export interface Aggregate {
  type: string;
  id: string;
}

/**
 * Writes a domain event to the outbox in the caller's transaction. The payload is type-checked by the
 * event's name at compile time and checked against its schema at run time, so a writer cannot emit
 * what `parseEvent` on the consuming side would dead-letter. Modules write events only through this.
 */
export async function appendEvent<T extends EventType>(
  tx: DbOrTx,
  type: T,
  aggregate: Aggregate,
  data: EventData<T>,
): Promise<string> {
  assertEventData(type, data);
  return appendOutbox(tx, {
    eventType: type,
    eventVersion: EVENT_SCHEMAS[type].version,
    aggregateType: aggregate.type,
    aggregateId: aggregate.id,
    payload: data as Record<string, unknown>,
  });
}
