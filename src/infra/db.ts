import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';

/**
 * The database schema as Kysely sees it. Each module declares its own tables by augmenting this
 * interface in its `<domain>.tables.ts`, so no shared file lists every table.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repositories take either the pool or an open transaction. */
export type DbOrTx = Db | Tx;

// BIGINT (COUNT, SUM) as a number: our counts and KRW amounts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// NUMERIC stays a string unless a column asks otherwise; DATE stays 'YYYY-MM-DD'.
pg.types.setTypeParser(1082, (v) => v);

export interface DbOptions {
  url: string;
  poolSize: number;
  applicationName?: string;
  /** Told when an idle connection is lost (server restart, failover); the pool replaces it. */
  onIdleError?: (err: Error) => void;
  /** Settings every connection of the pool starts its session with, e.g. `-c enable_seqscan=off`. */
  sessionOptions?: string;
  /** Statements marked `PREPARED` are sent as named prepared statements (default true). */
  preparedStatements?: boolean;
}

/**
 * The mark that makes a statement a named prepared statement: each connection parses and plans it once
 * and then only binds and executes it. For the hot statements of a purchase, where PostgreSQL spent
 * about as long parsing and planning as executing (docs/performance.md, "Prepared statements").
 *
 * Only for statements whose result columns are spelled out, never `*`: after a migration adds a column,
 * a prepared `SELECT *` fails with "cached plan must not change result type" on every connection that
 * prepared it. Its text must be fixed (values as parameters, lists as `= ANY($n)`), or each variant is
 * prepared anew. Behind PgBouncer in transaction mode, set `max_prepared_statements` (1.21 and later) or
 * DATABASE_PREPARED_STATEMENTS=false.
 */
export const PREPARED = '/* prepared */';

const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `ct_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

type QueryArgs = [config: unknown, values?: unknown, callback?: unknown];

/** pg's client, with statements marked PREPARED sent by name (Kysely passes text and values). */
class PreparingClient extends pg.Client {
  override query(...args: QueryArgs): never {
    const [config, values, callback] = args;
    const query = super.query as (...a: unknown[]) => never;
    if (typeof config === 'string' && config.startsWith(PREPARED) && Array.isArray(values)) {
      return query.call(this, { name: statementName(config), text: config, values }, callback);
    }
    return query.apply(this, args);
  }
}

/**
 * The session of a text-search connection: sequential scans priced out, as the catalogue's search
 * otherwise sets per transaction (SearchRepository.textPlans says why).
 */
export const TEXT_SEARCH_SESSION = '-c enable_seqscan=off';

export function createPool(opts: DbOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    // A runaway query must not hold a connection through an onsale.
    statement_timeout: 15_000,
    application_name: opts.applicationName ?? 'culture-ticket',
    ...(opts.sessionOptions ? { options: opts.sessionOptions } : {}),
    ...(opts.preparedStatements === false ? {} : { Client: PreparingClient }),
  });
  // Without listeners, a lost connection's 'error' event crashes the process: on the pool for idle
  // clients, and on the client itself while it is checked out between two queries (a transaction
  // waiting on the broker, say). The checked-out case needs no report here: the next query on that
  // client fails and its caller handles it; the pool then discards the client.
  pool.on('error', opts.onIdleError ?? (() => undefined));
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Creates the database named in `url` when it does not exist yet (connecting to `postgres`). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to create database with name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } catch (err) {
        // Another process created it between the check and the CREATE.
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } finally {
    await client.end();
  }
}

export async function pingDb(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

/** PostgreSQL error codes the repositories translate into domain errors. */
export const PG = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  EXCLUSION_VIOLATION: '23P01',
  SERIALIZATION_FAILURE: '40001',
} as const;

export function isPgError(err: unknown, code: string, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === code && (constraint === undefined || e.constraint === constraint);
}
