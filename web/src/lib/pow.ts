import { solveChallenge, solveChallengeWorkers } from 'altcha-lib/v1';
import PowWorker from 'altcha-lib/v1/worker?worker';

/** An ALTCHA challenge as GET …/queue/challenge sends it. */
export interface PowChallenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/**
 * Solves a proof-of-work challenge without the user doing anything: altcha-lib's search, split over a
 * few Web Workers so the page stays responsive (on the page itself where workers are unavailable).
 * Returns the payload the queue entry sends as `altcha` (base64 of the solved JSON).
 */
export async function solvePow(c: PowChallenge): Promise<string> {
  let solution: { number: number } | null = null;
  try {
    const workers = Math.min(4, Math.max(1, (navigator.hardwareConcurrency || 2) - 1));
    solution = await solveChallengeWorkers(
      () => new PowWorker(),
      workers,
      c.challenge,
      c.salt,
      c.algorithm,
      c.maxnumber,
    );
  } catch {
    solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  }
  if (!solution) throw new Error('proof-of-work challenge has no solution');
  return btoa(
    JSON.stringify({
      algorithm: c.algorithm,
      challenge: c.challenge,
      number: solution.number,
      salt: c.salt,
      signature: c.signature,
    }),
  );
}
