import { loadConfig, ConfigError, type Config } from './config.ts';
import { createContainer, type Container } from './container.ts';
import { buildApp } from './app.ts';
import { migrateToLatest } from './infra/migrate.ts';
import { seed } from './seed.ts';
import { AdminAccountError, ensureAdmin, setAdminPassword } from './admin-account.ts';
import { startWorkerMetricsServer } from './worker.ts';
import { apiMetricsPort, startMetricsServer } from './infra/metrics-server.ts';
import { startGateway } from './gateway/main.ts';
import { checkServerVersions } from './infra/server-versions.ts';
import { welcomeBanner } from './banner.ts';

type Command = 'api' | 'worker' | 'gateway' | 'all' | 'migrate' | 'seed' | 'admin:password';
const COMMANDS: Command[] = ['api', 'worker', 'gateway', 'all', 'migrate', 'seed', 'admin:password'];

const SHUTDOWN_DEADLINE_MS = 10_000;

async function runMigrations(config: Config): Promise<void> {
  const container = await createContainer(config, 'cli');
  try {
    await migrateToLatest(container.db, container.log);
  } finally {
    await container.close();
  }
}

async function runSeed(config: Config, onlyWhenEmpty: boolean): Promise<void> {
  const container = await createContainer(config, 'cli');
  try {
    await seed(container, { onlyWhenEmpty });
  } finally {
    await container.close();
  }
}

/**
 * Sets or rotates the password of the ADMIN_EMAIL account: from ADMIN_PASSWORD, or with `--stdin`
 * from standard input (keeps it out of the environment and shell history). ADMIN_PASSWORD must be set
 * explicitly: its development default is never taken as a new password by accident.
 */
async function runAdminPassword(config: Config, args: string[]): Promise<void> {
  const password = args.includes('--stdin') ? await readStdin() : process.env.ADMIN_PASSWORD;
  if (!password) {
    throw new AdminAccountError('give the new password in ADMIN_PASSWORD or pipe it with --stdin');
  }
  const container = await createContainer(config, 'cli');
  try {
    const result = await setAdminPassword(container, password);
    console.log(
      `admin password ${result === 'created' ? 'set (account created)' : 'changed'}: ${config.ADMIN_EMAIL}`,
    );
  } finally {
    await container.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // `echo` and here-strings end with a newline that is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

type Stopper = () => Promise<void>;

async function startApi(config: Config): Promise<Stopper> {
  const container = await createContainer(config, 'api');
  await ensureAdmin(container);
  const app = await buildApp(container);
  await app.listen({ port: config.PORT, host: config.HOST });
  const metricsPort = apiMetricsPort(config);
  const metricsServer =
    metricsPort === undefined
      ? undefined
      : await startMetricsServer(container.metrics, { port: metricsPort, host: config.HOST });
  return async () => {
    await app.close();
    await metricsServer?.close();
    await container.close();
  };
}

async function startWorker(config: Config): Promise<Stopper> {
  const container: Container = await createContainer(config, 'worker');
  for (const job of container.background) await job.start();
  const metricsServer = await startWorkerMetricsServer(container);
  container.log.info({ jobs: container.background.map((j) => j.name) }, 'worker started');
  return async () => {
    await metricsServer.close();
    for (const job of [...container.background].reverse()) await job.stop();
    await container.close();
  };
}

async function main(): Promise<void> {
  const command = (process.argv[2] ?? 'all') as Command;
  if (!COMMANDS.includes(command)) {
    console.error(`Unknown command "${command}". Use one of: ${COMMANDS.join(', ')}`);
    process.exit(2);
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  if (command === 'migrate') return runMigrations(config);
  if (command === 'seed') return runSeed(config, false);
  if (command === 'admin:password') return runAdminPassword(config, process.argv.slice(3));

  const tooOld = await checkServerVersions(config);
  if (tooOld.length > 0) {
    console.error(tooOld.join('\n'));
    process.exit(1);
  }
  const stoppers: Stopper[] = [];
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: draining`);
    // Whatever happens, the process is gone within the deadline.
    setTimeout(() => {
      console.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Stop in reverse start order: the API stops taking requests before the worker and gateway go.
    void (async () => {
      for (const stop of [...stoppers].reverse()) await stop().catch((err) => console.error(err));
      process.exit(0);
    })();
  };
  // Before anything starts: a process answers its health check while the later parts still start, and
  // a SIGTERM then must drain what is running, not kill the process outright.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (command === 'all') {
    await runMigrations(config);
    await runSeed(config, true);
  }
  const start = async (part: () => Promise<Stopper>): Promise<void> => {
    if (stopping) return;
    const stopper = await part();
    stoppers.push(stopper);
    // Stopped while it started: the shutdown's list was taken already, so stop it here.
    if (stopping) await stopper().catch((err) => console.error(err));
  };
  if (command === 'gateway' || command === 'all') await start(() => startGateway(config));
  if (command === 'worker' || command === 'all') await start(() => startWorker(config));
  if (command === 'api' || command === 'all') await start(() => startApi(config));
  if (command === 'all' && !stopping) console.log(welcomeBanner(config));
}

main().catch((err) => {
  // A refusal about the admin account is an operator's task, not a crash: print only what to do.
  console.error(err instanceof AdminAccountError ? `Refusing: ${err.message}` : err);
  process.exit(1);
});
