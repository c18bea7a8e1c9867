import type { Clock } from '../../infra/clock.ts';
import type { AuditEntry, AuditPort } from '../../infra/audit.ts';
import type { Db, DbOrTx } from '../../infra/db.ts';
import type { AuditFilter, AuditRepository } from './audit.repository.ts';
import type { ActorDirectory } from './ports.ts';

/** One admin action (src/infra/audit.ts): `action` is `<subject>.<verb>` (order.cancel, user.update …). */
export type { AuditEntry };

/** What other modules call to record an admin action (the port of src/infra/audit.ts). */
export type AuditRecorder = AuditPort;

export interface AuditView {
  id: string;
  actor: { id: string; email: string | null };
  action: string;
  target: { type: string; id: string } | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  at: string;
}

export class AuditLog implements AuditRecorder {
  constructor(private readonly d: { db: Db; repo: AuditRepository; clock: Clock; actors: ActorDirectory }) {}

  async record(db: DbOrTx, entry: AuditEntry): Promise<void> {
    await this.d.repo.insert(db, {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      requestId: entry.requestId ?? null,
      at: this.d.clock.now(),
    });
  }

  async list(
    filter: AuditFilter,
    page: number,
    size: number,
  ): Promise<{ items: AuditView[]; page: number; size: number; total: number }> {
    const { items, total } = await this.d.repo.page(this.d.db, filter, page, size);
    const emails = await this.d.actors.emailsOf([...new Set(items.map((i) => i.actorId))]);
    return {
      items: items.map((i) => ({
        id: i.id,
        actor: { id: i.actorId, email: emails.get(i.actorId) ?? null },
        action: i.action,
        target: i.targetType && i.targetId ? { type: i.targetType, id: i.targetId } : null,
        before: i.before ?? null,
        after: i.after ?? null,
        requestId: i.requestId,
        at: i.at.toISOString(),
      })),
      page,
      size,
      total,
    };
  }
}
