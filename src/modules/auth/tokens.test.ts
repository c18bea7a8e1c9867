import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessTokens } from './tokens.ts';

describe('access tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops accepting a token at its expiry even after it was verified (and cached) before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tokens = new AccessTokens('x'.repeat(32), 60);
    const token = await tokens.sign({ userId: '00000000-0000-4000-8000-000000000001', role: 'USER' });
    await expect(tokens.verify(token)).resolves.toEqual({
      userId: '00000000-0000-4000-8000-000000000001',
      role: 'USER',
    });
    vi.setSystemTime(Date.now() + 61_000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('rejects a token signed with another key', async () => {
    const ours = new AccessTokens('x'.repeat(32), 60);
    const theirs = new AccessTokens('y'.repeat(32), 60);
    const token = await theirs.sign({ userId: '00000000-0000-4000-8000-000000000002', role: 'ADMIN' });
    await expect(ours.verify(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });
});
