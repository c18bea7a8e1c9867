#!/usr/bin/env node
// @ts-check
/**
 * The one step `npm start` and `npm test` run first, so that the two commands are the whole set-up
 * on a fresh machine. Plain Node with no dependencies: it runs before node_modules exists.
 *
 *   node scripts/ensure.mjs start   node_modules, the web build, the servers
 *   node scripts/ensure.mjs test    node_modules, the servers
 *   node scripts/ensure.mjs servers the servers only
 *
 * Servers (DATABASE_URL, REDIS_URL, AMQP_URL): one answering is used as is; one on loopback that is
 * installed but down is started as the machine's daemon; one missing is installed (Debian/Ubuntu as
 * root: apt-get; else Docker: ops/docker-compose.stores.yml). CT_ENSURE=start never installs,
 * CT_ENSURE=check only checks, CT_ENSURE=off skips the servers. Otherwise it stops with exit code 1
 * and a message naming the server, its address and the command that gets it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { probe, waitUntil } from './ensure/probe.mjs';
import { configuredServers, installCommand, startPlan, where } from './ensure/servers.mjs';
import { canInstall, configureNewPostgres, install, machine } from './ensure/install.mjs';
import { ROOT } from './ensure/system.mjs';
import { runDetached, shellLine } from './ensure/system.mjs';

/** @typedef {import('./ensure/servers.mjs').Server} Server */

const MODES = ['install', 'start', 'check', 'off'];
const say = (/** @type {string} */ line) => console.log(`ensure: ${line}`);

function npm(/** @type {string[]} */ args) {
  const res = spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`ensure: npm ${args.join(' ')} failed`);
    process.exit(res.status ?? 1);
  }
}

/** npm ci when node_modules is missing or older than package-lock.json. */
function ensureNodeModules() {
  const installed = path.join(ROOT, 'node_modules/.package-lock.json');
  const lock = statSync(path.join(ROOT, 'package-lock.json')).mtimeMs;
  if (existsSync(installed) && statSync(installed).mtimeMs >= lock) return;
  say(existsSync(installed) ? 'package-lock.json changed: npm ci' : 'no node_modules yet: npm ci');
  npm(['ci', '--no-audit', '--no-fund']);
}

function ensureWebBuild() {
  if (existsSync(path.join(ROOT, 'web/dist/index.html'))) return;
  say('building the web app (first start)');
  npm(['run', 'build:web']);
}

/** @param {Server} s */
const answers = (s) => probe(s.kind, s.host, s.port, { tls: s.tls, timeoutMs: s.local ? 1_000 : 3_000 });

/**
 * @param {Server} s
 * @param {ReturnType<typeof startPlan>} plan
 * @param {string} mode
 * @returns {Promise<string | undefined>} the problem, or undefined once the server answers
 */
async function bringUp(s, plan, mode) {
  if (!plan.installed) return `${where(s)} does not answer and ${s.name} is not installed.`;
  const cmd = plan.cmd;
  if (!cmd) return `${where(s)} does not answer; ${plan.cannot}.`;
  if (mode === 'check')
    return `${where(s)} does not answer (CT_ENSURE=check: not started). Start it:\n  ${shellLine(cmd)}`;
  say(`${where(s)} is down; starting it: ${shellLine(cmd)}`);
  for (const dir of plan.dirs ?? []) mkdirSync(dir, { recursive: true });
  const t = performance.now();
  const run = await runDetached(cmd, s.id);
  if (await waitUntil(() => answers(s), run.ok ? plan.waitMs : 1_000)) {
    say(
      `${s.name} is up (${((performance.now() - t) / 1000).toFixed(1)} s); it keeps running after npm start stops`,
    );
    return undefined;
  }
  return `${where(s)} did not come up after: ${shellLine(cmd)}\n  see ${run.log}`;
}

/** @param {string} mode */
async function ensureServers(mode) {
  const started = performance.now();
  const servers = configuredServers(process.env);
  const up = await Promise.all(servers.map(answers));
  const down = servers.filter((_, i) => !up[i]);
  /** @type {string[]} */
  const problems = [];
  /** @type {Server[]} */
  const missing = [];
  for (const s of down) {
    if (!s.local) {
      problems.push(
        `${where(s)} does not answer. It is not on this machine, so it is not started here: check the address, or start it there.`,
      );
      continue;
    }
    const plan = startPlan(s);
    if (!plan.installed) {
      missing.push(s); // installed together below
      continue;
    }
    const problem = await bringUp(s, plan, mode);
    if (problem) problems.push(problem);
  }

  if (missing.length > 0) {
    const installing = mode === 'install' && canInstall();
    const failed = installing ? await installMissing(missing) : missing;
    const m = machine();
    for (const s of failed) {
      const why = installing
        ? 'and installing it did not work (see above)'
        : mode === 'install'
          ? 'and this machine cannot install it (not Debian/Ubuntu as root, no Docker)'
          : `and installing is switched off (CT_ENSURE=${mode})`;
      problems.push(
        `${where(s)} does not answer: ${s.name} is not installed, ${why}. Get it with:\n  ${installCommand(s, m)}`,
      );
    }
  }

  if (problems.length > 0) {
    for (const p of problems) console.error(`ensure: ${p}`);
    console.error('ensure: then run the command again.');
    process.exit(1);
  }
  const list = servers.map((s) => `${s.name} ${s.host}:${s.port}`).join(', ');
  say(`${list} answer (${Math.round(performance.now() - started)} ms)`);
}

/**
 * @param {Server[]} missing
 * @returns {Promise<Server[]>} the ones still not answering
 */
async function installMissing(missing) {
  const t = performance.now();
  const result = await install(missing, say);
  if (!result.ok) {
    console.error(`ensure: ${result.how} failed; see ${result.log}`);
    return missing;
  }
  say(`installed (${Math.round((performance.now() - t) / 1000)} s)`);
  /** @type {Server[]} */
  const failed = [];
  for (const s of missing) {
    // The package may have started it already; if not, start it like any installed server.
    const problem = (await answers(s)) ? undefined : await bringUp(s, startPlan(s), 'start');
    if (problem || !(await answers(s))) {
      if (problem) console.error(`ensure: ${problem}`);
      failed.push(s);
      continue;
    }
    if (s.id === 'postgres' && result.how.startsWith('apt-get')) configureNewPostgres(s);
  }
  return failed;
}

const what = process.argv[2] ?? 'start';
const mode = process.env.CT_ENSURE || 'install';
if (!['start', 'test', 'servers'].includes(what) || !MODES.includes(mode)) {
  console.error(`usage: CT_ENSURE=${MODES.join('|')} node scripts/ensure.mjs start|test|servers`);
  process.exit(2);
}
if (what !== 'servers') ensureNodeModules();
if (what === 'start') ensureWebBuild();
if (mode !== 'off') await ensureServers(mode);
