import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import { DRAW_ALGORITHM, type DrawSeeds } from './draw.ts';
import type { ProofOfWork } from './proof-of-work.ts';
import type { WaitingRoomRepository } from './waiting-room.repository.ts';
import type { WaitingRoomService } from './waiting-room.service.ts';

/** GET …/queue/audit: what anyone needs to check the draw (docs/waiting-room.md "Verifiable draw"). */
export interface QueueAuditView {
  showtimeId: string;
  algorithm: string;
  /** SHA-256 of the seed; null until the waiting room opens. */
  commitment: string | null;
  /** Published once the draw is done. */
  seed?: string;
  drawAt: string;
  drawnAt: string | null;
  /** Before the draw: how many wait for it now; after: how many it ordered. */
  earlyEntrants: number;
  /** SHA-256 over the entry ids in input order; null until the draw. */
  entriesDigest: string | null;
}

export interface AuditEntriesPage {
  items: { entryId: string; position: number }[];
  page: number;
  size: number;
  total: number;
}

/** The live dashboard's fairness figures. */
export interface QueueFairnessFigures {
  commitment: string | null;
  drawnAt: string | null;
  earlyEntrants: number;
  entriesPerSecond: number;
  proofOfWork: boolean;
  /** The showtime's base difficulty, or the highest raised one handed out in the last 10 s. */
  difficulty: number;
  baseDifficulty: number;
}

/** A draw with nobody early is recorded (seed published) this long after the open, once nothing is pending. */
const EMPTY_DRAW_GRACE_MS = 60_000;

/** The public audit of a showtime's draw, and the fairness figures of the admin's live dashboard. */
export class QueueAudit {
  /** Last entry count seen per showtime (this process), for entries per second. */
  private readonly counts = new Map<string, { count: number; atMs: number; rate: number }>();

  constructor(
    private readonly service: WaitingRoomService,
    private readonly seeds: DrawSeeds,
    private readonly repo: WaitingRoomRepository,
    private readonly pow: ProofOfWork,
    private readonly clock: Clock,
  ) {}

  async audit(showtimeId: string): Promise<QueueAuditView> {
    const settings = await this.service.queuedShowtime(showtimeId);
    const now = this.clock.nowMs();
    const base = {
      showtimeId,
      algorithm: DRAW_ALGORITHM,
      drawAt: settings.salesOpenAt.toISOString(),
    };
    // The commitment is published from the opening of the room: asking creates the seed then.
    if (now < settings.opensAt.getTime() && !(await this.seeds.record(showtimeId))) {
      return { ...base, commitment: null, drawnAt: null, earlyEntrants: 0, entriesDigest: null };
    }
    let record = await this.seeds.record(showtimeId);
    if (!record) {
      await this.seeds.seedOf(showtimeId);
      record = (await this.seeds.record(showtimeId))!;
    }
    if (!record.drawnAt) {
      const state = await this.repo.drawState(showtimeId);
      // Nobody came early and nothing is pending: the draw of nobody is recorded, so the seed can be
      // published (an early set that exists, or a draw applied but not yet recorded, keeps it secret).
      if (state.early === 0 && !state.drawn && now >= settings.salesOpenAt.getTime() + EMPTY_DRAW_GRACE_MS) {
        await this.seeds.markDrawn(showtimeId, { entryIds: [], positions: [], digest: EMPTY_DIGEST });
        record = (await this.seeds.record(showtimeId))!;
      } else if (state.drawn && state.early === 0 && record.entriesDigest) {
        // Applied but never recorded (the drawer stopped in between): the stored list is the one it
        // applied, so publishing it now is publishing the draw.
        const { entryIds, positions, entriesDigest: digest } = record;
        await this.seeds.markDrawn(showtimeId, { entryIds, positions, digest });
        record = (await this.seeds.record(showtimeId))!;
      } else {
        return {
          ...base,
          commitment: record.commitment,
          drawnAt: null,
          earlyEntrants: state.early,
          entriesDigest: null,
        };
      }
    }
    return {
      ...base,
      commitment: record.commitment,
      seed: record.seed,
      drawnAt: record.drawnAt!.toISOString(),
      earlyEntrants: record.earlyEntrants ?? 0,
      entriesDigest: record.entriesDigest,
    };
  }

  /** One page of the drawn list, in draw input order (empty before the draw). */
  async entries(showtimeId: string, page: number, size: number): Promise<AuditEntriesPage> {
    await this.service.queuedShowtime(showtimeId);
    const record = await this.seeds.record(showtimeId);
    if (!record?.drawnAt) return { items: [], page, size, total: 0 };
    const from = (page - 1) * size;
    const items = record.entryIds
      .slice(from, from + size)
      .map((entryId, i) => ({ entryId, position: record.positions[from + i]! }));
    return { items, page, size, total: record.entryIds.length };
  }

  /** Null for a showtime without a waiting room. */
  async fairness(showtimeId: string): Promise<QueueFairnessFigures | null> {
    const settings = await this.service.queuedShowtime(showtimeId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'QUEUE_NOT_ENABLED') return null;
      throw err;
    });
    if (!settings) return null;
    const [record, early, count, raised] = await Promise.all([
      this.seeds.record(showtimeId),
      this.repo.drawState(showtimeId),
      this.repo.entryCount(showtimeId),
      this.pow.raisedDifficulty(showtimeId),
    ]);
    return {
      commitment: record?.commitment ?? null,
      drawnAt: record?.drawnAt?.toISOString() ?? null,
      earlyEntrants: record?.drawnAt ? (record.earlyEntrants ?? 0) : early.early,
      entriesPerSecond: this.entryRate(showtimeId, count),
      proofOfWork: settings.proofOfWork,
      difficulty: Math.max(settings.powDifficulty, raised ?? 0),
      baseDifficulty: settings.powDifficulty,
    };
  }

  /** Entries per second since this process last looked (at least a second ago); the dashboard polls. */
  private entryRate(showtimeId: string, count: number): number {
    const now = this.clock.nowMs();
    const last = this.counts.get(showtimeId);
    if (!last) {
      this.counts.set(showtimeId, { count, atMs: now, rate: 0 });
      return 0;
    }
    if (now - last.atMs < 1_000) return last.rate;
    const rate = Math.round(((count - last.count) / ((now - last.atMs) / 1000)) * 10) / 10;
    this.counts.set(showtimeId, { count, atMs: now, rate: Math.max(0, rate) });
    return Math.max(0, rate);
  }
}

/** SHA-256 of the empty list (no ids, so the empty string). */
const EMPTY_DIGEST = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
