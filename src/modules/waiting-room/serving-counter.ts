import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../infra/logger.ts';
import type { QueueState, ServingSnapshot, WaitingRoomRepository } from './waiting-room.repository.ts';

export interface ServingCounterOptions {
  /** How often a polled showtime's snapshot is read (one Redis call). */
  refreshMs: number;
  /** A snapshot older than this (Redis slow or unreachable) is not used: polls ask the store. */
  staleMs: number;
  /** A showtime nobody polled for this long stops refreshing and forgets its users' places. */
  idleMs: number;
  /** Places remembered per showtime (least recently polled forgotten first). */
  maxUsers: number;
}

export const DEFAULT_SERVING_COUNTER: ServingCounterOptions = {
  refreshMs: 250,
  staleMs: 1_000,
  idleMs: 30_000,
  maxUsers: 200_000,
};

/** What a poll is answered with when the snapshot suffices. */
export interface HotPosition {
  position: number;
  measuredRate: number | undefined;
  /** Redis clock at the snapshot, moved on by the time since it was read. */
  now: number;
  /** The entry's public id, when it was learned with the place. */
  entryId: string | undefined;
}

interface Place {
  /** The user's score in the line (sequence number, or 1..n for the drawn). */
  score: number;
  /** The lowest position reported to this user so far: a reported position never grows. */
  reported: number;
  /** Kept with the place so that a steady poll does not compute its HMAC again. */
  entryId: string | undefined;
}

interface Room {
  snapshot?: ServingSnapshot;
  /** performance.now() when the snapshot was read. */
  readAt: number;
  lastPollAt: number;
  users: LRUCache<string, Place>;
  timer: NodeJS.Timeout;
  refreshing: boolean;
}

/**
 * The serving-counter model (docs/waiting-room.md "Polling without a store call"): per API instance
 * and polled showtime, a snapshot of the admitted-up-to score refreshed a few times a second, and the
 * places (scores) of the users polling here, learned from their first store answer. A poll whose place
 * is known and still above the counter is answered as `score − servedUpTo`: every waiting score is an
 * integer above the counter and no two are equal, so at most that many people can be ahead (leavers
 * still count until the counter passes them). Anything else asks the store (`null`).
 */
export class ServingCounter {
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly repo: WaitingRoomRepository,
    private readonly log: Logger,
    private readonly options: ServingCounterOptions,
  ) {}

  /** The user's position from the snapshot, or null when the store must answer. */
  position(showtimeId: string, userId: string): HotPosition | null {
    const room = this.room(showtimeId);
    const snap = room.snapshot;
    const age = performance.now() - room.readAt;
    if (!snap || age > this.options.staleMs) return null;
    // Before the draw, or with someone waiting at or below the counter (a draw placed after
    // admissions), `score − servedUpTo` could understate: ask the store.
    if (snap.early > 0 || snap.below > 0) return null;
    const place = room.users.get(userId);
    // At or below the counter the user may have been admitted; above `seq` the place is from a line
    // that Redis has since lost.
    if (!place || place.score <= snap.servedUpTo || place.score > snap.seq) return null;
    place.reported = Math.min(place.reported, place.score - snap.servedUpTo);
    return {
      position: place.reported,
      measuredRate: snap.measuredRate,
      now: snap.now + Math.round(age),
      entryId: place.entryId,
    };
  }

  /** Remembers (or forgets) a user's place from what the store answered for them. */
  learn(showtimeId: string, userId: string, state: QueueState, entryId?: string): void {
    const room = this.room(showtimeId);
    if (state.status !== 'WAITING' || state.score === undefined) {
      room.users.delete(userId);
      return;
    }
    // Leavers are learned from snapshots, each listing those after the one before: a place is only
    // trusted once a snapshot exists and is not newer than the answer (replies can be handled out of
    // order, and a newer snapshot may already have listed this user as a leaver).
    if (!room.snapshot || state.leftSeen === undefined || room.snapshot.left > state.leftSeen) {
      room.users.delete(userId);
      return;
    }
    const known = room.users.get(userId);
    // The store's position is exact; keep the lower of it and what was reported for the same place.
    const reported =
      known && known.score === state.score ? Math.min(known.reported, state.position) : state.position;
    room.users.set(userId, { score: state.score, reported, entryId: entryId ?? known?.entryId });
  }

  /** The user left (or was released) through this instance. */
  forget(showtimeId: string, userId: string): void {
    this.rooms.get(showtimeId)?.users.delete(userId);
  }

  /** Showtimes being refreshed (tests, metrics). */
  get showtimes(): string[] {
    return [...this.rooms.keys()];
  }

  stop(): void {
    for (const room of this.rooms.values()) clearInterval(room.timer);
    this.rooms.clear();
  }

  private room(showtimeId: string): Room {
    let room = this.rooms.get(showtimeId);
    if (!room) {
      const timer = setInterval(() => void this.refresh(showtimeId), this.options.refreshMs);
      // Refreshing alone must not keep a process alive.
      timer.unref();
      room = {
        readAt: 0,
        lastPollAt: performance.now(),
        users: new LRUCache<string, Place>({ max: this.options.maxUsers }),
        timer,
        refreshing: false,
      };
      this.rooms.set(showtimeId, room);
      void this.refresh(showtimeId);
    }
    room.lastPollAt = performance.now();
    return room;
  }

  private async refresh(showtimeId: string): Promise<void> {
    const room = this.rooms.get(showtimeId);
    // A slow Redis must not pile up overlapping reads.
    if (!room || room.refreshing) return;
    if (performance.now() - room.lastPollAt > this.options.idleMs) {
      clearInterval(room.timer);
      this.rooms.delete(showtimeId);
      return;
    }
    room.refreshing = true;
    try {
      const startedAt = performance.now();
      const previous = room.snapshot;
      const snap = await this.repo.servingSnapshot(showtimeId, previous ? previous.left : -1);
      if (this.rooms.get(showtimeId) !== room) return;
      // Counters that went back mean Redis lost the line: every remembered place is void.
      if (snap.leavers === 'all' || (previous && (snap.seq < previous.seq || snap.left < previous.left))) {
        room.users.clear();
      } else {
        for (const userId of snap.leavers) room.users.delete(userId);
      }
      room.snapshot = snap;
      room.readAt = startedAt;
    } catch (err) {
      // The snapshot ages and polls ask the store meanwhile; the next refresh tries again.
      this.log.warn({ err: (err as Error).message, showtimeId }, 'serving counter refresh failed');
    } finally {
      room.refreshing = false;
    }
  }
}
