/**
 * The one source of "now" for services, jobs and repositories that compare against the present.
 * Production uses `systemClock`; a test builds its container with a clock it moves by hand, so it can
 * step past a show's start, a hold's expiry or a cancel deadline without sleeping.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** The current instant in epoch milliseconds (`now().getTime()` without the allocation). */
  nowMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  nowMs: () => Date.now(),
};
