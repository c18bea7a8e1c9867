import type { Infra } from '../../container.ts';
import { AuditRepository } from './audit.repository.ts';
import { auditRoutes } from './audit.routes.ts';
import { AuditLog, type AuditRecorder } from './audit.service.ts';
import { auditHttpRecorder } from './http-recorder.ts';
import type { ActorDirectory } from './ports.ts';
import './audit.tables.ts';

export type { AuditEntry, AuditRecorder } from './audit.service.ts';
export type { ActorDirectory } from './ports.ts';

/**
 * The audit log of admin actions. Other modules receive `recorder` (an AuditRecorder port) and call
 * `recorder.record(tx, {actorId, action, target, before, after, requestId})` inside the transaction
 * of the change; `httpRecorder` (registered first in the API scope) records the admin writes that
 * do not. See docs/admin-desks.md.
 */
export function createAuditModule(
  infra: Pick<Infra, 'db' | 'clock' | 'log'>,
  ports: { actors: ActorDirectory },
) {
  const log = new AuditLog({
    db: infra.db,
    repo: new AuditRepository(),
    clock: infra.clock,
    actors: ports.actors,
  });
  return {
    recorder: log as AuditRecorder,
    log,
    routes: auditRoutes({ log }),
    httpRecorder: auditHttpRecorder({ audit: log, db: infra.db, log: infra.log }),
  };
}
