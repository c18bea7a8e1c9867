import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignJWT, decodeJwt } from 'jose';
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
      sessionId: expect.any(String),
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

  it('carries the session id as `sid`, and refuses a token without one', async () => {
    const tokens = new AccessTokens('x'.repeat(32), 60);
    const sessionId = '00000000-0000-4000-8000-0000000000aa';
    const token = await tokens.sign({
      userId: '00000000-0000-4000-8000-000000000003',
      role: 'USER',
      sessionId,
    });
    expect(decodeJwt(token).sid).toBe(sessionId);
    await expect(tokens.verify(token)).resolves.toMatchObject({ sessionId });

    const withoutSid = await new SignJWT({ role: 'USER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-4000-8000-000000000003')
      .setAudience('culture-ticket:access')
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(tokens.verify(withoutSid)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });
});
