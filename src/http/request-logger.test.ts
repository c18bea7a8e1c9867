import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLoggerFactory } from './request-logger.ts';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level }, stream);
  let children = 0;
  const child = logger.child.bind(logger);
  logger.child = ((...args: Parameters<typeof child>) => {
    children++;
    return child(...args);
  }) as typeof logger.child;
  return { logger, lines, childrenMade: () => children };
}

async function appWith(level: string) {
  const log = capture(level);
  const app = Fastify({
    loggerInstance: log.logger,
    childLoggerFactory: requestLoggerFactory,
    disableRequestLogging: true,
  });
  app.get('/quiet', async () => ({ ok: true }));
  app.get('/loud', async (request) => {
    request.log.info('an info line');
    request.log.warn({ detail: 42 }, 'a warning');
    return { ok: true };
  });
  await app.ready();
  return { app, ...log };
}

describe('request logger', () => {
  it('binds the request id to every line logged at an enabled level', async () => {
    const { app, lines } = await appWith('warn');
    const res = await app.inject({ method: 'GET', url: '/loud' });
    expect(res.statusCode).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'a warning', detail: 42, reqId: expect.any(String) });
    await app.close();
  });

  it('logs below the threshold nowhere and builds no child for a request that logs nothing', async () => {
    const { app, lines, childrenMade } = await appWith('warn');
    const atStart = childrenMade();
    for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: '/quiet' });
    expect(childrenMade() - atStart).toBe(0);
    await app.inject({ method: 'GET', url: '/loud' });
    expect(childrenMade() - atStart).toBe(1);
    expect(lines.map((l) => l.msg)).toEqual(['a warning']);
    await app.close();
  });

  it('keeps each request its own id', async () => {
    const { app, lines } = await appWith('info');
    await app.inject({ method: 'GET', url: '/loud' });
    await app.inject({ method: 'GET', url: '/loud' });
    const ids = new Set(lines.map((l) => l.reqId));
    expect(lines).toHaveLength(4);
    expect(ids.size).toBe(2);
    await app.close();
  });
});
