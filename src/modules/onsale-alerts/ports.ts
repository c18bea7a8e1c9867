/**
 * What the alert jobs and routes need from other modules, as narrow ports wired in container.ts:
 * the catalogue (showtimes, titles, venues) and checkout (who holds confirmed reservations). This
 * module never reads their tables.
 */

/** A listed showtime as alerts, reminders and invitations name it. */
export interface AlertShowtime {
  showtimeId: string;
  performanceId: string;
  title: string;
  startsAt: Date;
  salesOpenAt: Date;
  /** Start plus the performance's running time. */
  endsAt: Date;
  venueName: string;
  venueAddress: string;
}

/** A performance as the alert list names it. */
export interface AlertPerformance {
  performanceId: string;
  title: string;
  /** The earliest salesOpenAt of its listed showtimes still ahead, or null when none is. */
  nextSalesOpenAt: Date | null;
}

export interface AlertCatalog {
  /** A listed showtime (not deleted, of a listed performance), or undefined. */
  showtime(showtimeId: string): Promise<AlertShowtime | undefined>;
  /** True when the performance can be shown to anyone (not deleted, not a draft). */
  isListed(performanceId: string): Promise<boolean>;
  /** Listed showtimes whose salesOpenAt is in [from, until), earliest first, at most `limit`. */
  openingBetween(from: Date, until: Date, limit: number): Promise<AlertShowtime[]>;
  /** Listed showtimes starting in [from, until), earliest first, at most `limit`. */
  startingBetween(from: Date, until: Date, limit: number): Promise<AlertShowtime[]>;
  /** Listed showtimes whose end (start + running time) is in [from, until), at most `limit`. */
  endingBetween(from: Date, until: Date, limit: number): Promise<AlertShowtime[]>;
  /** Labels of these showtimes (deleted ones left out). */
  showtimes(showtimeIds: string[]): Promise<Map<string, AlertShowtime>>;
  /** Labels of these performances (unlisted ones left out); `now` decides what is "ahead". */
  performances(performanceIds: string[], now: Date): Promise<Map<string, AlertPerformance>>;
}

/** A confirmed reservation of a showtime, as a reminder names it. */
export interface ConfirmedHolding {
  reservationId: string;
  userId: string;
  /** Seat labels, e.g. "A구역 B열 12번". */
  seats: string[];
  /** A seat was sold at a ticket type that needs proof at the door. */
  proofRequired: boolean;
}

export interface ShowtimeHolders {
  /** CONFIRMED reservations of a showtime, by reservation id. */
  confirmedOf(showtimeId: string): Promise<ConfirmedHolding[]>;
}

export const noHolders: ShowtimeHolders = { confirmedOf: async () => [] };
