import { describe, expect, it } from 'vitest';
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { loadConfig } from '../src/config.ts';
import { ROOT, freePort } from './processes.ts';

/**
 * scripts/ensure.mjs, the step `npm start` and `npm test` run first, for its server part (the
 * node_modules part must not run npm ci under a running test). Each case points one server at a
 * free loopback port; the others are the machine's, already up.
 */

const CONFIGURED = ['DATABASE_URL', 'REDIS_URL', 'AMQP_URL', 'REDIS_CLUSTER_NODES', 'CT_ENSURE'];

function ensure(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !CONFIGURED.includes(k)));
  const child = spawn(process.execPath, ['scripts/ensure.mjs', 'servers'], {
    cwd: ROOT,
    env: { ...base, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const redisInstalled = (process.env.PATH ?? '')
  .split(path.delimiter)
  .some((dir) => dir && existsSync(path.join(dir, 'redis-server')));

const hostPort = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port}`;
};

describe('npm start / npm test ensure step', () => {
  it('passes when every configured server answers, on the addresses of the config defaults', async () => {
    const res = await ensure({ CT_ENSURE: 'check' });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const defaults = loadConfig({});
    expect(res.stdout).toContain(
      `PostgreSQL ${hostPort(defaults.DATABASE_URL)}, Redis ${hostPort(defaults.REDIS_URL)}, ` +
        `RabbitMQ ${hostPort(defaults.AMQP_URL)} answer`,
    );
  });

  it('stops with the server, its address and the install command when a server is missing and installing is off', async () => {
    const port = await freePort();
    // A PATH without redis-server: this machine as one where Redis was never installed.
    const emptyBin = mkdtempSync(path.join(os.tmpdir(), 'ct-no-redis-'));
    const res = await ensure({ REDIS_URL: `redis://127.0.0.1:${port}`, CT_ENSURE: 'start', PATH: emptyBin });
    rmSync(emptyBin, { recursive: true, force: true });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`Redis at 127.0.0.1:${port} (REDIS_URL) does not answer`);
    expect(res.stderr).toContain('Redis is not installed');
    expect(res.stderr).toContain('CT_ENSURE=start');
    const command = existsSync('/etc/debian_version')
      ? 'apt-get install -y redis-server'
      : /brew install redis|docker compose .* up -d --wait redis/;
    expect(res.stderr).toMatch(command);
  });

  it.runIf(redisInstalled)(
    'stops with the start command when an installed server is down and starting is off',
    async () => {
      const port = await freePort();
      const res = await ensure({ REDIS_URL: `redis://127.0.0.1:${port}`, CT_ENSURE: 'check' });
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`Redis at 127.0.0.1:${port} (REDIS_URL) does not answer`);
      expect(res.stderr).toContain(`redis-server --daemonize yes --bind 127.0.0.1 --port ${port}`);
    },
  );

  it.runIf(redisInstalled)(
    'starts an installed server that is down, as a daemon that outlives the step',
    async () => {
      const port = await freePort();
      const res = await ensure({ REDIS_URL: `redis://127.0.0.1:${port}`, CT_ENSURE: 'start' });
      try {
        expect(res.stderr).toBe('');
        expect(res.code).toBe(0);
        expect(res.stdout).toContain(`Redis at 127.0.0.1:${port} (REDIS_URL) is down; starting it`);
        const { stdout } = await promisify(execFile)('redis-cli', ['-p', String(port), 'ping']);
        expect(stdout.trim()).toBe('PONG');
      } finally {
        await promisify(execFile)('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(
          () => undefined,
        );
        rmSync(`/var/log/redis/redis-${port}.log`, { force: true });
      }
    },
  );

  it('names a remote server that does not answer without trying to start it', async () => {
    // TEST-NET-1: routable nowhere, so the connect times out.
    const res = await ensure({ AMQP_URL: 'amqp://guest:guest@192.0.2.1:5672' });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('RabbitMQ at 192.0.2.1:5672 (AMQP_URL) does not answer');
    expect(res.stderr).toContain('not on this machine');
  });

  it('runs only the stores of ops/docker-compose.yml with Docker, published on loopback', () => {
    type Compose = { services: Record<string, { ports?: string[] }> };
    const read = (file: string) => parse(readFileSync(path.join(ROOT, 'ops', file), 'utf8')) as Compose;
    const stores = read('docker-compose.stores.yml').services;
    const all = read('docker-compose.yml').services;
    expect(Object.keys(stores).sort()).toEqual(['postgres', 'rabbitmq', 'redis']);
    for (const [name, service] of Object.entries(stores)) {
      expect(all[name]).toBeDefined();
      expect(service.ports?.length).toBeGreaterThan(0);
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
  });
});
