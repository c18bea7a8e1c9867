import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/context.ts';
import { createDb, createPool, PREPARED, type Db } from './db.ts';

/**
 * Statements marked PREPARED are parsed and planned once per connection (a named prepared statement);
 * every other statement stays unnamed. Read back from PostgreSQL's own list of the session's prepared
 * statements, on one connection (a transaction holds it).
 */
describe('prepared statements', () => {
  let env: TestEnv;
  let prepared: Db;
  let plain: Db;
  beforeAll(async () => {
    env = await createTestEnv();
    prepared = createDb(createPool({ url: env.config().DATABASE_URL, poolSize: 1 }));
    plain = createDb(createPool({ url: env.config().DATABASE_URL, poolSize: 1, preparedStatements: false }));
  });
  afterAll(async () => {
    await prepared.destroy();
    await plain.destroy();
    await env.drop();
  });

  const named = (db: Db) =>
    db.transaction().execute(async (tx) => {
      const answers: number[] = [];
      for (const n of [1, 2, 3]) {
        const { rows } = await sql<{ n: number }>`${sql.raw(PREPARED)} SELECT ${n}::int + 40 AS n`.execute(
          tx,
        );
        answers.push(rows[0]!.n);
      }
      await sql`SELECT ${4}::int + 50 AS unmarked`.execute(tx);
      const { rows } = await sql<{ name: string; statement: string; from_sql: boolean }>`
        SELECT name, statement, from_sql FROM pg_prepared_statements`.execute(tx);
      return { answers, statements: rows };
    });

  it('sends a marked statement by name, once per connection, and leaves the rest unnamed', async () => {
    const { answers, statements } = await named(prepared);
    expect(answers).toEqual([41, 42, 43]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      from_sql: false,
      statement: `${PREPARED} SELECT $1::int + 40 AS n`,
    });
    expect(statements[0]!.name).toMatch(/^ct_[0-9a-f]{24}$/);
    // The connection keeps it: the next transaction on it binds the same statement.
    expect((await named(prepared)).statements).toHaveLength(1);
  });

  it('names nothing when the pool is told not to', async () => {
    const { answers, statements } = await named(plain);
    expect(answers).toEqual([41, 42, 43]);
    expect(statements).toHaveLength(0);
  });
});
