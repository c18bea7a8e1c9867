import amqp from 'amqplib';
import pg from 'pg';
import type { Config } from '../config.ts';
import { createRedis } from './redis.ts';

/**
 * The oldest server versions the code works with, and why. Checked once at start so an old server
 * stops the process with a sentence instead of failing later inside a migration or a Lua script.
 */
export const MINIMUM = {
  // gen_random_uuid() without pgcrypto (13); pg_trgm for catalogue search.
  postgres: { version: '13', why: 'gen_random_uuid() built in, and the pg_trgm extension' },
  // The Lua scripts read TIME before writing, which needs script effects replication (the default
  // from 5.0 on); HSET takes several fields (4.0).
  redis: { version: '5.0', why: 'Lua scripts that read TIME before writing' },
  // Every consumer queue is a quorum queue (3.8).
  rabbitmq: { version: '3.8', why: 'quorum queues' },
} as const;

export interface ServerVersions {
  /** Absent when the server did not answer (the process reports that itself, as it always did). */
  postgres?: { version: string; pgTrgm: boolean };
  redis?: string;
  rabbitmq?: string;
}

const TIMEOUT_MS = 3_000;

function hostOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || { 'postgres:': 5432, 'postgresql:': 5432, 'redis:': 6379, 'rediss:': 6379 }[u.protocol] || 5672}`;
}

/** '15.4 (Debian 15.4-1)' → [15, 4]; '7.0.15' → [7, 0, 15]. */
export function versionParts(version: string): number[] {
  return (version.match(/^\d+(\.\d+)*/)?.[0] ?? '0').split('.').map(Number);
}

export function atLeast(version: string, minimum: string): boolean {
  const have = versionParts(version);
  const need = versionParts(minimum);
  for (let i = 0; i < need.length; i++) {
    const h = have[i] ?? 0;
    const n = need[i] ?? 0;
    if (h !== n) return h > n;
  }
  return true;
}

/** One sentence per server that is too old or lacks what we use; empty when all is well. */
export function versionProblems(found: ServerVersions, config: Config): string[] {
  const problems: string[] = [];
  const pgAt = hostOf(config.DATABASE_URL);
  if (found.postgres && !atLeast(found.postgres.version, MINIMUM.postgres.version)) {
    problems.push(
      `PostgreSQL ${found.postgres.version} at ${pgAt} is too old: Culture Ticket needs PostgreSQL ${MINIMUM.postgres.version} or newer (${MINIMUM.postgres.why}).`,
    );
  } else if (found.postgres && !found.postgres.pgTrgm) {
    problems.push(
      `PostgreSQL at ${pgAt} lacks the pg_trgm extension (catalogue search): install the contrib modules (Debian/Ubuntu: apt-get install -y postgresql-contrib).`,
    );
  }
  if (found.redis && !atLeast(found.redis, MINIMUM.redis.version)) {
    problems.push(
      `Redis ${found.redis} at ${config.REDIS_CLUSTER_NODES?.join(',') ?? hostOf(config.REDIS_URL)} is too old: Culture Ticket needs Redis ${MINIMUM.redis.version} or newer (${MINIMUM.redis.why}).`,
    );
  }
  if (found.rabbitmq && !atLeast(found.rabbitmq, MINIMUM.rabbitmq.version)) {
    problems.push(
      `RabbitMQ ${found.rabbitmq} at ${hostOf(config.AMQP_URL)} is too old: Culture Ticket needs RabbitMQ ${MINIMUM.rabbitmq.version} or newer (${MINIMUM.rabbitmq.why}).`,
    );
  }
  return problems;
}

async function postgresVersion(url: string): Promise<ServerVersions['postgres']> {
  const query = async (connectionString: string) => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: TIMEOUT_MS });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string; pg_trgm: boolean }>(
        `SELECT current_setting('server_version') AS version,
                EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AS pg_trgm`,
      );
      return { version: rows[0]!.version, pgTrgm: rows[0]!.pg_trgm };
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  try {
    return await query(url);
  } catch (err) {
    // The database itself is created by the migration that follows; ask the server's own.
    if ((err as { code?: string }).code !== '3D000') throw err;
    const u = new URL(url);
    u.pathname = '/postgres';
    return query(u.toString());
  }
}

async function redisVersion(config: Config): Promise<string | undefined> {
  const redis = createRedis(
    { url: config.REDIS_URL, clusterNodes: config.REDIS_CLUSTER_NODES, keyPrefix: '' },
    { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: TIMEOUT_MS },
  );
  redis.on('error', () => undefined);
  try {
    const info = await redis.info('server');
    return /redis_version:([^\r\n]+)/.exec(info)?.[1];
  } finally {
    redis.disconnect();
  }
}

async function rabbitmqVersion(url: string): Promise<string | undefined> {
  const conn = await amqp.connect(url, { timeout: TIMEOUT_MS });
  conn.on('error', () => undefined);
  const version = conn.connection.serverProperties.version;
  await conn.close().catch(() => undefined);
  return version;
}

/** Asks the three servers their versions at once; one that does not answer is left out. */
export async function readServerVersions(config: Config): Promise<ServerVersions> {
  const [postgres, redis, rabbitmq] = await Promise.allSettled([
    postgresVersion(config.DATABASE_URL),
    redisVersion(config),
    rabbitmqVersion(config.AMQP_URL),
  ]);
  return {
    postgres: postgres.status === 'fulfilled' ? postgres.value : undefined,
    redis: redis.status === 'fulfilled' ? redis.value : undefined,
    rabbitmq: rabbitmq.status === 'fulfilled' ? rabbitmq.value : undefined,
  };
}

/** The start-time check: the problems with the configured servers' versions (empty: all good). */
export async function checkServerVersions(config: Config): Promise<string[]> {
  return versionProblems(await readServerVersions(config), config);
}
