/**
 * What the waiting room needs from other modules. The composition root plugs in the catalogue, which
 * owns the showtimes and their queue settings; the waiting room never reads its tables.
 */

/** A showtime's queue columns as the catalogue stores them. */
export interface ShowtimeQueueFacts {
  showtimeId: string;
  enabled: boolean;
  admitPerSecond: number;
  maxActive: number;
  sessionSeconds: number;
  salesOpenAt: Date;
  salesCloseAt: Date;
  /** Minutes before sales open that entries are accepted; null: the waiting room's default. */
  opensBeforeMinutes: number | null;
  /** Entering needs a solved proof-of-work challenge. */
  proofOfWork: boolean;
  /** The challenge's base maxnumber; null: the waiting room's default. */
  powDifficulty: number | null;
}

/** The queue settings of live (not deleted) showtimes; ids without one are left out. */
export interface QueueSettingsPort {
  queueSettings(showtimeIds: string[]): Promise<ShowtimeQueueFacts[]>;
}
