import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { NewNotification, Notifier } from '../notifications/index.ts';
import { kst } from './alert-copy.ts';
import type { OnsaleAlertsRepository } from './onsale-alerts.repository.ts';
import type { AlertPhase } from './onsale-alerts.tables.ts';
import type { AlertCatalog, AlertShowtime, ShowtimeHolders } from './ports.ts';

/** Where the buyer writes the review of a reservation in the web app (관람후기 쓰기). */
export const reviewFormLink = (reservationId: string): string => `/me/reservations/${reservationId}/review`;

/** Reminders go to showtimes starting within this long. */
export const REMINDER_AHEAD_MS = 24 * 3600_000;
/** Review invitations go to showtimes that ended within this long (a job down longer skips them). */
export const REVIEW_LOOKBACK_MS = 2 * 24 * 3600_000;
const SHOWTIMES_PER_RUN = 1000;
const DELIVER_BATCH = 500;

export interface ShowtimeJobDeps {
  db: Db;
  repo: OnsaleAlertsRepository;
  catalog: AlertCatalog;
  holders: ShowtimeHolders;
  notifier: Pick<Notifier, 'deliver'>;
  clock: Clock;
  publicUrl: string;
}

/**
 * The day-before reminder (SHOW_REMINDER per CONFIRMED reservation, once a showtime is less than
 * 24 h away) and the review invitation (REVIEW_INVITATION per user, once the showtime has ended).
 * Each showtime is worked once: a run row in `alert_runs` is claimed, the holders notified, the run
 * finished. A run left open by a crash is done again next time (the notifier's dedupe keys make the
 * repeat send nothing twice). A reservation confirmed after its showtime's reminder run gets none:
 * its confirmation mail is fresh.
 */
export class ShowtimeJobs {
  constructor(private readonly d: ShowtimeJobDeps) {}

  async remindOnce(): Promise<number> {
    const now = this.d.clock.now();
    const list = await this.d.catalog.startingBetween(
      now,
      new Date(now.getTime() + REMINDER_AHEAD_MS),
      SHOWTIMES_PER_RUN,
    );
    return this.work(
      list,
      'SHOW_REMINDER',
      (s) => s.startsAt,
      (s) => this.reminders(s),
    );
  }

  async inviteOnce(): Promise<number> {
    const now = this.d.clock.now();
    const list = await this.d.catalog.endingBetween(
      new Date(now.getTime() - REVIEW_LOOKBACK_MS),
      new Date(now.getTime() + 1),
      SHOWTIMES_PER_RUN,
    );
    return this.work(
      list,
      'REVIEW_INVITATION',
      (s) => s.startsAt,
      (s) => this.invitations(s),
    );
  }

  private async work(
    list: AlertShowtime[],
    phase: AlertPhase,
    at: (s: AlertShowtime) => Date,
    items: (s: AlertShowtime) => Promise<NewNotification[]>,
  ): Promise<number> {
    const { db, repo, clock, notifier } = this.d;
    if (list.length === 0) return 0;
    const runs = await repo.existingRuns(
      db,
      list.map((s) => s.showtimeId),
      [phase],
    );
    let created = 0;
    for (const s of list) {
      if (runs.get(`${s.showtimeId} ${phase} ${at(s).toISOString()}`) === true) continue;
      await repo.claimRun(db, s.showtimeId, phase, at(s), clock.now());
      const all = await items(s);
      for (let i = 0; i < all.length; i += DELIVER_BATCH)
        created += await notifier.deliver(all.slice(i, i + DELIVER_BATCH));
      await repo.finishRun(db, s.showtimeId, phase, at(s), clock.now());
    }
    return created;
  }

  private async reminders(s: AlertShowtime): Promise<NewNotification[]> {
    const held = await this.d.holders.confirmedOf(s.showtimeId);
    return held.map((h) => ({
      userId: h.userId,
      type: 'SHOW_REMINDER',
      dedupeKey: `SHOW_REMINDER:${h.reservationId}`,
      title: `내일 공연이에요: ${s.title}`,
      body: `${kst(s.startsAt)} · ${s.venueName}${h.seats.length ? ` · ${h.seats.join(', ')}` : ''}`,
      link: '/me/reservations',
      mail: {
        template: 'show-reminder',
        data: {
          performanceTitle: s.title,
          startsAt: s.startsAt.toISOString(),
          venueName: s.venueName,
          venueAddress: s.venueAddress,
          seats: h.seats,
          proofRequired: h.proofRequired,
          ticketsLink: `${this.d.publicUrl}/me/reservations`,
        },
      },
    }));
  }

  private async invitations(s: AlertShowtime): Promise<NewNotification[]> {
    const held = await this.d.holders.confirmedOf(s.showtimeId);
    // One invitation per user; it opens the review form of their first reservation of the showtime
    // (a review is written per reservation; the others are a tap away in 예매 내역).
    const firstReservation = new Map<string, string>();
    for (const h of held)
      if (!firstReservation.has(h.userId)) firstReservation.set(h.userId, h.reservationId);
    return [...firstReservation].map(([userId, reservationId]) => ({
      userId,
      type: 'REVIEW_INVITATION',
      dedupeKey: `REVIEW_INVITATION:${s.showtimeId}`,
      title: `관람은 어떠셨어요? ${s.title}`,
      body: '다른 관객에게 도움이 되는 후기를 남겨 주세요.',
      link: reviewFormLink(reservationId),
      mail: {
        template: 'review-invitation',
        data: {
          performanceTitle: s.title,
          startsAt: s.startsAt.toISOString(),
          link: `${this.d.publicUrl}${reviewFormLink(reservationId)}`,
        },
      },
    }));
  }
}
