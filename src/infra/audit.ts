import type { DbOrTx } from './db.ts';

/** One admin action as the audit log keeps it: who, what, on which record, the state before and after. */
export interface AuditEntry {
  actorId: string;
  action: string;
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

/**
 * Records an admin action in the transaction that makes it, so the entry commits or rolls back with
 * the change. The audit module implements it; the modules with admin desks take it as a port.
 */
export interface AuditPort {
  record(tx: DbOrTx, entry: AuditEntry): Promise<void>;
}
