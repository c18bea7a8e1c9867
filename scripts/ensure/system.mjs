// @ts-check
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where the output of the commands this step runs goes (daemons must not hold our stdout). */
export const LOG_DIR = path.join(os.tmpdir(), 'culture-ticket-ensure');

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
export const isDebian = existsSync('/etc/debian_version');

/**
 * The path of an executable on PATH (plus the sbin directories, which a normal user's PATH often
 * lacks on Debian although rabbitmq-server lives there), or undefined.
 * @param {string} name
 */
export function which(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** @param {string[]} cmd */
export const shellLine = (cmd) =>
  cmd.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(' ');

/**
 * Runs a command to completion with its output in a log file, in its own session: a daemon it forks
 * (redis-server --daemonize, rabbitmq-server -detached, the postmaster) belongs to the machine, not
 * to npm start, and keeps running after it stops.
 * @param {string[]} cmd
 * @param {string} logName
 * @param {{ env?: NodeJS.ProcessEnv, timeoutMs?: number }} [opts]
 * @returns {Promise<{ ok: boolean, log: string }>}
 */
export function runDetached(cmd, logName, opts = {}) {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = path.join(LOG_DIR, `${logName}.log`);
  const fd = openSync(log, 'a');
  return new Promise((resolve) => {
    const [file, ...args] = cmd;
    const child = spawn(/** @type {string} */ (file), args, {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: opts.env ?? process.env,
      cwd: ROOT,
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.once('error', () => {
      clearTimeout(timer);
      resolve({ ok: false, log });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, log });
    });
  });
}

/**
 * Output of a quick command, or undefined when it fails.
 * @param {string[]} cmd
 */
export function capture(cmd) {
  const [file, ...args] = cmd;
  const res = spawnSync(/** @type {string} */ (file), args, { encoding: 'utf8', timeout: 10_000 });
  return res.status === 0 ? res.stdout : undefined;
}
