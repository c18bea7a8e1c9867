import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { AdmissionGate } from '../booking/ports.ts';
import type { AdmissionTokens } from './admission-tokens.ts';
import type { DrawSeeds, EntryIds } from './draw.ts';
import type { ProofOfWork } from './proof-of-work.ts';
import type { ServingCounter } from './serving-counter.ts';
import { StatusBatcher } from './status-batch.ts';
import type { QueueState, WaitingRoomRepository } from './waiting-room.repository.ts';
import type { QueueSettings, QueueSettingsCache } from './queue-settings.ts';

export interface QueueView {
  status: 'WAITING' | 'ADMITTED';
  /** 1-based while WAITING (1 = next to be admitted); 0 once admitted; null until the draw. */
  position: number | null;
  ahead: number | null;
  estimatedWaitSeconds: number;
  /** For an early entrant: when the draw places them (sales open). */
  drawAt?: string;
  admissionToken?: string;
  expiresAt?: string;
  /** The public, per-showtime pseudonymous id of this entry: the id the draw and its audit list use. */
  entryId: string;
}

/** Enter, poll and leave a showtime's waiting room; the admission gate checkout asks. */
export class WaitingRoomService implements AdmissionGate {
  constructor(
    private readonly repo: WaitingRoomRepository,
    private readonly settings: QueueSettingsCache,
    private readonly tokens: AdmissionTokens,
    private readonly seeds: DrawSeeds,
    private readonly clock: Clock,
    private readonly ids: EntryIds,
    private readonly pow: ProofOfWork,
    private readonly counter: ServingCounter,
  ) {}

  /** Polls the counter cannot answer, batched per showtime into STATUS_MANY calls. */
  private readonly storeStatus = new StatusBatcher((showtimeId, userIds) =>
    this.repo.statusMany(showtimeId, userIds),
  );

  /**
   * Enters the queue. With the showtime's proof of work on, `altcha` must be a solved, unused challenge
   * of this showtime (400 CHALLENGE_REQUIRED otherwise); it is checked after the opening times, so a
   * too-early entry does not burn the challenge.
   */
  async enter(showtimeId: string, userId: string, altcha?: string): Promise<QueueView> {
    const settings = await this.queuedShowtime(showtimeId);
    const now = this.clock.nowMs();
    if (now >= settings.salesCloseAt.getTime()) throw new AppError('SALES_NOT_OPEN', 'Sales have closed');
    if (now < settings.opensAt.getTime()) {
      const opensAt = settings.opensAt.toISOString();
      throw new AppError('QUEUE_NOT_OPEN', `The waiting room opens at ${opensAt}`, { opensAt });
    }
    if (settings.proofOfWork) await this.pow.redeem(showtimeId, altcha);
    // The draw's seed exists before the first early entry is recorded (so it can be committed to
    // before anyone's place depends on it). A minute of slack covers this clock against Redis's.
    if (now < settings.salesOpenAt.getTime() + 60_000) await this.seeds.seedOf(showtimeId);
    const state = await this.repo.enter(showtimeId, userId, settings.salesOpenAt.getTime());
    this.counter.learn(showtimeId, userId, state, this.ids.of(showtimeId, userId));
    const view = await this.toView(showtimeId, userId, state, settings);
    if (!view) throw new AppError('NOT_IN_QUEUE');
    return view;
  }

  /**
   * A poll. In the steady state it is answered from this instance's serving counter with no store
   * call (the position may overstate while leavers ahead are not yet passed, never understate);
   * otherwise — unknown user, possibly admitted, before the draw, stale snapshot — Redis answers, in
   * one STATUS_MANY call for the polls of the showtime arriving together.
   */
  async status(showtimeId: string, userId: string): Promise<QueueView> {
    const settings = await this.queuedShowtime(showtimeId);
    const hot = this.fromCounter(showtimeId, userId, settings);
    if (hot) return hot;
    const state = await this.storeStatus.status(showtimeId, userId);
    this.counter.learn(showtimeId, userId, state, this.ids.of(showtimeId, userId));
    const view = await this.toView(showtimeId, userId, state, settings);
    if (!view) throw new AppError('NOT_IN_QUEUE');
    return view;
  }

  /**
   * The steady poll without a promise, for the fast lane: the view when the showtime's settings are
   * cached and this instance's serving counter knows the user; undefined otherwise (status() decides,
   * with its errors).
   */
  statusNow(showtimeId: string, userId: string): QueueView | undefined {
    const settings = this.settings.peek(showtimeId);
    if (!settings?.enabled) return undefined;
    return this.fromCounter(showtimeId, userId, settings);
  }

  private fromCounter(showtimeId: string, userId: string, settings: QueueSettings): QueueView | undefined {
    const hot = this.counter.position(showtimeId, userId);
    if (!hot) return undefined;
    return {
      status: 'WAITING',
      position: hot.position,
      ahead: hot.position - 1,
      estimatedWaitSeconds: estimateWait(hot.position, hot.measuredRate, settings, hot.now),
      entryId: hot.entryId ?? this.ids.of(showtimeId, userId),
    };
  }

  /** Stops refreshing the serving counters (the HTTP app is closing). */
  stopPolling(): void {
    this.counter.stop();
  }

  /** Views of many users of one showtime (null = not in the queue), read in one round trip. */
  async statusMany(showtimeId: string, userIds: string[]): Promise<Map<string, QueueView | null>> {
    const settings = await this.queuedShowtime(showtimeId);
    const states = await this.repo.statusMany(showtimeId, userIds);
    const out = new Map<string, QueueView | null>();
    for (const [userId, state] of states)
      out.set(userId, await this.toView(showtimeId, userId, state, settings));
    return out;
  }

  /** A proof-of-work challenge for entering (whether or not the showtime requires one). */
  async challenge(showtimeId: string, ip: string) {
    const settings = await this.queuedShowtime(showtimeId);
    return this.pow.challenge(showtimeId, settings.powDifficulty, ip);
  }

  /** Line length, live sessions and measured admissions per second (the admin's live figures). */
  async liveFigures(
    showtimeId: string,
  ): Promise<{ waiting: number; active: number; admittedPerSecond: number }> {
    return this.repo.figures(showtimeId);
  }

  /** Showtimes with a waiting line (the admission ticker's set). */
  async queuedShowtimes(): Promise<string[]> {
    return this.repo.readyShowtimes();
  }

  async leave(showtimeId: string, userId: string): Promise<void> {
    await this.queuedShowtime(showtimeId);
    await this.repo.leave(showtimeId, userId);
    // Other instances drop the place at their next snapshot (the leavers list); this one at once.
    this.counter.forget(showtimeId, userId);
  }

  /** Checks the showtime exists and has a waiting room; the settings otherwise. */
  async queuedShowtime(showtimeId: string): Promise<QueueSettings> {
    const settings = await this.settings.get(showtimeId);
    if (!settings) throw new AppError('SHOWTIME_NOT_FOUND');
    if (!settings.enabled) throw new AppError('QUEUE_NOT_ENABLED');
    return settings;
  }

  // --- AdmissionGate (used by checkout) ---

  async assertAdmitted(input: {
    showtimeId: string;
    userId: string;
    token: string | undefined;
  }): Promise<void> {
    // Checkout asks only for showtimes its own facts call queued (fresher than this module's settings
    // cache, which an admin's change reaches up to two seconds later), so the gate reads no settings:
    // a missing or forged token is refused on its signature alone, with no store call; only a
    // well-signed token of this user and showtime costs the one Redis read of the live session.
    const claims = input.token ? await this.tokens.verify(input.token) : null;
    const valid =
      claims !== null &&
      claims.userId === input.userId &&
      claims.showtimeId === input.showtimeId &&
      (await this.repo.isSessionActive(input.showtimeId, input.userId, claims.jti));
    if (!valid) throw new AppError('ADMISSION_REQUIRED');
  }

  async release(showtimeId: string, userId: string): Promise<void> {
    await this.repo.leave(showtimeId, userId);
    this.counter.forget(showtimeId, userId);
  }

  private async toView(
    showtimeId: string,
    userId: string,
    state: QueueState,
    settings: QueueSettings,
  ): Promise<QueueView | null> {
    if (state.status === 'NONE') return null;
    const entryId = this.ids.of(showtimeId, userId);
    if (state.status === 'ADMITTED') {
      const admissionToken = await this.tokens.sign({
        userId,
        showtimeId,
        jti: state.jti,
        expiresAtMs: state.expiresAtMs,
      });
      const expiresAt = new Date(state.expiresAtMs).toISOString();
      return {
        status: 'ADMITTED',
        position: 0,
        ahead: 0,
        estimatedWaitSeconds: 0,
        admissionToken,
        expiresAt,
        entryId,
      };
    }
    if (state.status === 'EARLY') {
      // Anywhere in 1..early after the draw: the estimate takes the middle.
      const middle = Math.ceil(state.early / 2);
      return {
        status: 'WAITING',
        position: null,
        ahead: null,
        estimatedWaitSeconds: estimateWait(middle, state.measuredRate, settings, state.now),
        drawAt: settings.salesOpenAt.toISOString(),
        entryId,
      };
    }
    return {
      status: 'WAITING',
      position: state.position,
      ahead: state.position - 1,
      estimatedWaitSeconds: estimateWait(state.position, state.measuredRate, settings, state.now),
      entryId,
    };
  }
}

/**
 * Seconds until `position` is admitted: position ÷ the measured admission rate (the configured rate
 * until one is measured), plus the time until sales open. The rate is floored at 1% of the configured
 * one so a full house (no slot freed for a while) shows a long wait rather than infinity.
 */
export function estimateWait(
  position: number,
  measuredRate: number | undefined,
  settings: QueueSettings,
  nowMs: number,
): number {
  const rate = Math.max(measuredRate ?? settings.admitPerSecond, settings.admitPerSecond / 100);
  const untilOpen = Math.max(0, settings.salesOpenAt.getTime() - nowMs) / 1000;
  return Math.ceil(untilOpen + position / rate);
}
