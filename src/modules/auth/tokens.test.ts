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

  describe('synchronous verification (verifyKnown)', () => {
    const secret = 'x'.repeat(32);
    const key = new TextEncoder().encode(secret);
    const userId = '00000000-0000-4000-8000-000000000004';
    /** A token in exactly the form `sign` writes, with the claims given. */
    const ourForm = (claims: Record<string, unknown>, exp: number | string = '60s') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(key);

    it('accepts a token it signed, synchronously and with the claims jose reads', async () => {
      const tokens = new AccessTokens(secret, 60);
      const token = await tokens.sign({ userId, role: 'STAFF', sessionId: 'session-1' });
      expect(tokens.verifyKnown(token)).toEqual({ userId, role: 'STAFF', sessionId: 'session-1' });
      // The second time from the cache of verified tokens: the same answer.
      expect(tokens.verifyKnown(token)).toEqual({ userId, role: 'STAFF', sessionId: 'session-1' });
    });

    it('never accepts what jose would refuse: forged signature, wrong audience, expired, not yet valid', async () => {
      const tokens = new AccessTokens(secret, 60);
      const good = await tokens.sign({ userId, role: 'USER' });
      const [header, payload, signature] = good.split('.') as [string, string, string];
      const forged = [
        // another signature, and the same one with one character changed (not the last: its low
        // bits are padding, which base64url decoders ignore)
        `${header}.${payload}.${'A'.repeat(43)}`,
        `${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`,
        // a payload made an admin, signature kept
        `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN' })).toString('base64url')}.${signature}`,
        // another key
        await new AccessTokens('y'.repeat(32), 60).sign({ userId, role: 'ADMIN' }),
        // our key, but not an access token's audience, or past its expiry, or not valid yet
        await ourForm({ role: 'USER', sid: 's', aud: 'culture-ticket:other' }),
        await ourForm(
          { role: 'USER', sid: 's', aud: 'culture-ticket:access' },
          Math.floor(Date.now() / 1000) - 1,
        ),
        await new SignJWT({ role: 'USER', sid: 's', aud: 'culture-ticket:access' })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject(userId)
          .setNotBefore('1h')
          .setExpirationTime('2h')
          .sign(key),
        // an unknown role
        await ourForm({ role: 'ROOT', sid: 's', aud: 'culture-ticket:access' }),
        // unsigned
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
      ];
      for (const token of forged) {
        expect(tokens.verifyKnown(token), token).toBeUndefined();
        await expect(tokens.verify(token), token).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
      }
    });

    it('accepts a valid token in another HS256 form (no typ), as jose would', async () => {
      const tokens = new AccessTokens(secret, 60);
      const token = await new SignJWT({ role: 'USER', sid: 'session-2' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setAudience('culture-ticket:access')
        .setExpirationTime('60s')
        .sign(key);
      expect(tokens.verifyKnown(token)).toEqual({ userId, role: 'USER', sessionId: 'session-2' });
      await expect(tokens.verify(token)).resolves.toEqual({ userId, role: 'USER', sessionId: 'session-2' });
    });

    it('refuses a token of an ended session, whether seen before or not', async () => {
      const ended = new Set<string>();
      const tokens = new AccessTokens(secret, 60, { has: (sid) => ended.has(sid) });
      const seen = await tokens.sign({ userId, role: 'USER', sessionId: 'ends' });
      const unseen = await tokens.sign({ userId, role: 'USER', sessionId: 'ends' });
      expect(tokens.verifyKnown(seen)).toMatchObject({ sessionId: 'ends' });
      ended.add('ends');
      for (const token of [seen, unseen]) {
        expect(() => tokens.verifyKnown(token)).toThrow(expect.objectContaining({ code: 'INVALID_TOKEN' }));
        await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
      }
    });

    it('stops accepting a token at its expiry when it was first seen synchronously', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const tokens = new AccessTokens(secret, 60);
      const token = await tokens.sign({ userId, role: 'USER' });
      expect(tokens.verifyKnown(token)).toMatchObject({ userId });
      vi.setSystemTime(Date.now() + 60_000);
      expect(tokens.verifyKnown(token)).toBeUndefined();
      await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    });
  });
});
