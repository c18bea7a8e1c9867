/**
 * What the catalogue needs from the booking work. The composition root passes the real reader
 * (Redis holds); without it nothing is shown as held.
 */
export interface HeldSeatsReader {
  /** Ids of the seats of this showtime currently held (not yet sold). */
  heldSeatIds(showtimeId: string): Promise<Set<string>>;
}

export const noHeldSeats: HeldSeatsReader = {
  heldSeatIds: async () => new Set<string>(),
};
