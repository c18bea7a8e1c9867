import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../infra/db.ts';
import { appendEvent } from './outbox.ts';

/**
 * Events are checked by name when written, not only when a consumer parses them: a payload that breaks
 * its event's schema is refused before anything reaches the outbox, and one of the wrong shape does
 * not compile.
 */

/** A connection that records being touched: appendEvent must refuse before it writes. */
function watchedConnection(): { db: DbOrTx; touched: string[] } {
  const touched: string[] = [];
  const db = new Proxy(
    {},
    {
      get(_target, key) {
        touched.push(String(key));
        throw new Error(`the outbox was reached (${String(key)})`);
      },
    },
  ) as DbOrTx;
  return { db, touched };
}

const reservationId = '0b6f4c1e-3a52-4f8e-9a51-6c2d2b1f0a11';
const userId = '5f0e9d3c-8a71-4b2c-9e41-2a7d6c5b4e32';
const showtimeId = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e53';

describe('appendEvent', () => {
  it('refuses a payload that breaks its event’s schema and writes nothing', async () => {
    const { db, touched } = watchedConnection();
    const data = {
      reservationId: reservationId.toUpperCase(), // not the canonical spelling a Uuid requires
      userId,
      showtimeId,
      reason: 'declined',
      failedAt: new Date().toISOString(),
    };
    await expect(
      appendEvent(db, 'reservation.failed', { type: 'reservation', id: reservationId }, data),
    ).rejects.toThrow(/reservation\.failed data breaks its schema/);
    expect(touched).toEqual([]);
  });

  it('does not compile for a payload of another event or an unknown event name', () => {
    // Type-level only: `npm run typecheck` fails if any of these lines stops being an error.
    const typeChecks = (db: DbOrTx) => {
      const aggregate = { type: 'reservation', id: reservationId };
      // @ts-expect-error reservation.failed has no seats and needs a reason
      void appendEvent(db, 'reservation.failed', aggregate, { reservationId, userId, showtimeId, seats: [] });
      // @ts-expect-error no such event
      void appendEvent(db, 'reservation.teleported', aggregate, {});
      void appendEvent(db, 'reservation.failed', aggregate, {
        reservationId,
        userId,
        showtimeId,
        reason: 'declined',
        failedAt: new Date().toISOString(),
      });
    };
    expect(typeof typeChecks).toBe('function');
  });
});
