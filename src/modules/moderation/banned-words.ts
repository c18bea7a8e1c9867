/**
 * How text is compared with the banned-words list (docs/moderation.md "Matching").
 *
 * - Both sides are NFKC-normalised (full-width letters, compatibility jamo and ligatures fold to
 *   their plain forms) and lower-cased, and zero-width characters and soft hyphens are dropped.
 * - A word is kept in its compact form: also without spaces, punctuation and symbols, so "씨 발",
 *   "씨.발" and "씨발" are one entry.
 * - Words with any non-Latin letter (Korean) match as substrings of the text's compact form, so
 *   "씨 발", "씨-발" and "ㅋㅋ씨발ㅋㅋ" are all caught.
 * - Latin-only words match whole words of the text (with a few English endings: fucking, shits),
 *   so "class" or "Scunthorpe" are not refused for a short word inside them; letters spelled out
 *   one by one ("f.u.c.k", "f u c k") are joined into one word first.
 *
 * The list compiles into one matcher: a single regular expression of the escaped substring words
 * (V8 compiles an alternation of literals into one automaton) and a hash set of the whole words.
 */

const ZERO_WIDTH = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/gu;
/** Separators removed in the compact form: white space, punctuation, symbols, and controls. */
const SEPARATORS = /[\s\p{P}\p{S}\p{C}]+/gu;
const LATIN_WORD = /^[a-z0-9]+$/;
/** Latin runs of a normalised text (words of letters and digits). */
const LATIN_RUN = /[a-z0-9]+/g;
/** English endings a whole-word entry still matches with. */
const ENDINGS = ['', 's', 'es', 'ed', 'er', 'ers', 'ing', 'in', 'y', 'ty'];

/** NFKC, lower case, no zero-width characters. */
export const normalizeText = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(ZERO_WIDTH, '');

/** The form a word is stored and compared in: normalised, without separators. */
export const compactForm = (text: string): string => normalizeText(text).replace(SEPARATORS, '');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface WordMatcher {
  /** The listed words found in any of the texts (empty when they are clean). */
  find(texts: readonly string[]): string[];
  readonly size: number;
}

/** Latin words of a normalised text, with letters spelled out one by one joined into a word. */
function latinWords(normalized: string): string[] {
  const words: string[] = [];
  let spelled = '';
  let lastEnd = -1;
  for (const m of normalized.matchAll(LATIN_RUN)) {
    const run = m[0];
    const start = m.index;
    // A single letter right after another, split only by separators, continues a spelled-out word.
    const joins =
      run.length === 1 && spelled !== '' && !/[^\s\p{P}\p{S}]/u.test(normalized.slice(lastEnd, start));
    if (run.length === 1) {
      spelled = joins ? spelled + run : run;
    } else {
      if (spelled.length > 1) words.push(spelled);
      spelled = '';
      words.push(run);
    }
    lastEnd = start + run.length;
  }
  if (spelled.length > 1) words.push(spelled);
  return words;
}

export function compileMatcher(list: readonly string[]): WordMatcher {
  const words = [...new Set(list.map(compactForm).filter((w) => w.length > 0))];
  const whole = new Set(words.filter((w) => LATIN_WORD.test(w)));
  const inner = words.filter((w) => !LATIN_WORD.test(w)).sort((a, b) => b.length - a.length);
  const regex = inner.length > 0 ? new RegExp(inner.map(escapeRegExp).join('|'), 'gu') : undefined;
  return {
    size: words.length,
    find(texts) {
      const found = new Set<string>();
      for (const text of texts) {
        const normalized = normalizeText(text);
        if (regex) {
          for (const m of normalized.replace(SEPARATORS, '').matchAll(regex)) found.add(m[0]);
        }
        if (whole.size > 0) {
          for (const word of latinWords(normalized)) {
            for (const ending of ENDINGS) {
              if (word.length > ending.length && word.endsWith(ending)) {
                const stem = word.slice(0, word.length - ending.length);
                if (whole.has(stem)) found.add(stem);
              }
            }
          }
        }
      }
      return [...found];
    },
  };
}
