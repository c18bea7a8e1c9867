/**
 * Keyword text, matched the way catalogue search matches: NFC, lower case (catalog.routes
 * `normalizeQuery`, catalog.service `searchTextOf`), and here also without spaces, so "레미 제라블"
 * and "레미제라블" are one keyword and "Les Mis" matches "LES MISÉRABLES"' text.
 */

export const KEYWORD_MAX_LENGTH = 30;

/** As shown: trimmed, inner runs of whitespace collapsed to one space. */
export function displayKeyword(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** As matched: NFC, lower case, no whitespace. */
export function normalizeKeyword(input: string): string {
  return input.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Every distinct substring (1 to `max` characters) of each field, normalised. A keyword matches a
 * performance when its normalised form is one of these, which is a substring test done as an index
 * lookup: "레미제" is a substring of "레미제라블". Fields are not joined, so a keyword never matches
 * across the end of the title and the start of a cast name.
 */
export function substringsOf(fields: string[], max = KEYWORD_MAX_LENGTH): string[] {
  const out = new Set<string>();
  for (const field of fields) {
    const chars = Array.from(normalizeKeyword(field));
    for (let i = 0; i < chars.length; i++) {
      let s = '';
      for (let j = i; j < Math.min(chars.length, i + max); j++) {
        s += chars[j];
        out.add(s);
      }
    }
  }
  return [...out];
}
