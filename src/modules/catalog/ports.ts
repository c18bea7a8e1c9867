/**
 * What the catalogue needs from the booking work. The composition root passes the real reader
 * (Redis holds); without it nothing is shown as held.
 */
export interface HeldSeatsReader {
  /** Ids of the seats of this showtime currently held (not yet sold). */
  heldSeatIds(showtimeId: string): Promise<Set<string>>;
  /** The held ids and a digest of them: equal sets give equal digests, any change another digest. */
  heldSeats(showtimeId: string): Promise<{ ids: Set<string>; digest: string }>;
  /** The digest heldSeats() would give, without sending the ids (a conditional seat-map read). */
  heldDigest(showtimeId: string): Promise<string>;
}

export const noHeldSeats: HeldSeatsReader = {
  heldSeatIds: async () => new Set<string>(),
  heldSeats: async () => ({ ids: new Set<string>(), digest: '' }),
  heldDigest: async () => '',
};

/** What the catalogue offers the admin live figures: sold seats of a showtime and their prices. */
export interface ShowtimeSales {
  /** Undefined when the showtime does not exist. */
  salesFigures(showtimeId: string): Promise<{ sold: number; revenue: number } | undefined>;
}

/**
 * How many users wished for a performance (the wishlist module provides it). Asked only when the
 * detail cache is filled, so the count in the detail is as old as the cached entry.
 */
export interface WishCounts {
  wishCount(performanceId: string): Promise<number>;
}

export const noWishCounts: WishCounts = { wishCount: async () => 0 };
