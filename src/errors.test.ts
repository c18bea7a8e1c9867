import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';

describe('AppError', () => {
  it('captures no stack for a client error (a refusal is an answer), and keeps it for a server error', () => {
    const limit = Error.stackTraceLimit;
    const refusal = new AppError('RATE_LIMITED');
    expect(refusal.status).toBe(429);
    expect(refusal.stack).not.toMatch(/\n\s+at /);
    const fault = new AppError('SERVICE_UNAVAILABLE');
    expect(fault.status).toBe(503);
    expect(fault.stack).toMatch(/\n\s+at /);
    // The limit is restored for every other error.
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('x').stack).toMatch(/\n\s+at /);
  });
});
