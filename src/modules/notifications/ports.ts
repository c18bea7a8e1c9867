import type { MailLang } from '../mail/index.ts';

/** Where a user's mail goes and in which language; notifications never reads the users table. */
export interface NotificationContacts {
  /** Live accounts among `userIds` (withdrawn ones are absent). */
  contactsOf(userIds: string[]): Promise<Map<string, { email: string; language: MailLang }>>;
}

/** A showtime as a booking notification names it (the catalogue's door labels fit). */
export interface NotifiedShowtime {
  title: string;
  startsAt: Date;
  venue: string;
}

export interface NotificationShowtimes {
  /** Labels of these showtimes, deleted ones included: a booking outlives its listing. */
  labels(showtimeIds: string[]): Promise<Map<string, NotifiedShowtime>>;
}

/** Who a reservation belongs to, for events that do not say (ticket.issuance_failed, old cancels). */
export interface NotificationReservations {
  ownerOf(
    reservationId: string,
  ): Promise<{ userId: string; bookingNumber: string | null; showtimeId: string } | undefined>;
}

export const noShowtimes: NotificationShowtimes = { labels: async () => new Map() };
export const noReservations: NotificationReservations = { ownerOf: async () => undefined };
