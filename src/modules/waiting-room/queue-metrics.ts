import type { Metrics } from '../../infra/metrics.ts';
import type { WaitingRoomRepository } from './waiting-room.repository.ts';

/** At most this many showtimes get their own series: an explicit top-N keeps the label set bounded. */
export const QUEUE_METRICS_TOP_N = 20;
/** Showtimes of the ticker's set looked at to pick the top N (one ZCARD each, at scrape time). */
const CANDIDATES = 200;

/**
 * `waiting_room_waiting` and `waiting_room_active` per showtime, read from Redis at scrape time.
 * Only the showtimes in the ticker's ready set (those with a waiting line) are candidates, and only
 * the N longest lines are exported, so `showtime_id` never grows without bound. Registered by the
 * worker only: every API instance reading the same Redis keys per scrape would add load and nothing else.
 */
export function observeQueues(metrics: Metrics, repo: WaitingRoomRepository): void {
  let last: Promise<Map<string, { waiting: number; active: number }>> | undefined;
  // The registry collects both gauges concurrently in one scrape: they share one Redis read.
  const read = (): Promise<Map<string, { waiting: number; active: number }>> => {
    last ??= topQueues(repo).finally(() => {
      last = undefined;
    });
    return last;
  };
  metrics.gauge({
    name: 'waiting_room_waiting',
    help: `Users waiting per showtime (top ${QUEUE_METRICS_TOP_N} lines of the ticker's set)`,
    labelNames: ['showtime_id'] as const,
    async collect() {
      this.reset();
      for (const [id, f] of await read()) this.set({ showtime_id: id }, f.waiting);
    },
  });
  metrics.gauge({
    name: 'waiting_room_active',
    help: `Admitted buyers with a live session per showtime (same showtimes as waiting_room_waiting)`,
    labelNames: ['showtime_id'] as const,
    async collect() {
      this.reset();
      for (const [id, f] of await read()) this.set({ showtime_id: id }, f.active);
    },
  });
}

async function topQueues(
  repo: WaitingRoomRepository,
): Promise<Map<string, { waiting: number; active: number }>> {
  const ids = (await repo.readyShowtimes()).slice(0, CANDIDATES);
  const figures = await Promise.all(ids.map(async (id) => ({ id, ...(await repo.figures(id)) })));
  figures.sort((a, b) => b.waiting - a.waiting);
  return new Map(
    figures.slice(0, QUEUE_METRICS_TOP_N).map((f) => [f.id, { waiting: f.waiting, active: f.active }]),
  );
}
