import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats } from '../../../test/factories.ts';
import type { CatalogInventory } from './inventory.ts';

describe('catalogue inventory (the InventoryPort and QueueSettingsPort it implements)', () => {
  let t: TestApp & { env: TestEnv };
  let inventory: CatalogInventory;
  beforeAll(async () => {
    t = await setupTestApp();
    inventory = t.container.catalog.inventory;
  });
  afterAll(() => t.close());

  const statuses = async (showtimeId: string) =>
    (
      await sql<{ status: string }>`SELECT status FROM seats WHERE showtime_id = ${showtimeId}
                                    ORDER BY sort_order`.execute(t.container.db)
    ).rows.map((r) => r.status);

  it('answers the facts of a live showtime, and nothing for a deleted one', async () => {
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 1, maxTicketsPerUser: 3 });
    expect(await inventory.showtime(t.container.db, st.showtimeId)).toMatchObject({
      id: st.showtimeId,
      performanceId: st.performanceId,
      maxTicketsPerUser: 3,
      queueEnabled: false,
      onSale: true,
    });
    await sql`UPDATE showtimes SET deleted_at = now() WHERE id = ${st.showtimeId}`.execute(t.container.db);
    expect(await inventory.showtime(t.container.db, st.showtimeId)).toBeUndefined();
    expect(await inventory.queueSettings([st.showtimeId])).toEqual([]);
  });

  it('lists only the showtime’s own seats, in seat-map order', async () => {
    const a = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 3 });
    const b = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 1 });
    const ids = [a.seats[2]!.id, b.seats[0]!.id, a.seats[0]!.id];
    const seats = await inventory.seatsForSale(t.container.db, a.showtimeId, ids);
    expect(seats.map((s) => s.id)).toEqual([a.seats[0]!.id, a.seats[2]!.id]);
    expect(seats[0]).toMatchObject({ section: 'A', grade: 'R', price: 100_000, status: 'AVAILABLE' });
  });

  it('answers a reservation in one read: facts as `showtime`, only the showtime’s seats, priced as chosen', async () => {
    const a = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 3, maxTicketsPerUser: 5 });
    const b = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 1 });
    const ids = [a.seats[2]!.id, b.seats[0]!.id, a.seats[0]!.id];
    const read = await inventory.forPurchase(t.container.db, a.showtimeId, ids);
    expect(read!.showtime).toEqual(await inventory.showtime(t.container.db, a.showtimeId));
    expect(read!.seats).toEqual(await inventory.seatsForSale(t.container.db, a.showtimeId, ids));
    expect(read!.price().map((p) => [p.ticketType.code, p.price])).toEqual([
      ['ADULT', 100_000],
      ['ADULT', 100_000],
    ]);
    // A type the performance does not sell is refused as by priceSeats.
    const typed = await inventory.forPurchase(t.container.db, a.showtimeId, ids, {
      [a.seats[0]!.id]: 'YOUTH',
    });
    expect(() => typed!.price()).toThrow(expect.objectContaining({ code: 'TICKET_TYPE_UNAVAILABLE' }));
    await sql`UPDATE showtimes SET deleted_at = now() WHERE id = ${a.showtimeId}`.execute(t.container.db);
    expect(await inventory.forPurchase(t.container.db, a.showtimeId, ids)).toBeUndefined();
  });

  it('sells and releases inside the caller’s transaction, answering only seats that changed', async () => {
    const st = await createShowtimeWithSeats(t.container, { rows: 1, seatsPerRow: 2 });
    const ids = st.seats.map((s) => s.id);
    // Rolled back with the caller's transaction.
    await expect(
      t.container.db.transaction().execute(async (tx) => {
        // In seat-map order, whatever order they were asked in.
        expect((await inventory.sell(tx, [...ids].reverse())).map((s) => s.id)).toEqual(ids);
        throw new Error('the purchase failed');
      }),
    ).rejects.toThrow('the purchase failed');
    expect(await statuses(st.showtimeId)).toEqual(['AVAILABLE', 'AVAILABLE']);

    await t.container.db.transaction().execute(async (tx) => {
      expect(await inventory.sell(tx, [ids[0]!])).toHaveLength(1);
      // One already SOLD: only the other changes (with its details), so checkout sees the conflict.
      const sold = await inventory.sell(tx, ids);
      expect(sold).toEqual([
        expect.objectContaining({ id: ids[1], status: 'SOLD', price: st.seats[1]!.price }),
      ]);
    });
    expect(await statuses(st.showtimeId)).toEqual(['SOLD', 'SOLD']);
    await t.container.db.transaction().execute(async (tx) => {
      expect(await inventory.release(tx, ids)).toBe(2);
      expect(await inventory.release(tx, ids)).toBe(0);
    });
    expect(await statuses(st.showtimeId)).toEqual(['AVAILABLE', 'AVAILABLE']);
  });

  it('answers the queue settings of showtimes as stored', async () => {
    const st = await createShowtimeWithSeats(t.container, {
      rows: 1,
      seatsPerRow: 1,
      queue: { enabled: true, admitPerSecond: 7, maxActive: 70, sessionSeconds: 300, opensBeforeMinutes: 15 },
    });
    const [settings] = await inventory.queueSettings([st.showtimeId]);
    expect(settings).toMatchObject({
      showtimeId: st.showtimeId,
      enabled: true,
      admitPerSecond: 7,
      maxActive: 70,
      sessionSeconds: 300,
      opensBeforeMinutes: 15,
    });
  });
});
