import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Logger } from '../../infra/logger.ts';
import type { LivePoint, OnsaleLiveRepository } from './onsale-live.repository.ts';

/** What the waiting room tells about a showtime's line. */
export interface QueueFigures {
  liveFigures(showtimeId: string): Promise<{ waiting: number; active: number; admittedPerSecond: number }>;
  /** Showtimes with a waiting line (the admission ticker's set). */
  queuedShowtimes(): Promise<string[]>;
  /** The draw's commitment and state, entries per second and the proof-of-work difficulty; null without a waiting room. */
  fairness(showtimeId: string): Promise<QueueFairness | null>;
}

export interface QueueFairness {
  commitment: string | null;
  drawnAt: string | null;
  earlyEntrants: number;
  entriesPerSecond: number;
  proofOfWork: boolean;
  difficulty: number;
  baseDifficulty: number;
}

/**
 * What the catalogue tells about sales; undefined when the showtime does not exist. Revenue is the
 * sum of list prices of SOLD seats: an approximation until checkout lands and reports what was paid
 * (coupon discounts, refunds).
 */
export interface SalesFigures {
  salesFigures(showtimeId: string): Promise<{ sold: number; revenue: number } | undefined>;
}

/** Seats held (not yet sold) of a showtime; checkout provides it, the default says none. */
export interface HeldCount {
  heldCount(showtimeId: string): Promise<number>;
}

export const noHolds: HeldCount = { heldCount: async () => 0 };

export interface LiveFigures {
  showtimeId: string;
  waiting: number;
  admittedPerSecond: number;
  active: number;
  held: number;
  sold: number;
  revenue: number;
  series: LivePoint[];
  fairness: QueueFairness | null;
}

/** Most showtimes the sampler visits per run: an onsale has a handful; this only bounds a surprise. */
const MAX_SAMPLED = 100;

/** A showtime's live numbers for the admin dashboard, and the sampler that builds their time series. */
export class OnsaleLiveService {
  constructor(
    private readonly repo: OnsaleLiveRepository,
    private readonly queue: QueueFigures,
    private readonly sales: SalesFigures,
    private readonly holds: HeldCount,
    private readonly log: Logger,
    private readonly clock: Clock,
  ) {}

  async figures(showtimeId: string): Promise<LiveFigures> {
    const sales = await this.sales.salesFigures(showtimeId);
    if (!sales) throw new AppError('SHOWTIME_NOT_FOUND');
    const [queue, held, series, fairness] = await Promise.all([
      this.queue.liveFigures(showtimeId),
      this.holds.heldCount(showtimeId),
      this.repo.series(showtimeId),
      this.queue.fairness(showtimeId),
      // A watched showtime is sampled from now on, even without a waiting line.
      this.repo.track([showtimeId], this.clock.nowMs()),
    ]);
    return {
      showtimeId,
      waiting: queue.waiting,
      admittedPerSecond: Math.round(queue.admittedPerSecond * 10) / 10,
      active: queue.active,
      held,
      sold: sales.sold,
      revenue: sales.revenue,
      series,
      fairness,
    };
  }

  /** One sample of every tracked showtime (queued now, or seen in the last minutes); run by a leased job. */
  async sampleAll(): Promise<number> {
    const now = this.clock.nowMs();
    await this.repo.track(await this.queue.queuedShowtimes(), now);
    const ids = await this.repo.tracked(now, MAX_SAMPLED);
    const t = new Date(now).toISOString();
    let sampled = 0;
    for (const id of ids) {
      try {
        const [queue, sales] = await Promise.all([this.queue.liveFigures(id), this.sales.salesFigures(id)]);
        if (!sales) continue;
        await this.repo.append(id, { t, waiting: queue.waiting, active: queue.active, ...sales });
        sampled++;
      } catch (err) {
        // One showtime failing must not stop the others' samples.
        this.log.warn({ err: (err as Error).message, showtimeId: id }, 'live sample failed');
      }
    }
    return sampled;
  }
}
