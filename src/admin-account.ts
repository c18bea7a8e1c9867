import type { Container } from './container.ts';
import { DEV_SECRETS } from './config.ts';
import { AppError } from './errors.ts';
import { systemClock } from './infra/clock.ts';
import {
  assertPasswordPolicy,
  hashPassword,
  UsersRepository,
  verifyPassword,
} from './modules/users/index.ts';

/** The command an operator runs to set or rotate the admin password (named in every refusal). */
export const ADMIN_PASSWORD_COMMAND = 'npm run admin:password (tsx src/main.ts admin:password)';

/** The admin account cannot be ensured or changed as asked; the message says what to do. */
export class AdminAccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminAccountError';
  }
}

export type AdminState = 'created' | 'exists' | 'not-admin';

/** Without a clock (a tool that builds no container) the system clock stamps verification and updates. */
type Deps = Pick<Container, 'db' | 'config' | 'log'> & Partial<Pick<Container, 'clock'>>;

/** The users module's repository: this tool reads and writes `users` only through it. */
const users = new UsersRepository();

/**
 * Makes sure the admin account of ADMIN_EMAIL exists, at API start and on seed. It creates the account
 * (with ADMIN_PASSWORD) only when the address is free; an existing account is never promoted and its
 * password never replaced: anyone could have signed up with that address before the first start, and
 * promoting them would hand over the platform. Passwords change only through ADMIN_PASSWORD_COMMAND.
 *
 * Throws AdminAccountError in production when the address belongs to a non-admin, or when the admin
 * still has the development password; elsewhere the first is logged as an error and start goes on.
 */
export async function ensureAdmin(deps: Deps): Promise<AdminState> {
  const { db, config, log } = deps;
  const clock = deps.clock ?? systemClock;
  const email = config.ADMIN_EMAIL;
  let row = await users.findByEmail(db, email);
  let state: AdminState = 'exists';
  if (!row) {
    // The development default (printed at start, refused in production) breaks the policy's
    // "no email in the password" rule for the default address; a chosen password must follow it.
    if (config.ADMIN_PASSWORD !== DEV_SECRETS.ADMIN_PASSWORD) {
      assertAdminPasswordPolicy(config.ADMIN_PASSWORD, email);
    }
    // Two instances starting at once: the unique email decides, the loser reads the winner's row.
    await users.insertAdminUnlessTaken(
      db,
      { email, passwordHash: await hashPassword(config.ADMIN_PASSWORD) },
      clock.now(),
    );
    row = await users.findByEmail(db, email);
    if (!row) throw new AdminAccountError(`the admin account ${email} could not be created`);
    state = 'created';
  }
  if (row.role !== 'ADMIN') {
    const message =
      `ADMIN_EMAIL ${email} belongs to an existing ${row.role} account, which is NOT promoted to ADMIN. ` +
      'There is no admin from ADMIN_EMAIL: set ADMIN_EMAIL to an unused address (or change the role in SQL ' +
      'if that person really is the admin).';
    if (config.NODE_ENV === 'production') throw new AdminAccountError(message);
    log.error({ email, role: row.role }, message);
    return 'not-admin';
  }
  if (row.password_hash !== null && (await verifyPassword(row.password_hash, DEV_SECRETS.ADMIN_PASSWORD))) {
    if (config.NODE_ENV === 'production') {
      throw new AdminAccountError(
        `the admin account ${email} still has the development password; set a real one with ` +
          `${ADMIN_PASSWORD_COMMAND}, reading ADMIN_PASSWORD or --stdin`,
      );
    }
    log.info(`development admin: ${email} / ${DEV_SECRETS.ADMIN_PASSWORD}`);
  }
  return state;
}

/**
 * Sets the admin password (creating the admin account when the address is free) and signs the admin
 * out of every device. Refuses an address held by a non-admin, a password breaking the policy, and
 * the development password in production.
 */
export async function setAdminPassword(
  deps: Deps & Pick<Container, 'sessions'>,
  password: string,
): Promise<'created' | 'updated'> {
  const { db, config, log } = deps;
  const clock = deps.clock ?? systemClock;
  const email = config.ADMIN_EMAIL;
  assertAdminPasswordPolicy(password, email);
  if (config.NODE_ENV === 'production' && password === DEV_SECRETS.ADMIN_PASSWORD) {
    throw new AdminAccountError('the development password cannot be the admin password in production');
  }
  const passwordHash = await hashPassword(password);
  const result = await db.transaction().execute(async (tx) => {
    const row = await users.findByEmail(tx, email, { forUpdate: true });
    if (!row) {
      const id = await users.insertAdminUnlessTaken(tx, { email, passwordHash }, clock.now());
      if (!id) throw new AdminAccountError(`the admin account ${email} could not be created`);
      return { state: 'created' as const, id };
    }
    if (row.role !== 'ADMIN') {
      throw new AdminAccountError(
        `ADMIN_EMAIL ${email} belongs to a ${row.role} account; it is not promoted and its password is left alone`,
      );
    }
    await users.update(tx, row.id, { passwordHash }, clock.now());
    return { state: 'updated' as const, id: row.id };
  });
  // Whoever held the old password is signed out everywhere: refresh and access tokens alike.
  if (result.state === 'updated') await deps.sessions.endAllSessions(result.id);
  log.info({ email, result: result.state }, 'admin password set');
  return result.state;
}

function assertAdminPasswordPolicy(password: string, email: string): void {
  try {
    assertPasswordPolicy(password, email, 'ADMIN_PASSWORD');
  } catch (err) {
    if (err instanceof AppError) throw new AdminAccountError(err.message);
    throw err;
  }
}
