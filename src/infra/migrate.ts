import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './db.ts';
import type { Logger } from './logger.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Forward-only migrations: files in infra/migrations named `NNNN_description.ts`, each exporting
 * `up(db)`. Modules own their own files (numbered by domain) so none edits a shared list.
 *
 * Numbers are per domain, so a new file can sort below one a database already has (0051 after
 * 0080). Unordered migrations are allowed for that reason: each file touches its own domain's
 * tables, and Kysely still applies every pending one exactly once, in name order.
 */
export async function migrateToLatest(db: Db, log?: Logger): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new DirectoryMigrationProvider(MIGRATIONS_DIR),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') log?.info({ migration: r.migrationName }, 'migration applied');
    if (r.status === 'Error') log?.error({ migration: r.migrationName }, 'migration failed');
  }
  if (error) throw error;
}

/** Loads `NNNN_*.ts` files with our own import() so both tsx and the test runner transform them. */
class DirectoryMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(this.dir)).filter((f) => /^\d{4}_.*\.ts$/.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(pathToFileURL(path.join(this.dir, file)).href)) as Migration;
      out[file.replace(/\.ts$/, '')] = mod;
    }
    return out;
  }
}
