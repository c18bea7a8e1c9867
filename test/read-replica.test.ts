import { randomUUID } from 'node:crypto';
import { REPLICA, replicaUrl, waitFor } from './replica.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createContainer, type Container } from '../src/container.ts';
import { buildApp, type App } from '../src/app.ts';
import type { Db } from '../src/infra/db.ts';
import { markerKey } from '../src/infra/read-routing.ts';
import { optionalUser } from '../src/http/auth-guard.ts';
import { createTestEnv, type TestEnv } from './context.ts';

/**
 * Read-your-writes over a real streaming replica that applies WAL with a deliberate delay
 * (`bash scripts/pg-replica.sh start --apply-delay 2s`, then PG_REPLICA_URL=postgres://…:5433/postgres).
 */
async function onReplica<T>(database: string, query: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: replicaUrl(database) });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function notes(db: Db): Promise<string[]> {
  const { rows } = await sql<{ body: string }>`SELECT body FROM ryw_notes ORDER BY id`.execute(db);
  return rows.map((r) => r.body);
}

// A write endpoint and a lag-tolerant read endpoint, as a module would build them.
const noteRoutes =
  (container: Container): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/ryw-notes',
      {
        config: { access: 'signed-in' },
        schema: { body: Type.Object({ body: Type.String({ minLength: 1 }) }) },
      },
      async (request, reply) => {
        await sql`INSERT INTO ryw_notes (body) VALUES (${request.body.body})`.execute(container.db);
        return reply.status(201).send({ ok: true });
      },
    );
    app.get('/ryw-notes', { config: { access: 'public' } }, async (request) => {
      await optionalUser(request, container.tokens);
      return { notes: await notes(await container.readRouting.readDbFor(request.user?.id)) };
    });
  };

describe.skipIf(!REPLICA)('read/write split with read-your-writes', () => {
  let env: TestEnv;
  let container: Container;
  let app: App;

  beforeAll(async () => {
    env = await createTestEnv();
    // The replica mirrors the whole cluster: the freshly cloned test database reaches it after the delay.
    await waitFor('test database on the replica', async () => {
      const rows = await onReplica('postgres', 'SELECT 1 FROM pg_database WHERE datname = $1', [env.dbName]);
      return rows.length === 1;
    });
    const primary = new pg.Client({ connectionString: env.config().DATABASE_URL });
    await primary.connect();
    await primary.query('CREATE TABLE ryw_notes (id serial PRIMARY KEY, body text NOT NULL)');
    await primary.end();
    await waitFor('test table on the replica', async () => {
      const rows = await onReplica<{ t: string | null }>(env.dbName, "SELECT to_regclass('ryw_notes') AS t");
      return rows[0]?.t != null;
    });

    container = await createContainer(env.config({ DATABASE_REPLICA_URL: replicaUrl(env.dbName) }), 'api');
    container.apiRoutes.push(noteRoutes(container));
    app = await buildApp(container);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await container?.close();
    await env?.drop();
  });

  it('reads from a replica that really lags (the delay this test relies on)', async () => {
    const [row] = await onReplica<{ delay: string; recovering: boolean }>(
      env.dbName,
      "SELECT current_setting('recovery_min_apply_delay') AS delay, pg_is_in_recovery() AS recovering",
    );
    expect(row?.recovering).toBe(true);
    expect(row?.delay).not.toBe('0');
  });

  it('sends the writer to the primary and everyone else to the replica', async () => {
    const writer = randomUUID();
    const other = randomUUID();
    await sql`INSERT INTO ryw_notes (body) VALUES ('written')`.execute(container.db);
    await container.readRouting.markWrote(writer);

    expect(await notes(container.readDb)).toEqual([]); // the replica has not applied it yet
    const writersDb = await container.readRouting.readDbFor(writer);
    expect(writersDb).toBe(container.db);
    expect(await notes(writersDb)).toEqual(['written']);
    expect(await container.readRouting.readDbFor(other)).toBe(container.readDb);
    expect(await container.readRouting.readDbFor(undefined)).toBe(container.readDb);
    expect(await notes(await container.readRouting.readDbFor(other))).toEqual([]);

    // The marker is short-lived: after the configured seconds the writer reads the replica again.
    const ttl = await container.redis.ttl(markerKey(writer));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(env.config().READ_YOUR_WRITES_SECONDS);
    // And the replica does catch up: it is a real replica, not a different database.
    await waitFor('replica to apply the row', async () =>
      (await notes(container.readDb)).includes('written'),
    );
  });

  it('marks the user after a successful write over HTTP, not after a failed one', async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const carol = randomUUID();
    const bearer = async (userId: string) => ({
      authorization: `Bearer ${await container.tokens.sign({ userId, role: 'USER' })}`,
    });

    const failed = await app.inject({
      method: 'POST',
      url: '/api/v1/ryw-notes',
      headers: await bearer(carol),
      payload: { body: '' },
    });
    expect(failed.statusCode).toBe(400);
    expect(await container.redis.exists(markerKey(carol))).toBe(0);

    const wrote = await app.inject({
      method: 'POST',
      url: '/api/v1/ryw-notes',
      headers: await bearer(alice),
      payload: { body: 'from alice' },
    });
    expect(wrote.statusCode).toBe(201);

    const asAlice = await app.inject({
      method: 'GET',
      url: '/api/v1/ryw-notes',
      headers: await bearer(alice),
    });
    expect(asAlice.json().notes).toContain('from alice');
    const asBob = await app.inject({ method: 'GET', url: '/api/v1/ryw-notes', headers: await bearer(bob) });
    expect(asBob.json().notes).not.toContain('from alice');
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/ryw-notes' });
    expect(anonymous.json().notes).not.toContain('from alice');
  });
});
