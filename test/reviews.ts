import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/infra/db.ts';

/**
 * Test data for the reviews suites: reservations inserted straight into checkout's table, as a
 * finished purchase leaves them (the purchase itself is checkout's to test).
 */
export async function insertReservation(
  db: Db,
  r: { userId: string; showtimeId: string; performanceId: string; seatId: string; status?: string },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO reservations (user_id, showtime_id, performance_id, hold_id, status, amount, total, payment_id,
                              expires_at, booking_number)
    VALUES (${r.userId}, ${r.showtimeId}, ${r.performanceId}, gen_random_uuid(), ${r.status ?? 'CONFIRMED'}, 0, 0,
            gen_random_uuid(), now(), ${`R${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`})
    RETURNING id`.execute(db);
  await sql`INSERT INTO reservation_seats (reservation_id, seat_id, showtime_id, price)
            VALUES (${rows[0]!.id}, ${r.seatId}, ${r.showtimeId}, 0)`.execute(db);
  return rows[0]!.id;
}

/** The aggregates recounted from the review rows themselves (what review_stats must equal). */
export async function recount(
  db: Db,
  performanceId: string,
): Promise<{ count: number; histogram: Record<string, number>; average: number }> {
  const { rows } = await sql<{ rating: number; n: string }>`
    SELECT rating, count(*) AS n FROM reviews
    WHERE performance_id = ${performanceId} AND hidden_at IS NULL GROUP BY rating`.execute(db);
  const histogram: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of rows) histogram[r.rating] = Number(r.n);
  const count = Object.values(histogram).reduce((a, b) => a + b, 0);
  const sum = Object.entries(histogram).reduce((a, [star, n]) => a + Number(star) * n, 0);
  return { count, histogram, average: count ? Math.round((sum / count) * 100) / 100 : 0 };
}
