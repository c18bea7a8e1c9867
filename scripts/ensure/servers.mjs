// @ts-check
import os from 'node:os';
import path from 'node:path';
import { capture, isRoot, which } from './system.mjs';

/** The defaults of src/config.ts (test/ensure.test.ts checks they agree). */
export const DEFAULT_URLS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/culture_ticket',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
};

/**
 * @typedef {'postgres' | 'redis' | 'rabbitmq'} ServerId
 * @typedef {{
 *   id: ServerId, name: string, variable: string, url: URL, host: string, port: number,
 *   kind: 'postgres' | 'redis' | 'amqp', tls: boolean, local: boolean,
 *   startable: boolean, note?: string,
 * }} Server
 */

/** Debian packages, Homebrew formula and compose service of each server. */
export const PACKAGES = {
  postgres: { apt: ['postgresql', 'postgresql-contrib'], brew: 'postgresql@15', compose: 'postgres' },
  redis: { apt: ['redis-server'], brew: 'redis', compose: 'redis' },
  rabbitmq: { apt: ['rabbitmq-server'], brew: 'rabbitmq', compose: 'rabbitmq' },
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/;

/**
 * The servers the configuration points at. Only loopback ones are started or installed here.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Server[]}
 */
export function configuredServers(env) {
  /**
   * @param {ServerId} id @param {string} name @param {keyof typeof DEFAULT_URLS} variable
   * @param {Server['kind']} kind @param {number} defaultPort @param {string} tlsProtocol
   */
  const server = (id, name, variable, kind, defaultPort, tlsProtocol) => {
    const url = new URL(env[variable] || DEFAULT_URLS[variable]);
    const host = url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    /** @type {Server} */
    const s = {
      id,
      name,
      variable,
      url,
      host,
      port: Number(url.port || defaultPort),
      kind,
      tls: url.protocol === tlsProtocol,
      local: LOOPBACK.test(url.hostname),
      startable: true,
    };
    return s;
  };
  const servers = [server('postgres', 'PostgreSQL', 'DATABASE_URL', 'postgres', 5432, '')];
  const clusterNodes = (env.REDIS_CLUSTER_NODES ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (clusterNodes.length === 0)
    servers.push(server('redis', 'Redis', 'REDIS_URL', 'redis', 6379, 'rediss:'));
  for (const node of clusterNodes) {
    const [host = '127.0.0.1', port = '6379'] = node.split(':');
    servers.push({
      ...server('redis', 'Redis Cluster node', 'REDIS_URL', 'redis', 6379, 'rediss:'),
      variable: 'REDIS_CLUSTER_NODES',
      host,
      port: Number(port),
      local: LOOPBACK.test(host),
      startable: false,
      note: 'a cluster is started as a whole: bash scripts/redis-cluster.sh start',
    });
  }
  servers.push(server('rabbitmq', 'RabbitMQ', 'AMQP_URL', 'amqp', 5672, 'amqps:'));
  return servers;
}

/** @param {Server} s */
export const where = (s) =>
  `${s.name} at ${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port} (${s.variable})`;

/**
 * @typedef {{ version: string, name: string, port: number, online: boolean }} PgCluster
 * @returns {PgCluster[] | undefined} undefined when Debian's postgresql-common is not installed
 */
export function pgClusters() {
  if (!which('pg_lsclusters')) return undefined;
  const out = capture(['pg_lsclusters', '--no-header']) ?? '';
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 4)
    .map(([version = '', name = '', port = '', status = '']) => ({
      version,
      name,
      port: Number(port),
      online: status.startsWith('online'),
    }));
}

/**
 * How to start an installed server that is down: the command, or why it cannot be started here.
 * The commands are the distribution's daemon commands, so the server is the machine's, not ours.
 * @param {Server} s
 * @returns {{ installed: false } | { installed: true, cmd?: string[], dirs?: string[], cannot?: string, waitMs: number }}
 */
export function startPlan(s) {
  const sudo = isRoot ? [] : ['sudo'];
  if (s.id === 'postgres') {
    const clusters = pgClusters();
    if (clusters === undefined) {
      if (!which('postgres') && !which('pg_ctl')) return { installed: false };
      return {
        installed: true,
        waitMs: 60_000,
        cannot:
          process.platform === 'darwin'
            ? `start it: brew services start ${PACKAGES.postgres.brew}`
            : "start it with your system's service manager (or pg_ctl -D <data directory> start)",
      };
    }
    if (clusters.length === 0) return { installed: false };
    const cluster = clusters.find((c) => c.port === s.port);
    if (!cluster) {
      const list = clusters.map((c) => `${c.version}/${c.name} on ${c.port}`).join(', ');
      const v = clusters[0]?.version ?? '15';
      return {
        installed: true,
        waitMs: 60_000,
        cannot: `no PostgreSQL cluster uses port ${s.port} (there is ${list}); create one: ${[...sudo, 'pg_createcluster', v, 'main', '--port', s.port, '--start'].join(' ')}`,
      };
    }
    return asRoot(
      ['pg_ctlcluster', '--skip-systemctl-redirect', cluster.version, cluster.name, 'start'],
      60_000,
    );
  }
  if (s.id === 'redis') {
    if (!which('redis-server')) return { installed: false };
    if (!s.startable) return { installed: true, waitMs: 0, cannot: s.note };
    // Like the machine's own Redis: loopback only, nothing kept on disk.
    const dir = isRoot ? '/var/lib/redis' : path.join(os.tmpdir(), 'culture-ticket-redis');
    const logDir = isRoot ? '/var/log/redis' : dir;
    const bind = s.host === 'localhost' ? ['127.0.0.1', '-::1'] : [s.host];
    const password = decodeURIComponent(s.url.password);
    return {
      installed: true,
      waitMs: 20_000,
      dirs: [dir, logDir],
      cmd: [
        'redis-server',
        '--daemonize',
        'yes',
        '--bind',
        ...bind,
        '--port',
        String(s.port),
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--logfile',
        path.join(logDir, `redis-${s.port}.log`),
        ...(password ? ['--requirepass', password] : []),
      ],
    };
  }
  if (!which('rabbitmq-server')) return { installed: false };
  // The machine's node listens on 5672 (or RABBITMQ_NODE_PORT); another port would need a second node.
  const nodePort = Number(process.env.RABBITMQ_NODE_PORT || 5672);
  if (s.port !== nodePort) {
    return {
      installed: true,
      waitMs: 0,
      cannot: `the local RabbitMQ node listens on ${nodePort}; point AMQP_URL there or start a node on ${s.port} (RABBITMQ_NODE_PORT=${s.port} RABBITMQ_NODENAME=ct${s.port} rabbitmq-server -detached)`,
    };
  }
  return asRoot(['rabbitmq-server', '-detached'], 120_000);
}

/**
 * A start that needs root: run it as root, else name it (sudo would wait for a password no one types).
 * @param {string[]} cmd
 * @param {number} waitMs
 */
function asRoot(cmd, waitMs) {
  return isRoot
    ? { installed: /** @type {const} */ (true), waitMs, cmd }
    : { installed: /** @type {const} */ (true), waitMs, cannot: `start it: sudo ${cmd.join(' ')}` };
}

/**
 * The one command that gets a missing server on this machine.
 * @param {Server} s
 * @param {{ debian: boolean, docker: boolean }} machine
 */
export function installCommand(s, machine) {
  const pkg = PACKAGES[s.id];
  if (machine.debian) return `${isRoot ? '' : 'sudo '}apt-get install -y ${pkg.apt.join(' ')}`;
  if (process.platform === 'darwin' && !machine.docker) {
    return s.id === 'redis'
      ? `brew install redis`
      : `brew install ${pkg.brew} && brew services start ${pkg.brew}`;
  }
  return `${COMPOSE.join(' ')} up -d --wait ${pkg.compose}${machine.docker ? '' : '   (after installing Docker: https://docs.docker.com/get-docker/)'}`;
}

/** The stores of ops/docker-compose.yml, published on loopback (ops/docker-compose.stores.yml). */
export const COMPOSE = [
  'docker',
  'compose',
  '-f',
  'ops/docker-compose.yml',
  '-f',
  'ops/docker-compose.stores.yml',
];
