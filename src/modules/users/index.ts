import type { Infra } from '../../container.ts';
import { UsersRepository } from './users.repository.ts';
import { PasswordChecks } from './password-checks.ts';
import type {
  BookerRecords,
  PersonalRecords,
  SessionRevoker,
  SessionStarts,
  UpcomingTickets,
} from './ports.ts';
import { UsersService } from './users.service.ts';
import { usersRoutes, withdrawalRoutes } from './users.routes.ts';
import { WithdrawalService } from './withdrawal.service.ts';
import { UserDirectory, UsersAdmin, type UsersAudit } from './admin-users.service.ts';
import { adminUsersRoutes } from './admin-users.routes.ts';

export type { UsersService, PublicUser, Role } from './users.service.ts';
export type { BookerRecords, SessionRevoker, SessionStarts, UpcomingTickets } from './ports.ts';
export { UsersRepository } from './users.repository.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { assertPasswordPolicy } from './password-policy.ts';
export { BirthDate, Nickname, Phone, UserView } from './users.schemas.ts';

/**
 * The users module: accounts as records, their passwords (hashing, policy, checks limited per
 * account) and /users/me. It depends on no other module: ending sessions is a port (ports.ts) that
 * the composition root fills with auth's sessions.
 */
export function createUsersModule(
  infra: Pick<Infra, 'db' | 'redis' | 'clock'>,
  ports: { sessions: SessionRevoker },
) {
  const service = new UsersService({
    db: infra.db,
    repo: new UsersRepository(),
    sessions: ports.sessions,
    passwords: new PasswordChecks(infra.redis),
    clock: infra.clock,
  });
  return { service, routes: usersRoutes(service) };
}

/**
 * Withdrawal, part of the users module but built after the modules it asks (tickets: upcoming
 * tickets; booking: booker details), which are themselves built after users.
 */
export function createWithdrawal(
  infra: Pick<Infra, 'db' | 'redis' | 'clock'>,
  ports: {
    sessions: SessionRevoker & SessionStarts;
    tickets: UpcomingTickets;
    bookers: BookerRecords;
    personalRecords?: PersonalRecords[];
  },
) {
  const service = new WithdrawalService({
    db: infra.db,
    repo: new UsersRepository(),
    clock: infra.clock,
    passwords: new PasswordChecks(infra.redis),
    ...ports,
  });
  return { service, routes: withdrawalRoutes(service) };
}

/**
 * The users desk and the account lookups other desks need, built after the audit log (which itself
 * asks the users module for admins' emails through `directory`).
 */
export function createUsersDirectory(infra: Pick<Infra, 'db'>) {
  return new UserDirectory({ db: infra.db, repo: new UsersRepository() });
}

export function createUsersAdmin(
  infra: Pick<Infra, 'db' | 'clock'>,
  ports: { sessions: SessionRevoker; audit: UsersAudit },
) {
  const admin = new UsersAdmin({
    db: infra.db,
    repo: new UsersRepository(),
    clock: infra.clock,
    sessions: ports.sessions,
    audit: ports.audit,
  });
  return { admin, routes: adminUsersRoutes({ admin }) };
}
