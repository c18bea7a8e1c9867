/**
 * Redis keys of the waiting room. Every key of one showtime carries the hash tag `{st:<id>}` so the
 * per-showtime scripts touch one slot and run unchanged on Redis Cluster. The one cross-showtime key,
 * the set of showtimes with waiting users, is never touched by a script: it is updated by a separate
 * command after the script (see admission.ticker.ts for why that stays correct).
 */
export interface QueueKeys {
  /** zset userId → arrival sequence number (from `seq`), so equal arrival times cannot reorder. */
  waiting: string;
  /** zset userId → session expiry (epoch ms). */
  active: string;
  /** hash userId → token id (jti) of the user's current admission. */
  sessions: string;
  /** INCR counter giving each arrival its sequence number. */
  seq: string;
  /**
   * hash: last (ms of the last admission tick), carry (fraction of an admission owed), rate, total,
   * served (highest score admitted so far), left (users who ever left the line), drawnAt, drawn.
   */
  meta: string;
  /** zset userId → sequence number of those who entered before sales opened, until the draw. */
  early: string;
  /** zset userId → sequence number: the early entrants as the draw saw them (kept for checking). */
  drawn: string;
  /** list of the latest users who left the line, newest first (meta `left` counts them all). */
  leavers: string;
}

export function queueKeys(showtimeId: string): QueueKeys {
  const base = `q:{st:${showtimeId}}`;
  return {
    waiting: `${base}:waiting`,
    active: `${base}:active`,
    sessions: `${base}:sessions`,
    seq: `${base}:seq`,
    meta: `${base}:meta`,
    early: `${base}:early`,
    drawn: `${base}:drawn`,
    leavers: `${base}:leavers`,
  };
}

/** Set of showtime ids that have waiting users: the only showtimes the admission ticker visits. */
export const READY_SHOWTIMES_KEY = 'q:ready';

/** Idle queue keys disappear after this long (refreshed on every entry and admission). */
export const QUEUE_KEY_TTL_MS = 2 * 86400_000;
