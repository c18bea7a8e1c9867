import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { deleteBrokerObjects } from './broker-cleanup.ts';
import { forgetKeys } from './redis-cleanup.ts';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../src/config.ts';
import {
  createContainer,
  type Container,
  type ContainerOptions,
  type ProcessName,
} from '../src/container.ts';
import { buildApp, type App } from '../src/app.ts';
import { Metrics } from '../src/infra/metrics.ts';
import { adminUrl, databaseUrl } from './db-urls.ts';

export interface TestEnv {
  /** Environment for every container of this file: its own database and Redis key prefix. */
  env: Record<string, string>;
  config: (overrides?: Record<string, string>) => Config;
  dbName: string;
  redisPrefix: string;
  drop: () => Promise<void>;
}

/** A database cloned from the migrated template and a Redis key prefix, both unique to the caller. */
export async function createTestEnv(extraEnv: Record<string, string> = {}): Promise<TestEnv> {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const dbName = `ct_t_${id}`;
  const redisPrefix = `t:${id}:`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE "${inject('templateDb')}"`);
  await admin.end();

  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl(dbName),
    DATABASE_POOL_SIZE: '10',
    DATABASE_TEXT_SEARCH_POOL_SIZE: '3',
    REDIS_KEY_PREFIX: redisPrefix,
    AMQP_EXCHANGE: `ct.test.${id}`,
    AMQP_QUEUE_PREFIX: `ct.test.${id}`,
    WORKER_METRICS_PORT: '0',
    ...(process.env.REDIS_CLUSTER_NODES ? { REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES } : {}),
    ...extraEnv,
  };
  const config = (overrides: Record<string, string> = {}): Config => loadConfig({ ...env, ...overrides });

  const drop = async (): Promise<void> => {
    await forgetKeys(
      { url: 'redis://127.0.0.1:6379', clusterNodes: config().REDIS_CLUSTER_NODES },
      redisPrefix,
    );
    await deleteBrokerObjects(env.AMQP_EXCHANGE!, env.AMQP_QUEUE_PREFIX!);
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.end();
  };
  return { env, config, dbName, redisPrefix, drop };
}

export interface TestApp {
  app: App;
  container: Container;
  close: () => Promise<void>;
}

/**
 * The container's infra with a metrics registry of its own, for a test that builds a second copy of
 * a module over one container: each metric is created once per registry, so the copy needs its own.
 */
export function withOwnMetrics<T extends { metrics: Metrics }>(
  infra: T,
  processName: ProcessName = 'api',
): T {
  return { ...infra, metrics: new Metrics(processName) };
}

/** An API instance (Fastify app, not listening) over the given test environment. */
export async function createTestApp(
  env: TestEnv,
  overrides: Record<string, string> = {},
  processName: ProcessName = 'api',
  options: ContainerOptions = {},
): Promise<TestApp> {
  const container = await createContainer(env.config(overrides), processName, options);
  const app = await buildApp(container);
  await app.ready();
  return {
    app,
    container,
    close: async () => {
      await app.close();
      await container.close();
    },
  };
}

/** The common case: one environment and one app for a test file. */
export async function setupTestApp(
  extraEnv: Record<string, string> = {},
): Promise<TestApp & { env: TestEnv }> {
  const env = await createTestEnv(extraEnv);
  const testApp = await createTestApp(env);
  return {
    ...testApp,
    env,
    close: async () => {
      await testApp.close();
      await env.drop();
    },
  };
}
