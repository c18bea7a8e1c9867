import type { QueueState } from './waiting-room.repository.ts';

interface Batch {
  /** The users asked about, each with the polls waiting for the answer. */
  users: Map<string, Array<{ resolve: (state: QueueState) => void; reject: (err: unknown) => void }>>;
  sent: boolean;
}

/**
 * Polls that need the store (a user this instance has not seen poll, a place the counter cannot
 * vouch for) and arrive together share one `STATUS_MANY` call per showtime. At an onsale's opening
 * every user's first poll on every instance needs the store, and all of them run on the showtime's
 * one Redis slot: asked one by one that is a call per poll; batched, one call per showtime per turn
 * of the event loop (the polls read from the sockets in that turn), up to `maxBatch` users each.
 * The answers are the same: STATUS_MANY runs the same status function for each user at one time.
 */
export class StatusBatcher {
  private readonly pending = new Map<string, Batch>();

  constructor(
    private readonly read: (showtimeId: string, userIds: string[]) => Promise<Map<string, QueueState>>,
    private readonly maxBatch = 200,
  ) {}

  status(showtimeId: string, userId: string): Promise<QueueState> {
    let batch = this.pending.get(showtimeId);
    if (batch === undefined) {
      const created: Batch = { users: new Map(), sent: false };
      this.pending.set(showtimeId, created);
      setImmediate(() => this.send(showtimeId, created));
      batch = created;
    }
    const current = batch;
    return new Promise<QueueState>((resolve, reject) => {
      const waiting = current.users.get(userId);
      if (waiting) waiting.push({ resolve, reject });
      else current.users.set(userId, [{ resolve, reject }]);
      if (current.users.size >= this.maxBatch) this.send(showtimeId, current);
    });
  }

  private send(showtimeId: string, batch: Batch): void {
    if (this.pending.get(showtimeId) === batch) this.pending.delete(showtimeId);
    if (batch.sent) return;
    batch.sent = true;
    this.read(showtimeId, [...batch.users.keys()]).then(
      (states) => {
        for (const [userId, waiting] of batch.users) {
          // STATUS_MANY answers for every user it was asked about.
          const state = states.get(userId)!;
          for (const w of waiting) w.resolve(state);
        }
      },
      (err: unknown) => {
        for (const waiting of batch.users.values()) for (const w of waiting) w.reject(err);
      },
    );
  }
}
