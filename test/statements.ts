import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/**
 * Counts the statements a piece of work sends to PostgreSQL, at the driver (every `Client.query` of pg,
 * so nothing Kysely or a repository does escapes), for that work's own async context only: the sandbox
 * gateway and background work on the same pool are not counted.
 */
const statements = new AsyncLocalStorage<string[]>();
const original = pg.Client.prototype.query;

function textOf(config: unknown): string {
  if (typeof config === 'string') return config;
  return String((config as { text?: string } | undefined)?.text ?? config);
}

/** Patches the driver for this test file; call the returned function in afterAll. */
export function countStatements(): () => void {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const named = typeof args[0] === 'object' && Boolean((args[0] as { name?: string } | null)?.name);
    statements.getStore()?.push(`${named ? NAMED : ''}${textOf(args[0]).replace(/\s+/g, ' ').slice(0, 160)}`);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return () => {
    pg.Client.prototype.query = original;
  };
}

export async function counted<T>(run: () => PromiseLike<T>): Promise<{ result: T; sent: string[] }> {
  const sent: string[] = [];
  // inject() returns a thenable that dispatches the request when its then() is called: call it here,
  // inside the context, not from the job an `await` would schedule (which runs outside it).
  const result = await statements.run(
    sent,
    () => new Promise<T>((resolve, reject) => run().then(resolve, reject)),
  );
  return { result, sent };
}

/** The prefix of a statement sent as a named prepared statement (src/infra/db.ts, PREPARED). */
export const NAMED = '[named] ';

export const isTransactionControl = (q: string): boolean => /^\s*(begin|commit|rollback)\b/i.test(q);
