import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import {
  MINIMUM,
  atLeast,
  checkServerVersions,
  readServerVersions,
  versionProblems,
} from './server-versions.ts';

describe('server versions checked at start', () => {
  const config = loadConfig();
  // The messages name the configured address; the defaults make them predictable here.
  const defaults = loadConfig({});

  it('reads the versions of the configured servers and finds them recent enough', async () => {
    const found = await readServerVersions(config);
    expect(found.postgres?.version).toMatch(/^\d+/);
    expect(found.postgres?.pgTrgm).toBe(true);
    expect(found.redis).toMatch(/^\d+\.\d+/);
    expect(found.rabbitmq).toMatch(/^\d+\.\d+/);
    expect(await checkServerVersions(config)).toEqual([]);
  });

  it('names each server that is too old, its address, the version found and the minimum', () => {
    const problems = versionProblems(
      { postgres: { version: '12.17 (Debian)', pgTrgm: true }, redis: '4.0.14', rabbitmq: '3.7.28' },
      defaults,
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^PostgreSQL 12\.17 \(Debian\) at 127\.0\.0\.1:5432 is too old: .*PostgreSQL 13 or newer/,
      ),
      expect.stringMatching(/^Redis 4\.0\.14 at 127\.0\.0\.1:6379 is too old: .*Redis 5\.0 or newer/),
      expect.stringMatching(
        /^RabbitMQ 3\.7\.28 at 127\.0\.0\.1:5672 is too old: .*RabbitMQ 3\.8 or newer \(quorum queues\)/,
      ),
    ]);
  });

  it('names a PostgreSQL without pg_trgm and how to get it', () => {
    const problems = versionProblems({ postgres: { version: '15.4', pgTrgm: false } }, defaults);
    expect(problems).toEqual([expect.stringContaining('lacks the pg_trgm extension')]);
    expect(problems[0]).toContain('apt-get install -y postgresql-contrib');
  });

  it('leaves out a server that did not answer (the process reports that itself)', () => {
    expect(versionProblems({}, defaults)).toEqual([]);
  });

  it('compares versions part by part', () => {
    expect(atLeast('7.0.15', MINIMUM.redis.version)).toBe(true);
    expect(atLeast('5.0.0', '5.0')).toBe(true);
    expect(atLeast('4.9.9', '5.0')).toBe(false);
    expect(atLeast('3.10.8', MINIMUM.rabbitmq.version)).toBe(true);
    expect(atLeast('15.20 (Debian 15.20-0+deb12u1)', MINIMUM.postgres.version)).toBe(true);
    expect(atLeast('9.6.24', '13')).toBe(false);
  });
});
