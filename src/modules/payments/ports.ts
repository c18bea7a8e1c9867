/** What the payment routes need from checkout (implemented by the booking module, wired in container.ts). */
export interface CheckoutSettlement {
  /** The buyer is back from the gateway: verify and settle their payment. */
  complete(paymentId: string, userId: string): Promise<{ reservationId: string; status: string }>;
  /** The gateway notified us about a payment: verify and settle it. Unknown payments are ignored. */
  notify(paymentId: string): Promise<void>;
}
