import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './processes.ts';

/**
 * Structure of ops/docker-compose.yml, checked without Docker (CI runs `docker compose config`
 * too when the client has the compose plugin).
 */
interface Service {
  command?: string[];
  image?: string;
  build?: unknown;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  environment?: Record<string, string>;
}

const composePath = path.join(ROOT, 'ops/docker-compose.yml');
const compose = parse(readFileSync(composePath, 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;

describe('ops/docker-compose.yml', () => {
  it('runs the whole stack', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'api1',
        'api2',
        'gateway',
        'grafana',
        'migrate',
        'nginx',
        'postgres',
        'postgres-replica',
        'prometheus',
        'rabbitmq',
        'redis',
        'worker',
      ].sort(),
    );
    expect(services.api1?.command).toEqual(['api']);
    expect(services.api2?.command).toEqual(['api']);
    expect(services.worker?.command).toEqual(['worker']);
    expect(services.gateway?.command).toEqual(['gateway']);
  });

  it('gives every long-running service a health check', () => {
    const without = Object.entries(services)
      .filter(([name, s]) => name !== 'migrate' && !s.healthcheck)
      .map(([name]) => name);
    expect(without).toEqual([]);
  });

  it('depends only on services that exist, and starts the API after migrations', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const dep of Object.keys(s.depends_on ?? {}))
        expect(services, `${name} → ${dep}`).toHaveProperty([dep]);
    }
    expect(services.api1?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
  });

  it('mounts files that exist in the repository', () => {
    for (const s of Object.values(services)) {
      for (const volume of s.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (!source.startsWith('.')) continue; // a named volume
        expect(existsSync(path.resolve(path.dirname(composePath), source)), source).toBe(true);
      }
    }
  });

  it('points nginx at the API services and Prometheus at every instance', () => {
    const upstreams = readFileSync(path.join(ROOT, 'ops/nginx/docker/upstream-servers.conf'), 'utf8');
    expect(upstreams).toContain('server api1:3000');
    expect(upstreams).toContain('server api2:3000');
    const prometheus = readFileSync(path.join(ROOT, 'ops/prometheus/prometheus.yml'), 'utf8');
    for (const target of ['api1:9465', 'api2:9465', 'worker:9464']) expect(prometheus).toContain(target);
  });

  it('leaves no secret with a value in the file: they come from the environment', () => {
    const env = services.api1?.environment ?? {};
    for (const name of ['JWT_SECRET', 'PAYMENT_GATEWAY_SECRET', 'TICKET_SIGNING_SECRET', 'ADMIN_PASSWORD']) {
      expect(env[name], name).toBe(`\${${name}:-}`);
    }
  });
});

describe('Dockerfile', () => {
  it('runs Node itself, so a SIGTERM reaches the process that drains', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const entrypoint = /^ENTRYPOINT (.+)$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(entrypoint ?? 'null')).toEqual(['node', '--import', 'tsx', 'src/main.ts']);
  });
});
