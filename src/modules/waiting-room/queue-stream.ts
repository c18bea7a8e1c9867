import type { Logger } from '../../infra/logger.ts';
import type { QueueView } from './waiting-room.service.ts';

/** What the hub tells one stream: the user's current view, or null when they are no longer queued. */
export type StreamListener = (view: QueueView | null) => void;

export interface StreamHubOptions {
  pollMs: number;
  /** Largest number of users asked about in one Redis call. */
  batchSize: number;
}

type StatusSource = (showtimeId: string, userIds: string[]) => Promise<Map<string, QueueView | null>>;

/**
 * One poller per showtime per API instance, shared by all its SSE clients: every `pollMs` it asks
 * Redis about all subscribed users of a showtime in one script call (per batch), instead of one
 * poll per client per second. It runs only while someone is subscribed.
 */
export class QueueStreamHub {
  private readonly rooms = new Map<string, Map<object, { userId: string; listener: StreamListener }>>();
  private timer?: NodeJS.Timeout;
  private polling = false;

  constructor(
    private readonly source: StatusSource,
    private readonly log: Logger,
    private readonly options: StreamHubOptions,
  ) {}

  subscribe(showtimeId: string, userId: string, listener: StreamListener): () => void {
    let room = this.rooms.get(showtimeId);
    if (!room) {
      room = new Map();
      this.rooms.set(showtimeId, room);
    }
    const handle = {};
    room.set(handle, { userId, listener });
    this.timer ??= setInterval(() => void this.pollAll(), this.options.pollMs);
    return () => {
      const r = this.rooms.get(showtimeId);
      r?.delete(handle);
      if (r && r.size === 0) this.rooms.delete(showtimeId);
      if (this.rooms.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  get subscriberCount(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.size;
    return n;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.rooms.clear();
  }

  private async pollAll(): Promise<void> {
    // A slow Redis must not pile up overlapping polls.
    if (this.polling) return;
    this.polling = true;
    try {
      await Promise.all([...this.rooms.keys()].map((id) => this.pollRoom(id)));
    } finally {
      this.polling = false;
    }
  }

  private async pollRoom(showtimeId: string): Promise<void> {
    const room = this.rooms.get(showtimeId);
    if (!room) return;
    const userIds = [...new Set([...room.values()].map((s) => s.userId))];
    try {
      for (let i = 0; i < userIds.length; i += this.options.batchSize) {
        const views = await this.source(showtimeId, userIds.slice(i, i + this.options.batchSize));
        for (const sub of [...room.values()]) {
          if (views.has(sub.userId)) sub.listener(views.get(sub.userId) ?? null);
        }
      }
    } catch (err) {
      // Clients keep their stream; the next poll tries again.
      this.log.warn({ err: (err as Error).message, showtimeId }, 'queue stream poll failed');
    }
  }
}
