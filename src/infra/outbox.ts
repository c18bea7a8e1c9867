import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';

export interface OutboxEvent {
  /** Routing key, e.g. `reservation.confirmed`. Schemas are documented in docs/events.md. */
  eventType: string;
  eventVersion?: number;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/**
 * Records an event in the same transaction as the state change it describes. The worker's relay
 * publishes it after commit; a rolled-back transaction never emits it. Returns the event id.
 */
export async function appendOutbox(tx: DbOrTx, event: OutboxEvent): Promise<string> {
  const { rows } = await sql<{ event_id: string }>`
    INSERT INTO outbox (event_type, event_version, aggregate_type, aggregate_id, payload)
    VALUES (${event.eventType}, ${event.eventVersion ?? 1}, ${event.aggregateType}, ${event.aggregateId},
            ${JSON.stringify(event.payload)}::jsonb)
    RETURNING event_id`.execute(tx);
  return rows[0]!.event_id;
}
