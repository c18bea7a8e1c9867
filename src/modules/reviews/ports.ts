import type { AuditPort } from '../../infra/audit.ts';
import type { ContentScreen } from '../../infra/content-screen.ts';

/**
 * What reviews needs from other modules, as narrow ports. The composition root plugs in checkout
 * (reservations), the catalogue (showtimes, performances) and users (nicknames); reviews never reads
 * their tables.
 */

/** A reservation as the review rule needs it (checkout's reservations). */
export interface ReviewedReservation {
  userId: string;
  status: string;
  showtimeId: string;
}

export interface ReviewReservations {
  /** The reservation's buyer, status and showtime; undefined when there is none. */
  reservationOf(reservationId: string): Promise<ReviewedReservation | undefined>;
}

/** A showtime as reviews names it (the catalogue's door labels fit). */
export interface ReviewShowtime {
  performanceId: string;
  title: string;
  startsAt: Date;
}

export interface ReviewShowtimes {
  /** Labels of these showtimes, deleted ones included: a review outlives its listing. */
  labels(showtimeIds: string[]): Promise<Map<string, ReviewShowtime>>;
}

export interface ReviewPerformances {
  /** The performance exists and buyers can see it. */
  isListed(performanceId: string): Promise<boolean>;
}

export interface ReviewAuthors {
  /** Live accounts among `ids` (withdrawn ones are absent). */
  profiles(ids: string[]): Promise<Map<string, { nickname: string }>>;
}

export type ReviewsAudit = AuditPort;
export type ReviewsContentScreen = ContentScreen;
