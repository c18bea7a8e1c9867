import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import './audit.tables.ts';

export interface AuditRow {
  id: string;
  actorId: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  at: Date;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
}

/** All SQL of the audit log: insert and read, nothing else (the table refuses the rest). */
export class AuditRepository {
  async insert(
    db: DbOrTx,
    row: Omit<AuditRow, 'id' | 'before' | 'after'> & { before: string | null; after: string | null },
  ): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        actor_id: row.actorId,
        action: row.action,
        target_type: row.targetType,
        target_id: row.targetId,
        before: row.before,
        after: row.after,
        request_id: row.requestId,
        at: row.at,
      })
      .execute();
  }

  async page(
    db: DbOrTx,
    filter: AuditFilter,
    page: number,
    size: number,
  ): Promise<{ items: AuditRow[]; total: number }> {
    let q = db.selectFrom('audit_log');
    if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.targetType) q = q.where('target_type', '=', filter.targetType);
    if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
    const [items, count] = await Promise.all([
      q
        .select([
          sql<string>`id::text`.as('id'),
          'actor_id as actorId',
          'action',
          'target_type as targetType',
          'target_id as targetId',
          'before',
          'after',
          'request_id as requestId',
          'at',
        ])
        .orderBy('id', 'desc')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
