import pg from 'pg';

/**
 * The streaming replica that applies WAL with a deliberate delay (`bash scripts/pg-replica.sh start
 * --apply-delay 2s`; CI exports PG_REPLICA_URL). Suites that need it use `describe.skipIf(!REPLICA)`.
 */
export const REPLICA = process.env.PG_REPLICA_URL;

/** The replica's URL for one database (test databases reach it after the delay, like any write). */
export function replicaUrl(dbName: string): string {
  const url = new URL(REPLICA ?? 'postgres://unused');
  url.pathname = `/${dbName}`;
  return url.toString();
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** One query on the replica over a connection of its own. */
export async function onReplica<T>(database: string, query: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: replicaUrl(database) });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Waits until the replica has the (freshly cloned) test database. */
export async function databaseOnReplica(dbName: string): Promise<void> {
  await waitFor('test database on the replica', async () => {
    const rows = await onReplica('postgres', 'SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    return rows.length === 1;
  });
}
