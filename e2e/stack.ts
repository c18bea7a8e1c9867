import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { startMailbox } from './mailbox.ts';
import { deleteBrokerObjects } from '../test/broker-cleanup.ts';
import { forgetKeys } from '../test/redis-cleanup.ts';
import { startLocalOAuthProvider, type LocalOAuthProvider } from '../test/oauth-provider.ts';
import { startOpenAiStub } from '../test/openai-stub.ts';
import { e2eModel } from './assistant-model.ts';

export const ROOT = join(import.meta.dirname, '..');
export const RESULTS = join(ROOT, 'test-results');

export const ADMIN = { email: 'admin@e2e.test', password: 'E2e-Box-Office!2345' };

export interface Stack {
  baseUrl: string;
  gatewayUrl: string;
  /** The stack's own database, for the few fixtures the API cannot make (a STAFF account). */
  databaseUrl: string;
  waitForCode: (email: string) => Promise<string>;
  /** The first group of `pattern` in the newest matching mail to `email` (a link, say). */
  waitForMail: (email: string, pattern: RegExp) => Promise<string>;
  /** The local OAuth server standing in for Kakao and Google (social sign-in journeys set its profile). */
  oauthProvider: LocalOAuthProvider;
  stop: () => Promise<void>;
}

/** A port free right now (the OS picks it; the stack binds it a moment later). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the stack exited with code ${child.exitCode}; see test-results/stack.log`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms; see test-results/stack.log`);
}

/**
 * The whole product as a newcomer runs it (`src/main.ts all`: migrate, seed, API + worker + sandbox
 * gateway), on free ports, against a fresh database and its own Redis prefix and queue names.
 */
export async function startStack(): Promise<Stack> {
  await mkdir(RESULTS, { recursive: true });
  const id = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const dbName = `ct_e2e_${id}`;
  const base = new URL(process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${dbName}`;
  const adminDbUrl = new URL(base);
  adminDbUrl.pathname = '/postgres';
  const redisPrefix = `e2e:${id}:`;
  const [apiPort, gatewayPort] = [await freePort(), await freePort()];
  const mailbox = await startMailbox();
  const oauthProvider = await startLocalOAuthProvider();
  // The AI assistant talks to a local OpenAI-compatible server with a scripted model (no weights here).
  const model = await startOpenAiStub({ respond: e2eModel, pieceDelayMs: 60 });
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    GATEWAY_PORT: String(gatewayPort),
    PUBLIC_URL: baseUrl,
    PAYMENT_GATEWAY_URL: gatewayUrl,
    CORS_ORIGINS: baseUrl,
    DATABASE_URL: dbUrl.toString(),
    DATABASE_POOL_SIZE: '10',
    DATABASE_TEXT_SEARCH_POOL_SIZE: '3',
    REDIS_KEY_PREFIX: redisPrefix,
    AMQP_EXCHANGE: `ct.e2e.${id}`,
    AMQP_QUEUE_PREFIX: `ct.e2e.${id}`,
    WORKER_METRICS_PORT: '0',
    // Uploaded posters go beside the run's other results, not into the working tree.
    UPLOADS_DIR: join(RESULTS, `uploads-${id}`),
    SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    REQUIRE_EMAIL_VERIFICATION: 'true',
    // Each journey run sends its own X-Forwarded-For (e2e/api.ts useClientAddress), as buyers
    // behind nginx arrive: per-address limits then count one run, not the whole suite.
    TRUST_PROXY: '127.0.0.1',
    // The sales-open alert job looks every 2 s (15 s in production), so the notifications journey
    // waits seconds, not a quarter minute, for its alert.
    ONSALE_ALERTS_INTERVAL_MS: '2000',
    ...oauthProvider.env('kakao'),
    ...oauthProvider.env('google'),
    AI_BASE_URL: model.baseURL,
    AI_API_KEY: 'sk-e2e-stub',
    AI_MODEL: 'e2e-scripted',
  };
  const log = createWriteStream(join(RESULTS, 'stack.log'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'all'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);

  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await exited;
      clearTimeout(timer);
    }
    await mailbox.close();
    await oauthProvider.close();
    await model.close();
    await deleteBrokerObjects(`ct.e2e.${id}`, `ct.e2e.${id}`);
    const admin = new pg.Client({ connectionString: adminDbUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await forgetKeys({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, redisPrefix);
  };

  try {
    await waitUntilUp(`${baseUrl}/health/live`, child, 90_000);
    await waitUntilUp(`${gatewayUrl}/health/live`, child, 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    baseUrl,
    gatewayUrl,
    databaseUrl: dbUrl.toString(),
    waitForCode: mailbox.waitForCode,
    waitForMail: mailbox.waitForMatch,
    oauthProvider,
    stop,
  };
}
