import { describe, expect, it } from 'vitest';
import { deadline } from './deadline.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deadline', () => {
  it('aborts its signal with a TimeoutError once the time is up', async () => {
    const limit = deadline(20);
    const aborted = new Promise<unknown>((resolve) =>
      limit.signal.addEventListener('abort', () => resolve(limit.signal.reason)),
    );
    expect(limit.signal.aborted).toBe(false);
    const reason = await aborted;
    expect(reason).toBeInstanceOf(Error);
    expect((reason as Error).name).toBe('TimeoutError');
    expect((reason as Error).message).toBe('no answer within 20 ms');
  });

  it('never fires once cleared: a call that answered in time leaves nothing behind', async () => {
    const limit = deadline(20);
    let fired = false;
    limit.signal.addEventListener('abort', () => (fired = true));
    limit.clear();
    await wait(60);
    expect(fired).toBe(false);
    expect(limit.signal.aborted).toBe(false);
  });
});
