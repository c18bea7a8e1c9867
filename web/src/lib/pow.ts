import { POW_MEASURE, searchPow, type PowFound } from './pow-search.ts';
import PowWorker from './pow.worker.ts?worker';
import type { PowTask } from './pow.worker.ts';

/** An ALTCHA challenge as GET …/queue/challenge sends it. */
export interface PowChallenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/**
 * Solves a proof-of-work challenge without the user doing anything: the range is split over a few Web
 * Workers so the page stays responsive (searched on the page itself where workers are unavailable).
 * Returns the payload the queue entry sends as `altcha` (base64 of the solved JSON).
 */
export async function solvePow(c: PowChallenge): Promise<string> {
  let found: PowFound | null;
  // Measured where people run it (the browser journey reads it): the entry check must stay unnoticed.
  const started = performance.now();
  try {
    found = await searchInWorkers(c, Math.min(4, Math.max(1, (navigator.hardwareConcurrency || 2) - 1)));
  } catch {
    found = searchPow(c.challenge, c.salt, c.maxnumber);
  }
  if (!found) throw new Error('proof-of-work challenge has no solution');
  performance.measure(POW_MEASURE, {
    start: started,
    detail: { maxnumber: c.maxnumber, hashes: found.hashes },
  });
  return btoa(
    JSON.stringify({
      algorithm: c.algorithm,
      challenge: c.challenge,
      number: found.number,
      salt: c.salt,
      signature: c.signature,
    }),
  );
}

/** The first worker to find the number wins; the others stop. Null when none finds it. */
function searchInWorkers(c: PowChallenge, count: number): Promise<PowFound | null> {
  const workers = Array.from({ length: count }, () => new PowWorker());
  const stop = () => workers.forEach((w) => w.terminate());
  return new Promise<PowFound | null>((resolve, reject) => {
    let finished = 0;
    workers.forEach((worker, i) => {
      worker.onmessage = (event: MessageEvent<PowFound | null>) => {
        finished++;
        if (event.data) {
          stop();
          resolve(event.data);
        } else if (finished === count) {
          stop();
          resolve(null);
        }
      };
      worker.onerror = (event) => {
        stop();
        reject(new Error(event.message || 'proof-of-work worker failed'));
      };
      const task: PowTask = {
        challenge: c.challenge,
        salt: c.salt,
        maxnumber: c.maxnumber,
        from: i,
        step: count,
      };
      worker.postMessage(task);
    });
  });
}
