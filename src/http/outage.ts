/**
 * Errors that mean a data store could not be reached or is shutting down, as opposed to a bug. They
 * become 503 SERVICE_UNAVAILABLE with Retry-After, so clients and load balancers retry instead of
 * reporting a server fault.
 */
const SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

// PostgreSQL SQLSTATEs: class 08 (connection exception), shutdowns, too many connections.
const PG_STATES = /^(08...|57P0[1-3]|53300)$/;

// ioredis and pg-pool report these by message only.
const MESSAGES = [
  /^Connection is closed\.?$/,
  /enableOfflineQueue options is false/,
  /^Command timed out$/,
  /Reached the max retries per request limit/,
  /^Failed to refresh slots cache/,
  /^None of startup nodes is available/,
  /^CLUSTERDOWN/,
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated/,
  /^Client has encountered a connection error/,
];

export function isStoreOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && (SYSTEM_CODES.has(code) || PG_STATES.test(code))) return true;
  if (error.name === 'MaxRetriesPerRequestError' || error.name === 'ClusterAllFailedError') return true;
  return MESSAGES.some((m) => m.test(error.message));
}

/** Seconds a client should wait before retrying after an outage answer. */
export const OUTAGE_RETRY_AFTER_SECONDS = 2;
