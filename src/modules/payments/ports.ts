/** What the payment routes need from checkout (implemented by the booking module, wired in container.ts). */
export interface CheckoutSettlement {
  /** The buyer is back from the gateway: verify and settle their payment. */
  /**
   * `counted`: the route's rate limit, counted while the reservation is read; awaited before the
   * gateway is asked, and its 429 answers before any other refusal.
   */
  complete(
    paymentId: string,
    userId: string,
    counted?: Promise<void>,
  ): Promise<{ reservationId: string; status: string }>;
  /** The gateway notified us about a payment: verify and settle it. Unknown payments are ignored. */
  notify(paymentId: string): Promise<void>;
}
