/** One share of the proof-of-work search, off the page's thread (see pow.ts). */
import { searchPow } from './pow-search.ts';

export interface PowTask {
  challenge: string;
  salt: string;
  maxnumber: number;
  from: number;
  step: number;
}

self.onmessage = (event: MessageEvent<PowTask>) => {
  const t = event.data;
  self.postMessage(searchPow(t.challenge, t.salt, t.maxnumber, t.from, t.step));
};
