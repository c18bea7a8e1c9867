import { performance } from 'node:perf_hooks';
import type { Histogram } from 'prom-client';

/**
 * The steps a purchase's time goes to, in the order a request takes them (`checkout_step_seconds`):
 * - reserve_hold: the hold, from Redis;
 * - reserve_catalogue: the showtime, the seats and their prices, one read of the catalogue, and the
 *   admission where the showtime is queued;
 * - reserve_write: the reservation written (`booking_reserve`, or the transaction with a coupon);
 * - reserve_gateway: what is left of the payment's pre-registration at the gateway (sent with the
 *   catalogue's read when the hold's amount is the price) and a virtual account issued, for that method;
 * - reserve_answer: the saga's step and the Idempotency-Key's answer stored, while the seats are
 *   marked reserved in Redis;
 * - complete_read: the reservation of the payment read;
 * - settle_gateway: the payment asked of the gateway (complete, webhook or the recovery job);
 * - settle_apply: the reservation moved accordingly (the confirmation's statement and Redis marks).
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
