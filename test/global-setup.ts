import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createDb, createPool, ensureDatabase } from '../src/infra/db.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { adminUrl, databaseUrl } from './db-urls.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

/**
 * Migrates one template database per test run. Each test file clones it (CREATE DATABASE … TEMPLATE),
 * which takes a few hundred milliseconds and isolates files so they run in parallel.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templateDb = `ct_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${templateDb}"`);
  await admin.end();

  await ensureDatabase(databaseUrl(templateDb));
  const pool = createPool({ url: databaseUrl(templateDb), poolSize: 2 });
  const db = createDb(pool);
  await migrateToLatest(db);
  await db.destroy();

  project.provide('templateDb', templateDb);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`);
    await client.end();
  };
}
