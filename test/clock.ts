import type { Clock } from '../src/infra/clock.ts';

/**
 * A clock a test moves by hand. It starts at the real time (so rows it stamps sort sensibly beside
 * rows stamped by PostgreSQL) and only moves when told to.
 */
export class ManualClock implements Clock {
  private ms: number;

  constructor(start: Date | number = Date.now()) {
    this.ms = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  /** Moves forward (or back, with a negative amount) by `ms` milliseconds. */
  advance(ms: number): void {
    this.ms += ms;
  }

  set(at: Date | number): void {
    this.ms = typeof at === 'number' ? at : at.getTime();
  }
}
