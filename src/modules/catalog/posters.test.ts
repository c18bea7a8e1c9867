import { describe, expect, it } from 'vitest';
import { layoutTitle, posterDates, posterSvg, TEXT_WIDTH, textWidth, wrapText } from './posters.ts';

const ID = '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b';
const LONG_KO = '뮤지컬 오페라의 유령 이십오주년 기념 월드투어 서울 앙코르 특별 공연 최종 시즌'; // 40+ characters
const LONG_EN = 'The Phantom of the Opera: 25th Anniversary World Tour Encore'; // 60 characters
const NO_SPACES_KO = '레미제라블레미제라블레미제라블레미제라블레미제라블레미제라블레미제라블레미제라블';
const ONE_LONG_WORD = 'Supercalifragilisticexpialidocious-Extraordinaire';

/** The title's characters, spaces and break hyphens aside: what the lines must give back. */
const letters = (text: string): string => text.replace(/[\s-]/g, '');

describe('generated posters', () => {
  it('fits every line of a long title in the poster width, at a smaller size, keeping every character', () => {
    for (const title of [LONG_KO, LONG_EN, NO_SPACES_KO, ONE_LONG_WORD, 'ㄱ'.repeat(200)]) {
      const { fontSize, lines, lineHeight } = layoutTitle(title);
      for (const line of lines)
        expect(textWidth(line, fontSize), `${title}: ${line}`).toBeLessThanOrEqual(TEXT_WIDTH);
      // Nothing truncated or ellipsised: the lines hold the whole title, in order.
      expect(letters(lines.join('')), title).toBe(letters(title));
      expect(lines.join(' ')).not.toContain('…');
      // And the block fits its height.
      expect(lines.length * lineHeight, title).toBeLessThanOrEqual(320);
    }
    expect(layoutTitle(LONG_KO).fontSize).toBeLessThan(layoutTitle('레베카').fontSize);
  });

  it('sets a short title large, on one line', () => {
    const short = layoutTitle('레베카');
    expect(short.lines).toEqual(['레베카']);
    expect(short.fontSize).toBeGreaterThanOrEqual(56);
  });

  it('breaks Latin titles at spaces, and a word wider than the line with a hyphen', () => {
    const size = layoutTitle(LONG_EN).fontSize;
    const lines = wrapText(LONG_EN, size, TEXT_WIDTH);
    expect(lines.join(' ')).toBe(LONG_EN);
    const word = wrapText(ONE_LONG_WORD, 40, TEXT_WIDTH);
    expect(word.length).toBeGreaterThan(1);
    expect(word[0]).toMatch(/-$/);
  });

  it('estimates Korean as a full em and Latin narrower', () => {
    expect(textWidth('가나다', 10)).toBe(30);
    expect(textWidth('abc', 10)).toBeLessThan(30);
  });

  it('draws the category, the whole title, the venue and the dates', () => {
    const svg = posterSvg({
      id: ID,
      title: LONG_EN,
      category: 'musical',
      venue: '블루스퀘어 신한카드홀',
      startDate: '2026-12-01',
      endDate: '2027-01-31',
    });
    expect(svg).toContain('MUSICAL');
    expect(svg).toContain('블루스퀘어 신한카드홀');
    expect(svg).toContain('2026.12.01 – 2027.01.31');
    expect(svg).toContain('The Phantom of the Opera:');
    expect(svg).toContain('Encore');
    // Escaped, and deterministic for the same input.
    expect(posterSvg({ id: ID, title: 'A & B <C>', category: 'play' })).toContain('A &#38; B &#60;C&#62;');
    expect(posterSvg({ id: ID, title: 'x', category: 'play' })).toBe(
      posterSvg({ id: ID, title: 'x', category: 'play' }),
    );
  });

  it('writes the dates as one day or a run', () => {
    expect(posterDates('2026-12-01', '2026-12-01')).toBe('2026.12.01');
    expect(posterDates('2026-12-01', '2027-01-31')).toBe('2026.12.01 – 2027.01.31');
    expect(posterDates(null, null)).toBe('');
  });
});
