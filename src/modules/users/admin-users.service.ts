import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { SessionRevoker } from './ports.ts';
import type { UserRow, UsersRepository } from './users.repository.ts';
import type { Role } from './users.tables.ts';
import type { AuditPort } from '../../infra/audit.ts';

/** The audit log, recorded in the transaction of the change (the audit module fills it). */
export type UsersAudit = AuditPort;

export interface AdminUserView {
  id: string;
  email: string;
  nickname: string;
  phone: string | null;
  role: Role;
  suspended: boolean;
  suspendedAt: string | null;
  createdAt: string;
}

const view = (r: UserRow): AdminUserView => ({
  id: r.id,
  email: r.email,
  nickname: r.nickname,
  phone: r.phone,
  role: r.role,
  suspended: r.suspended_at !== null,
  suspendedAt: r.suspended_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

/**
 * The users desk: search, promote to STAFF or ADMIN (or back), suspend and lift. A suspension or a
 * role change ends every session of the account (its tokens are refused on every instance within
 * seconds: docs/sessions.md); the new role reaches a token at the next sign-in. An admin cannot
 * suspend or demote themselves, so the last admin cannot lock the console by mistake.
 */
export class UsersAdmin {
  constructor(
    private readonly d: {
      db: Db;
      repo: UsersRepository;
      clock: Clock;
      sessions: SessionRevoker;
      audit: UsersAudit;
    },
  ) {}

  async search(f: { q?: string; role?: Role; suspended?: boolean }, page: number, size: number) {
    const { items, total } = await this.d.repo.adminPage(this.d.db, f, page, size);
    return { items: items.map(view), page, size, total };
  }

  async update(
    actorId: string,
    id: string,
    changes: { role?: Role; suspended?: boolean },
    requestId?: string,
  ): Promise<AdminUserView> {
    if (actorId === id && ((changes.role !== undefined && changes.role !== 'ADMIN') || changes.suspended)) {
      throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT');
    }
    const { db, repo, clock } = this.d;
    const result = await db.transaction().execute(async (tx) => {
      const before = await repo.lockForAdmin(tx, id);
      if (!before) throw new AppError('USER_NOT_FOUND');
      const roleChanges = changes.role !== undefined && changes.role !== before.role;
      const wasSuspended = before.suspended_at !== null;
      const suspensionChanges = changes.suspended !== undefined && changes.suspended !== wasSuspended;
      if (!roleChanges && !suspensionChanges) return { row: before, endSessions: false };
      const now = clock.now();
      const row = await repo.setAdminState(
        tx,
        id,
        {
          ...(roleChanges ? { role: changes.role } : {}),
          ...(suspensionChanges ? { suspendedAt: changes.suspended ? now : null } : {}),
        },
        now,
      );
      await this.d.audit.record(tx, {
        actorId,
        action: 'user.update',
        target: { type: 'user', id },
        before: { role: before.role, suspended: wasSuspended },
        after: { role: row.role, suspended: row.suspended_at !== null },
        ...(requestId ? { requestId } : {}),
      });
      return { row, endSessions: roleChanges || (suspensionChanges && changes.suspended === true) };
    });
    // After the commit: a sign-in racing the suspension either saw it or made a session ended here.
    if (result.endSessions) await this.d.sessions.endAllSessions(id);
    return view(result.row);
  }
}

/** The orders desk's BuyerDirectory (booking's port): who matches a search, and who the buyers are. */
export class UserDirectory {
  constructor(private readonly d: { db: Db; repo: UsersRepository }) {}

  matching(q: string, limit: number): Promise<string[]> {
    return this.d.repo.matchingIds(this.d.db, q, limit);
  }

  async profiles(
    ids: string[],
  ): Promise<Map<string, { id: string; email: string; nickname: string; phone: string | null }>> {
    const rows = await this.d.repo.profiles(this.d.db, ids);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The audit log's ActorDirectory. */
  async emailsOf(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.d.repo.profiles(this.d.db, ids);
    return new Map(rows.map((r) => [r.id, r.email]));
  }
}
