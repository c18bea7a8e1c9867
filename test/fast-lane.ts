import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Response as InjectResponse } from 'light-my-request';

/**
 * Answers of the same request from the fast lane (over the socket) and from the route (`inject`),
 * in one shape to compare (src/http/fast-lane.ts; the lanes' tests).
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Set by Node per connection or per moment, not by the route. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The answer without the transport's headers and the named ones (those that differ per request). */
export function comparable(a: Answer, drop: readonly string[] = []): Answer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(a.headers)) {
    if (!TRANSPORT.has(name) && !drop.includes(name)) headers[name] = value;
  }
  return { status: a.status, headers, body: a.body };
}

export async function fromSocket(res: Response): Promise<Answer> {
  return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

export function fromInject(res: InjectResponse): Answer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) headers[name] = String(value);
  return { status: res.statusCode, headers, body: res.body };
}

/**
 * Starts the app listening on a free loopback port (requests over the socket meet the lanes) and
 * returns its base URL. Close it with `closeAllConnections()` before the app: fetch keeps them alive.
 */
export async function listenLocally(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}
