import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMAS, parseEvent } from './event-schemas.ts';
import { PermanentError } from '../../infra/broker.ts';

describe('event contracts', () => {
  const doc = readFileSync(new URL('../../../docs/events.md', import.meta.url), 'utf8');

  it('documents every event with exactly the schema the code validates', () => {
    for (const [type, { version, schema }] of Object.entries(EVENT_SCHEMAS)) {
      const block = new RegExp(
        '```json schema:' + type.replace('.', '\\.') + '@' + version + '\\n([\\s\\S]*?)```',
      ).exec(doc);
      expect(block, `docs/events.md has no schema block for ${type}@${version}`).not.toBeNull();
      expect(JSON.parse(block![1]!), type).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('rejects a wrong type, an unknown version and an invalid payload as permanent errors', () => {
    const ok = {
      eventId: '8d4d3f5e-0f59-4c55-9d7e-4d8f0a1b2c3d',
      type: 'reservation.cancelled',
      version: 1,
      occurredAt: new Date().toISOString(),
      data: { reservationId: '8d4d3f5e-0f59-4c55-9d7e-4d8f0a1b2c3e' },
    };
    expect(parseEvent('reservation.cancelled', ok).data.reservationId).toBe(ok.data.reservationId);
    expect(() => parseEvent('reservation.confirmed', ok)).toThrow(PermanentError);
    expect(() => parseEvent('reservation.cancelled', { ...ok, version: 2 })).toThrow(/unsupported/);
    expect(() => parseEvent('reservation.cancelled', { ...ok, data: { reservationId: 'x' } })).toThrow(
      PermanentError,
    );
    expect(() => parseEvent('reservation.cancelled', null)).toThrow(/invalid envelope/);
  });
});
