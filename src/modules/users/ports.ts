import type { Tx } from '../../infra/db.ts';

/**
 * What the users module needs from others, as narrow ports it owns. The composition root plugs in
 * auth's sessions; users never imports auth (auth depends on users, not the other way round).
 */

/** Ending a user's sign-in sessions (their refresh and access tokens), after a password change. */
export interface SessionRevoker {
  endAllSessions(userId: string, opts?: { exceptSessionId?: string }): Promise<void>;
}

/** What withdrawal needs of the sessions: when one began (a recent sign-in stands in for a password). */
export interface SessionStarts {
  startedAt(userId: string, sessionId: string): Promise<Date | undefined>;
}

/** The tickets module: the user's ISSUED tickets for showtimes that have not started at `now`. */
export interface UpcomingTickets {
  countUpcoming(userId: string, now: Date): Promise<number>;
}

/** The booking module at withdrawal; the reservations themselves are kept. */
export interface BookerRecords {
  /** Orders being paid for, or paid for a showtime that has not started at `now`. */
  countOpenOrders(userId: string, now: Date): Promise<number>;
  /** Erases the booker's name and phone on the user's reservations, in the caller's transaction. */
  eraseBookers(tx: Tx, userId: string): Promise<number>;
}

/**
 * Another module's private records of a user with no reason to outlive the account (the assistant's
 * conversations), erased in the withdrawal's transaction.
 */
export interface PersonalRecords {
  eraseUser(tx: Tx, userId: string): Promise<void>;
}
