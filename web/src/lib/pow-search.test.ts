import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { describe, expect, it } from 'vitest';
import { searchPow } from './pow-search.ts';

const HMAC_KEY = 'pow-search-test-key';

describe('searchPow (the browser workers’ search)', () => {
  it('finds the number an ALTCHA verifier accepts', async () => {
    const c = await createChallenge({ hmacKey: HMAC_KEY, maxnumber: 5_000 });
    const found = searchPow(c.challenge, c.salt, c.maxnumber!);
    expect(found).not.toBeNull();
    const payload = {
      algorithm: c.algorithm,
      challenge: c.challenge,
      number: found!.number,
      salt: c.salt,
      signature: c.signature,
    };
    expect(await verifySolution(payload, HMAC_KEY)).toBe(true);
    // A neighbouring number is not a solution: the check compares the whole hash.
    expect(await verifySolution({ ...payload, number: found!.number + 1 }, HMAC_KEY)).toBe(false);
  });

  it('split over workers, exactly one share finds the number, the same one', async () => {
    const c = await createChallenge({ hmacKey: HMAC_KEY, maxnumber: 5_000 });
    const whole = searchPow(c.challenge, c.salt, c.maxnumber!)!;
    const shares = [0, 1, 2, 3].map((i) => searchPow(c.challenge, c.salt, c.maxnumber!, i, 4));
    expect(shares.filter(Boolean)).toHaveLength(1);
    expect(shares.find(Boolean)!.number).toBe(whole.number);
    expect(shares.find(Boolean)!.hashes).toBeLessThanOrEqual(Math.ceil(whole.hashes / 4) + 1);
  });

  it('answers null for a challenge beyond its range or not a SHA-256 hex', async () => {
    const c = await createChallenge({ hmacKey: HMAC_KEY, maxnumber: 5_000, number: 4_000 });
    expect(searchPow(c.challenge, c.salt, 3_999)).toBeNull();
    expect(searchPow(c.challenge, c.salt, 4_000)?.number).toBe(4_000);
    expect(searchPow('not-hex', c.salt, 10)).toBeNull();
  });
});
