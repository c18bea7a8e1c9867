import type { Infra } from '../../container.ts';
import { UsersRepository } from './users.repository.ts';
import { PasswordChecks } from '../auth/password-attempts.ts';
import { UsersService, type SessionRevoker } from './users.service.ts';
import { usersRoutes } from './users.routes.ts';

export type { UsersService, PublicUser } from './users.service.ts';

/** The users module: accounts as records and /users/me. Auth supplies the session revoker. */
export function createUsersModule(infra: Pick<Infra, 'db' | 'redis'>, ports: { sessions: SessionRevoker }) {
  const service = new UsersService(
    new UsersRepository(infra.db),
    ports.sessions,
    new PasswordChecks(infra.redis),
  );
  return { service, routes: usersRoutes(service) };
}
