import { describe, expect, it } from 'vitest';
import { compactForm, compileMatcher } from './banned-words.ts';

describe('banned-words matching', () => {
  const matcher = compileMatcher(['씨발', '개새끼', 'fuck', 'shit', 'Bitch']);
  const find = (...texts: string[]) => matcher.find(texts).sort();

  it('keeps one matching form of a word: NFKC, lower case, no spaces, punctuation or zero-width', () => {
    expect(compactForm(' F.U C-K ')).toBe('fuck');
    expect(compactForm('씨\u200B 발!')).toBe('씨발');
    expect(compactForm('ＦＵＣＫ')).toBe('fuck');
    expect(compactForm('...')).toBe('');
  });

  it('finds Korean words as substrings, also spaced, punctuated or split by zero-width characters', () => {
    expect(find('아 씨발 진짜')).toEqual(['씨발']);
    expect(find('씨 발')).toEqual(['씨발']);
    expect(find('씨.발')).toEqual(['씨발']);
    expect(find('씨\u200B발')).toEqual(['씨발']);
    expect(find('ㅋㅋ개-새-끼ㅋㅋ')).toEqual(['개새끼']);
    expect(find('좋은 공연이었어요')).toEqual([]);
  });

  it('finds English words as whole words with common endings, spelled out letter by letter too', () => {
    expect(find('what the FUCK')).toEqual(['fuck']);
    expect(find('f.u.c.k this')).toEqual(['fuck']);
    expect(find('f u c k')).toEqual(['fuck']);
    expect(find('ｆｕｃｋｉｎｇ great')).toEqual(['fuck']);
    expect(find('fu\u200Bck')).toEqual(['fuck']);
    expect(find('bitches and shits')).toEqual(['bitch', 'shit']);
    expect(find('공연 shit이네')).toEqual(['shit']);
    // Not inside other words: no Scunthorpe problem for the English list.
    expect(find('shitake mushrooms', 'a classic show', 'fuchsia')).toEqual([]);
  });

  it('checks every text given and reports each word once', () => {
    expect(find('제목은 괜찮고', '본문에 씨발 씨발')).toEqual(['씨발']);
    expect(compileMatcher([]).find(['anything'])).toEqual([]);
  });
});
