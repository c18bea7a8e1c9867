import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers, type TestUser } from '../../../test/factories.ts';
import { ManualClock } from '../../../test/clock.ts';
import { addressBuckets, scaledDifficulty, type QueueChallenge } from './proof-of-work.ts';

/**
 * Solves a challenge the way the browser does (SHA-256 of salt + n for n = 0, 1, …) and counts the
 * hashes: the cost of an entry, measured in work rather than wall time.
 */
function solve(c: QueueChallenge): { number: number; hashes: number } {
  for (let n = 0; n <= c.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(c.salt + n)
        .digest('hex') === c.challenge
    )
      return { number: n, hashes: n + 1 };
  }
  throw new Error('no solution');
}

const payload = (c: QueueChallenge, number: number) =>
  Buffer.from(
    JSON.stringify({
      algorithm: c.algorithm,
      challenge: c.challenge,
      number,
      salt: c.salt,
      signature: c.signature,
    }),
  ).toString('base64');

describe('proof of work at entry', () => {
  const clock = new ManualClock();
  let env: TestEnv;
  let t: TestApp;
  let users: TestUser[];
  let showtimeId: string;

  beforeAll(async () => {
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { clock });
    users = await createUsers(t.container, 6);
    ({ showtimeId } = await createShowtimeWithSeats(t.container, {
      salesOpenAt: new Date(clock.nowMs() - 60_000),
      queue: { enabled: true, proofOfWork: true, powDifficulty: 2000 },
    }));
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const url = (id: string) => `/api/v1/showtimes/${id}/queue`;
  const challenge = async (user: TestUser, ip = '198.51.100.7', id = showtimeId) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${url(id)}/challenge`,
      headers: user.headers,
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as QueueChallenge;
  };
  const enter = (user: TestUser, altcha?: string, id = showtimeId) =>
    t.app.inject({
      method: 'POST',
      url: url(id),
      headers: user.headers,
      ...(altcha === undefined ? {} : { payload: { altcha } }),
    });

  it('refuses an entry without a solved challenge, admits one with it, and refuses its replay', async () => {
    const [a] = users;
    const missing = await enter(a!);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'CHALLENGE_REQUIRED', reason: 'MISSING' });
    expect(missing.headers['content-type']).toContain('application/problem+json');

    const c = await challenge(a!);
    expect(c).toMatchObject({ algorithm: 'SHA-256', maxnumber: 2000 });
    const { number } = solve(c);
    expect((await enter(a!, payload(c, number + 1))).json()).toMatchObject({ reason: 'INVALID' });
    const ok = await enter(a!, payload(c, number));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'WAITING', entryId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    // Single use, on every instance: the same solution again (even by another user) is refused.
    const replay = await enter(users[1]!, payload(c, number));
    expect(replay.json()).toMatchObject({ code: 'CHALLENGE_REQUIRED', reason: 'REPLAYED' });
    expect((await enter(a!, 'not base64 json')).json()).toMatchObject({ reason: 'MALFORMED' });
  });

  it('refuses an expired challenge (on the injected clock) and one issued for another showtime', async () => {
    const c = await challenge(users[2]!);
    const { number } = solve(c);
    clock.advance(301_000);
    try {
      expect((await enter(users[2]!, payload(c, number))).json()).toMatchObject({ reason: 'EXPIRED' });
    } finally {
      clock.advance(-301_000);
    }
    const { showtimeId: elsewhere } = await createShowtimeWithSeats(t.container, {
      salesOpenAt: new Date(clock.nowMs() - 60_000),
      queue: { enabled: true, proofOfWork: true, powDifficulty: 2000 },
    });
    const c2 = await challenge(users[2]!);
    const res = await enter(users[2]!, payload(c2, solve(c2).number), elsewhere);
    expect(res.json()).toMatchObject({ reason: 'WRONG_SHOWTIME' });
  });

  it('keeps entry open to older clients while the showtime leaves proof of work off', async () => {
    const { showtimeId: plain } = await createShowtimeWithSeats(t.container, {
      salesOpenAt: new Date(clock.nowMs() - 60_000),
      queue: { enabled: true },
    });
    expect((await enter(users[3]!, undefined, plain)).statusCode).toBe(200);
  });

  it('raises the difficulty for an address that bursts, and a higher difficulty costs more hashes', async () => {
    // A burst from one address within one second of the (frozen) clock.
    const seen: number[] = [];
    for (let i = 0; i < 24; i++) seen.push((await challenge(users[4]!, '203.0.113.9')).maxnumber);
    expect(seen.slice(0, 5)).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(8000);
    // Another address at the same moment still gets the base difficulty.
    expect((await challenge(users[4]!, '192.0.2.55')).maxnumber).toBe(2000);
    // The dashboard shows the raised difficulty.
    const fairness = await t.container.waitingRoom.audit.fairness(showtimeId);
    expect(fairness).toMatchObject({ proofOfWork: true, baseDifficulty: 2000 });
    expect(fairness!.difficulty).toBeGreaterThanOrEqual(8000);

    // Work, not time: the mean hashes to solve grows with the difficulty (about maxnumber / 2).
    const meanHashes = async (difficulty: number, ip: string) => {
      let total = 0;
      for (let i = 0; i < 30; i++) {
        const c = await t.container.waitingRoom.pow.challenge(showtimeId, difficulty, `10.9.${i}.${ip}`);
        total += solve(c).hashes;
      }
      return total / 30;
    };
    const low = await meanHashes(1000, '1');
    const high = await meanHashes(16_000, '2');
    expect(low).toBeLessThan(1000);
    expect(high).toBeGreaterThan(4 * low);
  });

  it('counts addresses by /32 and /24 (IPv4), /64 and /48 (IPv6); the factor doubles with the rate', () => {
    expect(addressBuckets('203.0.113.9')).toEqual({ address: '203.0.113.9', prefix: '203.0.113.0/24' });
    expect(addressBuckets('::ffff:203.0.113.9').prefix).toBe('203.0.113.0/24');
    expect(addressBuckets('2001:db8:1:2:3::4')).toEqual({
      address: '2001:db8:1:2::/64',
      prefix: '2001:db8:1::/48',
    });
    expect(scaledDifficulty(1000, 5, 5, 64)).toBe(1000);
    expect(scaledDifficulty(1000, 10, 5, 64)).toBe(2000);
    expect(scaledDifficulty(1000, 11, 5, 64)).toBe(4000);
    expect(scaledDifficulty(1000, 1e6, 5, 64)).toBe(64_000);
  });
});
