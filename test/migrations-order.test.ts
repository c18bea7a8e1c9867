import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, createPool, ensureDatabase } from '../src/infra/db.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { adminUrl, databaseUrl } from './db-urls.ts';

const name = `ct_t_migorder_${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

it('applies a migration numbered below the newest one a database already has', async () => {
  await ensureDatabase(databaseUrl(name));
  const db = createDb(createPool({ url: databaseUrl(name), poolSize: 2 }));
  try {
    await migrateToLatest(db);
    // A database migrated before 0051 existed: everything up to 0080 applied, 0051 not.
    await sql`DROP INDEX tickets_showtime_status`.execute(db);
    await sql`DELETE FROM kysely_migration WHERE name = '0051_tickets_door_counts'`.execute(db);

    await migrateToLatest(db);

    const index = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'tickets_showtime_status'`.execute(db);
    expect(index.rows[0]?.n).toBe(1);
  } finally {
    await db.destroy();
  }
});
