// @ts-check
import { readFileSync, writeFileSync } from 'node:fs';
import { capture, isDebian, isRoot, runDetached, which } from './system.mjs';
import { COMPOSE, PACKAGES, pgClusters } from './servers.mjs';

/** @typedef {import('./servers.mjs').Server} Server */

/** What this machine offers for installing a missing server. */
export function machine() {
  const docker = Boolean(which('docker')) && capture(['docker', 'compose', 'version']) !== undefined;
  return { debian: isDebian, docker };
}

/**
 * Installs the missing servers with the distribution's packages (Debian/Ubuntu as root) or, with
 * Docker, runs the stores of ops/docker-compose.yml on the configured loopback ports.
 * @param {Server[]} missing
 * @param {(line: string) => void} say
 * @returns {Promise<{ ok: boolean, log: string, how: string }>}
 */
export async function install(missing, say) {
  const m = machine();
  if (m.debian && isRoot) {
    const packages = missing.flatMap((s) => PACKAGES[s.id].apt);
    say(`installing ${packages.join(' ')} with apt-get (a few minutes the first time)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = await runDetached(['apt-get', 'update', '-qq'], 'apt-get', { env, timeoutMs: 600_000 });
    if (!update.ok) return { ...update, how: 'apt-get update' };
    const cmd = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages];
    return { ...(await runDetached(cmd, 'apt-get', { env, timeoutMs: 1_200_000 })), how: cmd.join(' ') };
  }
  if (m.docker) {
    const services = missing.map((s) => PACKAGES[s.id].compose);
    const env = { ...process.env };
    for (const s of missing) {
      env[`CT_${s.id.toUpperCase()}_PORT`] = String(s.port);
      if (s.id === 'postgres') env.CT_POSTGRES_USER = decodeURIComponent(s.url.username) || 'postgres';
      if (s.id === 'rabbitmq') {
        env.CT_RABBITMQ_USER = decodeURIComponent(s.url.username) || 'guest';
        env.CT_RABBITMQ_PASSWORD = decodeURIComponent(s.url.password) || 'guest';
      }
    }
    const cmd = [...COMPOSE, 'up', '-d', '--wait', ...services];
    say(`starting ${services.join(', ')} from ops/docker-compose.yml with Docker`);
    return { ...(await runDetached(cmd, 'docker-compose', { env, timeoutMs: 900_000 })), how: cmd.join(' ') };
  }
  return { ok: false, log: '', how: '' };
}

/** True when this step can install here (Debian/Ubuntu as root, else Docker). */
export function canInstall() {
  const m = machine();
  return (m.debian && isRoot) || m.docker;
}

/**
 * A cluster the Debian package just created accepts only password logins over TCP, and the
 * postgres role has none. Let the configured user in: with its password when the URL has one,
 * else trust on loopback for that user only (what the project's development machines use).
 * @param {Server} s
 */
export function configureNewPostgres(s) {
  const cluster = pgClusters()?.find((c) => c.port === s.port);
  if (!cluster) return;
  const user = decodeURIComponent(s.url.username) || 'postgres';
  const password = decodeURIComponent(s.url.password);
  const psql = (/** @type {string} */ sql) =>
    capture(['runuser', '-u', 'postgres', '--', 'psql', '-p', String(s.port), '-qAtc', sql]);
  const ident = `"${user.replaceAll('"', '""')}"`;
  if (user !== 'postgres') psql(`CREATE ROLE ${ident} LOGIN SUPERUSER`);
  if (password) {
    psql(`ALTER ROLE ${ident} PASSWORD '${password.replaceAll("'", "''")}'`);
    return;
  }
  const hba = `/etc/postgresql/${cluster.version}/${cluster.name}/pg_hba.conf`;
  const lines = [`host all ${user} 127.0.0.1/32 trust`, `host all ${user} ::1/128 trust`];
  const current = readFileSync(hba, 'utf8');
  if (!current.includes(lines[0] ?? '')) {
    writeFileSync(
      hba,
      `# culture-ticket (npm start): loopback logins of ${user}\n${lines.join('\n')}\n${current}`,
    );
    capture(['pg_ctlcluster', '--skip-systemctl-redirect', cluster.version, cluster.name, 'reload']);
  }
}
