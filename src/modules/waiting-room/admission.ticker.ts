import { randomUUID } from 'node:crypto';
import type { Counter, Histogram } from 'prom-client';
import { LeasedJob } from '../../infra/lease.ts';
import type { Logger } from '../../infra/logger.ts';
import type { RedisClient } from '../../infra/redis.ts';
import type { Background } from '../../container.ts';
import type { QueueDraw } from './draw.ts';
import type { QueueSettingsCache } from './queue-settings.ts';
import type { WaitingRoomRepository } from './waiting-room.repository.ts';

export interface TickerOptions {
  /** How often the leader ticks; the admitted count follows elapsed time, not the tick count. */
  intervalMs: number;
  /** A tick later than this (a paused leader, a failover) catches up at most this much time. */
  maxCatchUpMs: number;
  /** Time constant of the measured admission rate (EWMA) behind wait estimates. */
  rateTauMs: number;
}

export const DEFAULT_TICKER: TickerOptions = { intervalMs: 1_000, maxCatchUpMs: 10_000, rateTauMs: 10_000 };

export interface TickReport {
  showtimeId: string;
  admitted: string[];
  now: number;
}

/**
 * Admits users of every showtime that has a waiting line. It visits only the showtimes in the ready
 * set (kept by entries and drained here), reads their settings in one query, and runs one atomic
 * script per showtime. Correct under any number of concurrent tickers: the script moves each user
 * once, and its admission count follows the time since the last tick stored per showtime, so a
 * second ticker right after the first finds nothing due. The lease only avoids wasted work.
 */
export class AdmissionTicker {
  constructor(
    private readonly repo: WaitingRoomRepository,
    private readonly settings: QueueSettingsCache,
    private readonly draw: QueueDraw,
    private readonly options: TickerOptions,
    private readonly admissions?: Counter,
    private readonly tickDuration?: Histogram,
  ) {}

  async tickOnce(): Promise<TickReport[]> {
    const end = this.tickDuration?.startTimer();
    try {
      return await this.tick();
    } finally {
      end?.();
    }
  }

  private async tick(): Promise<TickReport[]> {
    const ids = await this.repo.readyShowtimes();
    if (ids.length === 0) return [];
    const settings = await this.settings.many(ids);
    const reports: TickReport[] = [];
    for (const showtimeId of ids) {
      const s = settings.get(showtimeId);
      if (!s || !s.enabled) {
        // Deleted showtime or queue switched off: the gate lets everyone through, nobody to admit.
        await this.repo.unmarkReady(showtimeId);
        continue;
      }
      // Wall time, not the injected clock: the admit script decides the draw against Redis's TIME, and
      // the two must agree on which side of the opening this tick is.
      const salesOpen = Date.now() >= s.salesOpenAt.getTime();
      const admit = () =>
        this.repo.admit(showtimeId, {
          // Before sales open the clock runs with rate 0, so opening does not release a banked burst.
          ratePerSecond: salesOpen ? s.admitPerSecond : 0,
          maxActive: s.maxActive,
          sessionMs: s.sessionSeconds * 1000,
          batchId: randomUUID(),
          maxCatchUpMs: this.options.maxCatchUpMs,
          rateTauMs: this.options.rateTauMs,
          salesOpenAtMs: s.salesOpenAt.getTime(),
        });
      let result = await admit();
      if (result.drawPending) {
        // Sales have opened with early entrants in the draw: the script admitted nobody. Draw, then
        // admit (the draw restarted the admission clock, so this does not release a burst).
        await this.draw.run(showtimeId, s.salesOpenAt.getTime());
        result = await admit();
      }
      if (result.admitted.length > 0) this.admissions?.inc(result.admitted.length);
      if (result.waitingLeft === 0) await this.repo.markDrained(showtimeId);
      reports.push({ showtimeId, admitted: result.admitted, now: result.now });
    }
    return reports;
  }

  /** The worker's background job: ticks on whichever worker holds the lease. */
  job(redis: RedisClient, log: Logger): Background {
    const leased = new LeasedJob({
      name: 'waiting-room-admission',
      intervalMs: this.options.intervalMs,
      redis,
      log,
      run: async () => {
        await this.tickOnce();
      },
    });
    return { name: 'waiting-room-admission', start: () => leased.start(), stop: () => leased.stop() };
  }
}
