/**
 * What the users module needs from others, as narrow ports it owns. The composition root plugs in
 * auth's sessions; users never imports auth (auth depends on users, not the other way round).
 */

/** Ending a user's sign-in sessions (their refresh and access tokens), after a password change. */
export interface SessionRevoker {
  endAllSessions(userId: string, opts?: { exceptSessionId?: string }): Promise<void>;
}
