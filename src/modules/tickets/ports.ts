/**
 * What the door needs from other modules, as narrow ports. The composition root plugs in the
 * catalogue (showtimes and their titles) and the users module (the holder); tickets never reads
 * their tables.
 */

/** A showtime as the door names it. */
export interface ShowtimeLabel {
  showtimeId: string;
  performanceId: string;
  title: string;
  startsAt: Date;
  venue: string;
}

export interface DoorShowtimes {
  /** Labels of these showtimes, deleted ones included: a ticket outlives its listing. */
  labels(showtimeIds: string[]): Promise<Map<string, ShowtimeLabel>>;
  /** Showtimes not deleted that start in [from, until), earliest first, at most `limit`. */
  startingBetween(from: Date, until: Date, limit: number): Promise<ShowtimeLabel[]>;
}

/** The account a ticket was bought with; tickets masks it before anyone at the door sees it. */
export interface TicketHolders {
  holder(userId: string): Promise<{ nickname: string; email: string } | undefined>;
}

/** Without the catalogue wired, the door still answers; it just cannot name the show. */
export const noShowtimes: DoorShowtimes = {
  labels: async () => new Map(),
  startingBetween: async () => [],
};

export const noHolders: TicketHolders = { holder: async () => undefined };
