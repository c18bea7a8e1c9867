import { performance } from 'node:perf_hooks';
import type { Histogram } from 'prom-client';

/**
 * The steps a purchase's time goes to, in the order a request takes them (`checkout_step_seconds`):
 * - reserve_hold: the route's rate limit counted and the hold read, from Redis (side by side);
 * - reserve_catalogue: what is left of the catalogue's read (the showtime, the seats and their prices,
 *   and the admission where the showtime is queued): all of it after the hold, or only what outlasts the
 *   hold's read for a hold made on this instance, which is read alongside it;
 * - reserve_write: the reservation written (`booking_reserve`, or the transaction with a coupon);
 * - reserve_gateway: what is left of the payment's pre-registration at the gateway (sent before the
 *   catalogue's read, at the request's start for a hold made here, when the hold's amount is the price)
 *   and a virtual account issued, for that method;
 * - reserve_answer: the saga's step and the Idempotency-Key's answer stored, while the seats are
 *   marked reserved in Redis;
 * - complete_read: the reservation of the payment read, and the route's rate limit counted beside it;
 * - settle_gateway: the payment asked of the gateway (complete, webhook or the recovery job);
 * - settle_apply: the reservation moved accordingly (the confirmation's statement; its Redis marks are
 *   sent, not awaited).
 * What a request spends outside them (its hooks, rate limit, access check, reply) is the route's
 * duration (`http_request_duration_seconds`) less its steps.
 */
export type CheckoutStep =
  | 'reserve_hold'
  | 'reserve_catalogue'
  | 'reserve_write'
  | 'reserve_gateway'
  | 'reserve_answer'
  | 'complete_read'
  | 'settle_gateway'
  | 'settle_apply';

/** Times one request's steps in turn: each call records the time since the previous one (or the start). */
export function stepTimer(steps: Histogram<'step'>): (step: CheckoutStep) => void {
  let last = performance.now();
  return (step) => {
    const now = performance.now();
    steps.observe({ step }, (now - last) / 1000);
    last = now;
  };
}
