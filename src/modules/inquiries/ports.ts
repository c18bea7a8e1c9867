/** What the inquiries module asks others; it never reads their tables. */

/** Checkout: who a reservation belongs to, and its booking number (booking.bookers fits). */
export interface InquiryReservations {
  ownerOf(reservationId: string): Promise<{ userId: string; bookingNumber: string | null } | undefined>;
}

/** Users: nicknames for the thread, nickname and email for the support desk. */
export interface InquiryPeople {
  profiles(ids: string[]): Promise<Map<string, { nickname: string; email: string }>>;
}
