/**
 * Genre words in a search. A word that names a category (its name or slug, or a synonym below) finds
 * that whole genre: "뮤지컬" finds every musical, "뮤지컬 레미" the musicals that match "레미". Such a word
 * also still matches as text, so "오페라" finds the classical programme and "오페라의 유령" both.
 */
export const GENRE_SYNONYMS: Record<string, readonly string[]> = {
  musical: ['뮤지컬', 'musical', 'musicals'],
  concert: ['콘서트', 'concert', 'concerts', '공연장콘서트', '내한콘서트', '팬미팅'],
  play: ['연극', 'play', 'plays', 'theater', 'theatre', '대학로연극'],
  classical: ['클래식', 'classic', 'classical', '오페라', 'opera', '오케스트라', '리사이틀', '독주회'],
  dance: ['무용', 'dance', '발레', 'ballet', '현대무용', '한국무용'],
  exhibition: ['전시', '전시회', 'exhibition', '展'],
};

export interface GenreWord {
  /** The word as typed (normalized): it also matches as text. */
  word: string;
  categoryIds: string[];
}

/**
 * Splits a normalized query into genre words and the rest. `categories` are the existing ones; a
 * word maps to the categories whose name, slug or synonyms it equals.
 */
export function splitGenreWords(
  q: string,
  categories: readonly { id: string; name: string; slug: string }[],
): { genres: GenreWord[]; rest: string } {
  if (!q) return { genres: [], rest: '' };
  const byWord = new Map<string, Set<string>>();
  const add = (word: string, id: string) => {
    const key = word.normalize('NFC').toLowerCase();
    let ids = byWord.get(key);
    if (!ids) byWord.set(key, (ids = new Set()));
    ids.add(id);
  };
  for (const c of categories) {
    add(c.name, c.id);
    add(c.slug, c.id);
    for (const s of GENRE_SYNONYMS[c.slug] ?? []) add(s, c.id);
  }
  const genres: GenreWord[] = [];
  const rest: string[] = [];
  for (const word of q.split(' ')) {
    const ids = byWord.get(word);
    if (ids && !genres.some((g) => g.word === word)) genres.push({ word, categoryIds: [...ids] });
    else if (!ids) rest.push(word);
  }
  return { genres, rest: rest.join(' ') };
}
