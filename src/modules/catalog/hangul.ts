/**
 * Hangul helpers for search, the TypeScript twins of the SQL functions of migration 0023
 * (`catalog_jamo`, `catalog_chosung`, `catalog_region`): a query is converted exactly as the stored
 * columns were, and `hangul.test.ts` checks both sides agree.
 */

const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const MEDIALS = [
  'ㅏ',
  'ㅐ',
  'ㅑ',
  'ㅒ',
  'ㅓ',
  'ㅔ',
  'ㅕ',
  'ㅖ',
  'ㅗ',
  'ㅗㅏ',
  'ㅗㅐ',
  'ㅗㅣ',
  'ㅛ',
  'ㅜ',
  'ㅜㅓ',
  'ㅜㅔ',
  'ㅜㅣ',
  'ㅠ',
  'ㅡ',
  'ㅡㅣ',
  'ㅣ',
];
const FINALS = [
  '',
  'ㄱ',
  'ㄲ',
  'ㄱㅅ',
  'ㄴ',
  'ㄴㅈ',
  'ㄴㅎ',
  'ㄷ',
  'ㄹ',
  'ㄹㄱ',
  'ㄹㅁ',
  'ㄹㅂ',
  'ㄹㅅ',
  'ㄹㅌ',
  'ㄹㅍ',
  'ㄹㅎ',
  'ㅁ',
  'ㅂ',
  'ㅂㅅ',
  'ㅅ',
  'ㅆ',
  'ㅇ',
  'ㅈ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
];
/** Compound letters a keyboard types as two keys, split as the stored text splits them. */
const COMPOUND: Record<string, string> = {
  ㄳ: 'ㄱㅅ',
  ㄵ: 'ㄴㅈ',
  ㄶ: 'ㄴㅎ',
  ㄺ: 'ㄹㄱ',
  ㄻ: 'ㄹㅁ',
  ㄼ: 'ㄹㅂ',
  ㄽ: 'ㄹㅅ',
  ㄾ: 'ㄹㅌ',
  ㄿ: 'ㄹㅍ',
  ㅀ: 'ㄹㅎ',
  ㅄ: 'ㅂㅅ',
  ㅘ: 'ㅗㅏ',
  ㅙ: 'ㅗㅐ',
  ㅚ: 'ㅗㅣ',
  ㅝ: 'ㅜㅓ',
  ㅞ: 'ㅜㅔ',
  ㅟ: 'ㅜㅣ',
  ㅢ: 'ㅡㅣ',
};
const FIRST = 0xac00;
const LAST = 0xd7a3;

/** Lower-case text with every syllable split into letters: "레미제라블" → "ㄹㅔㅁㅣㅈㅔㄹㅏㅂㅡㄹ". */
export function jamo(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase()) {
    const code = ch.codePointAt(0)!;
    if (code >= FIRST && code <= LAST) {
      const n = code - FIRST;
      out += INITIALS[Math.floor(n / 588)]! + MEDIALS[Math.floor((n % 588) / 28)]! + FINALS[n % 28]!;
    } else out += COMPOUND[ch] ?? ch;
  }
  return out;
}

/** The initial consonant of every syllable, spaces dropped: "레미제라블" → "ㄹㅁㅈㄹㅂ". */
export function chosung(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase().replace(/\s+/g, '')) {
    const code = ch.codePointAt(0)!;
    out += code >= FIRST && code <= LAST ? INITIALS[Math.floor((code - FIRST) / 588)]! : ch;
  }
  return out;
}

/** Only initial consonants (ㄱ…ㅎ, spaces allowed): the query means "these syllables start so". */
export function isChosungQuery(text: string): boolean {
  return /^[ㄱ-ㅎ\s]+$/.test(text) && /[ㄱ-ㅎ]/.test(text);
}

/** The seventeen regions of Korea, as venues.region names them. */
export const REGIONS = [
  '서울',
  '경기',
  '인천',
  '부산',
  '대구',
  '광주',
  '대전',
  '울산',
  '세종',
  '강원',
  '충북',
  '충남',
  '전북',
  '전남',
  '경북',
  '경남',
  '제주',
] as const;

/**
 * The short region name of an address' first word ("서울특별시 중구…" → "서울", "경상남도" → "경남"), or
 * null when it names none. Also normalises a region filter typed in full.
 */
export function regionOf(address: string): string | null {
  const w = address.normalize('NFC').trim().split(' ')[0] ?? '';
  if ((REGIONS as readonly string[]).includes(w)) return w;
  const city = /^(서울|부산|대구|인천|광주|대전|울산|세종)/.exec(w);
  if (city) return city[1]!;
  const rules: [RegExp, string][] = [
    [/^경기/, '경기'],
    [/^강원/, '강원'],
    [/^(충청북|충북)/, '충북'],
    [/^(충청남|충남)/, '충남'],
    [/^(전라북|전북)/, '전북'],
    [/^(전라남|전남)/, '전남'],
    [/^(경상북|경북)/, '경북'],
    [/^(경상남|경남)/, '경남'],
    [/^제주/, '제주'],
  ];
  return rules.find(([re]) => re.test(w))?.[1] ?? null;
}
