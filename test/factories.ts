import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Container } from '../src/container.ts';
import type { Role } from '../src/modules/auth/tokens.ts';
import { kstDay } from '../src/modules/catalog/calendar.ts';

// One argon2id hash of "Passw0rd!long", made once: hashing per user would dominate test time.
let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'Passw0rd!long';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
  /** `{ authorization: 'Bearer …' }` for app.inject. */
  headers: { authorization: string };
}

/** Inserts a verified user straight into the database and mints an access token for them. */
export async function createUser(
  container: Pick<Container, 'db' | 'tokens'>,
  opts: { role?: Role; email?: string; nickname?: string } = {},
): Promise<TestUser> {
  cachedHash ??= import('../src/modules/users/passwords.ts').then((m) => m.hashPassword(TEST_PASSWORD));
  const role = opts.role ?? 'USER';
  const email = opts.email ?? `user-${randomUUID()}@example.com`;
  const { rows } = await sql<{ id: string }>`
    INSERT INTO users (email, password_hash, nickname, role, email_verified_at)
    VALUES (${email}, ${await cachedHash}, ${opts.nickname ?? 'tester'}, ${role}, now())
    RETURNING id`.execute(container.db);
  const id = rows[0]!.id;
  const token = await container.tokens.sign({ userId: id, role });
  return { id, email, role, token, headers: { authorization: `Bearer ${token}` } };
}

/** Many users at once (for races): one INSERT, tokens minted in memory. */
export async function createUsers(
  container: Pick<Container, 'db' | 'tokens'>,
  count: number,
  role: Role = 'USER',
): Promise<TestUser[]> {
  cachedHash ??= import('../src/modules/users/passwords.ts').then((m) => m.hashPassword(TEST_PASSWORD));
  const hash = await cachedHash;
  const emails = Array.from({ length: count }, () => `user-${randomUUID()}@example.com`);
  const { rows } = await sql<{ id: string; email: string }>`
    INSERT INTO users (email, password_hash, nickname, role, email_verified_at)
    SELECT e, ${hash}, 'tester', ${role}, now() FROM unnest(${emails}::text[]) AS e
    RETURNING id, email`.execute(container.db);
  return Promise.all(
    rows.map(async (r) => {
      const token = await container.tokens.sign({ userId: r.id, role });
      return { id: r.id, email: r.email, role, token, headers: { authorization: `Bearer ${token}` } };
    }),
  );
}

export interface TestShowtime {
  performanceId: string;
  showtimeId: string;
  venueId: string;
  seats: { id: string; section: string; row: string; number: number; grade: string; price: number }[];
}

/**
 * A venue, an ON_SALE performance and one showtime with `rows × seatsPerRow` seats, inserted straight
 * into the catalogue tables (grade R, 100,000 KRW) — for suites that need inventory, not the admin API.
 */
export async function createShowtimeWithSeats(
  container: Pick<Container, 'db'>,
  opts: {
    rows?: number;
    seatsPerRow?: number;
    price?: number;
    maxTicketsPerUser?: number;
    startsAt?: Date;
    salesOpenAt?: Date;
    salesCloseAt?: Date;
    queue?: {
      enabled: boolean;
      admitPerSecond?: number;
      maxActive?: number;
      sessionSeconds?: number;
      /** The waiting room opens this long before sales (default: QUEUE_OPENS_BEFORE_SALES_MINUTES). */
      opensBeforeMinutes?: number;
      /** Entering needs a solved proof-of-work challenge (default off). */
      proofOfWork?: boolean;
      powDifficulty?: number;
    };
    title?: string;
  } = {},
): Promise<TestShowtime> {
  const db = container.db;
  const rows = opts.rows ?? 10;
  const perRow = opts.seatsPerRow ?? 10;
  const price = opts.price ?? 100_000;
  const startsAt = opts.startsAt ?? new Date(Date.now() + 30 * 86400_000);
  const salesOpenAt = opts.salesOpenAt ?? new Date(Date.now() - 86400_000);
  const salesCloseAt = opts.salesCloseAt ?? new Date(startsAt.getTime() - 3600_000);
  const venue = await sql<{ id: string }>`
    INSERT INTO venues (name, address, seat_count) VALUES ('테스트홀', '서울', ${rows * perRow}) RETURNING id`.execute(
    db,
  );
  const venueId = venue.rows[0]!.id;
  await sql`INSERT INTO venue_sections (venue_id, name, grade, rows, seats_per_row, sort_order)
            VALUES (${venueId}, 'A', 'R', ${rows}, ${perRow}, 0)`.execute(db);
  const category = await sql<{ id: string }>`
    INSERT INTO categories (name, slug) VALUES ('뮤지컬', 'musical')
    ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`.execute(db);
  // The run's day is the Korean calendar day of the start (what the admin routes check), not UTC's.
  const day = kstDay(startsAt);
  const title = opts.title ?? '테스트 공연';
  const perf = await sql<{ id: string }>`
    INSERT INTO performances (title, category_id, venue_id, start_date, end_date, running_minutes, age_rating, search_text)
    VALUES (${title}, ${category.rows[0]!.id}, ${venueId}, ${day}, ${day}, 120, 0, ${title}) RETURNING id`.execute(
    db,
  );
  const performanceId = perf.rows[0]!.id;
  await sql`INSERT INTO performance_prices (performance_id, grade, price) VALUES (${performanceId}, 'R', ${price})`.execute(
    db,
  );
  const q = opts.queue;
  const st = await sql<{ id: string }>`
    INSERT INTO showtimes (performance_id, starts_at, sales_open_at, sales_close_at, max_tickets_per_user, seat_count,
                           queue_enabled, queue_admit_per_second, queue_max_active, queue_session_seconds,
                           queue_opens_before_minutes, queue_proof_of_work, queue_pow_difficulty)
    VALUES (${performanceId}, ${startsAt}, ${salesOpenAt}, ${salesCloseAt}, ${opts.maxTicketsPerUser ?? 4}, ${rows * perRow},
            ${q?.enabled ?? false}, ${q?.admitPerSecond ?? 100}, ${q?.maxActive ?? 1000}, ${q?.sessionSeconds ?? 600},
            ${q?.opensBeforeMinutes ?? null}, ${q?.proofOfWork ?? false}, ${q?.powDifficulty ?? null})
    RETURNING id`.execute(db);
  const showtimeId = st.rows[0]!.id;
  const seats = await sql<TestShowtime['seats'][number]>`
    INSERT INTO seats (showtime_id, section, row_label, number, grade, price, sort_order)
    SELECT ${showtimeId}, 'A', chr(64 + r), n, 'R', ${price}, (r - 1) * ${perRow} + n
    FROM generate_series(1, ${rows}) r, generate_series(1, ${perRow}) n
    RETURNING id, section, row_label AS row, number, grade, price`.execute(db);
  return { performanceId, showtimeId, venueId, seats: seats.rows };
}
