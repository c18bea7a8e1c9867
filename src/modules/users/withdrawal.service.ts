import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { PasswordChecker } from './users.service.ts';
import type {
  BookerRecords,
  PersonalRecords,
  SessionRevoker,
  SessionStarts,
  UpcomingTickets,
} from './ports.ts';
import type { UsersRepository } from './users.repository.ts';

/** Social-only accounts have no password to confirm with: a sign-in this recent stands in for it. */
export const RECENT_SIGN_IN_MS = 5 * 60_000;

export interface WithdrawalDeps {
  db: Db;
  repo: UsersRepository;
  clock: Clock;
  passwords: PasswordChecker;
  sessions: SessionRevoker & SessionStarts;
  tickets: UpcomingTickets;
  bookers: BookerRecords;
  /** Other modules' private records of the user, erased with the account. */
  personalRecords?: PersonalRecords[];
}

/**
 * Withdrawal (회원 탈퇴). Refused while the user holds tickets for shows still to come, or has an
 * order for one being paid or just paid (its ticket is on the way): they would lose them; otherwise the account's personal data is erased in one transaction with the booker
 * details of its reservations, and every session ends. Reservations, payments and tickets stay: the
 * Act on Consumer Protection in Electronic Commerce keeps contract and payment records five years,
 * and they point to the account by id only.
 */
export class WithdrawalService {
  constructor(private readonly d: WithdrawalDeps) {}

  async withdraw(userId: string, proof: { currentPassword?: string; sessionId: string }): Promise<void> {
    const { db, repo } = this.d;
    const row = await repo.findById(db, userId);
    if (!row) throw new AppError('USER_NOT_FOUND');
    await this.confirmIdentity(userId, row.password_hash, proof);
    const now = this.d.clock.now();
    const [upcoming, openOrders] = await Promise.all([
      this.d.tickets.countUpcoming(userId, now),
      this.d.bookers.countOpenOrders(userId, now),
    ]);
    if (upcoming > 0 || openOrders > 0) {
      throw new AppError('HAS_UPCOMING_TICKETS', undefined, { upcomingTickets: upcoming, openOrders });
    }
    await db.transaction().execute(async (tx) => {
      if (!(await repo.erase(tx, userId, now))) throw new AppError('USER_NOT_FOUND');
      await this.d.bookers.eraseBookers(tx, userId);
      for (const records of this.d.personalRecords ?? []) await records.eraseUser(tx, userId);
    });
    await this.d.sessions.endAllSessions(userId);
  }

  private async confirmIdentity(
    userId: string,
    passwordHash: string | null,
    proof: { currentPassword?: string; sessionId: string },
  ): Promise<void> {
    if (passwordHash !== null) {
      if (proof.currentPassword === undefined) {
        throw new AppError('VALIDATION_FAILED', 'body.currentPassword is required', {
          errors: [{ field: 'body.currentPassword', rule: 'required', message: 'is required to withdraw' }],
        });
      }
      if (!(await this.d.passwords.verify(userId, passwordHash, proof.currentPassword))) {
        throw new AppError('WRONG_PASSWORD');
      }
      return;
    }
    const startedAt = await this.d.sessions.startedAt(userId, proof.sessionId);
    if (!startedAt || this.d.clock.nowMs() - startedAt.getTime() > RECENT_SIGN_IN_MS) {
      throw new AppError('RECENT_SIGN_IN_REQUIRED');
    }
  }
}
