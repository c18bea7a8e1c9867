import { createHash } from 'node:crypto';

/**
 * Generated posters (no external images): a composition in the category's colours (a gradient, a
 * large disc and bands derived from the performance id), the category, the title set large and
 * fitted to the width (wrapped and scaled down, never cut), and the venue and dates at the foot.
 * Deterministic per input, so a poster caches per id + title.
 */

const WIDTH = 400;
const HEIGHT = 600;
const MARGIN = 32;
/** The width every line of text must fit in. */
export const TEXT_WIDTH = WIDTH - 2 * MARGIN;
/** The title block: from below the category to above the venue line. */
const TITLE_TOP = 150;
const TITLE_BOTTOM = 470;
const MAX_TITLE_SIZE = 64;
const MIN_TITLE_SIZE = 16;
const LINE_HEIGHT = 1.18;

interface CategoryStyle {
  label: string;
  /** Base hue of the gradient; the id shifts it a little so two musicals differ. */
  hue: number;
  /** Accent hue for the disc and bands. */
  accent: number;
}

const CATEGORY: Record<string, CategoryStyle> = {
  musical: { label: 'MUSICAL', hue: 300, accent: 40 },
  concert: { label: 'CONCERT', hue: 225, accent: 185 },
  play: { label: 'PLAY', hue: 150, accent: 55 },
  classical: { label: 'CLASSICAL', hue: 35, accent: 220 },
  dance: { label: 'DANCE', hue: 350, accent: 280 },
  exhibition: { label: 'EXHIBITION', hue: 185, accent: 330 },
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The advance of one character in a bold sans-serif, in ems: a generous estimate (real glyphs are
 * at most this wide in the fonts browsers pick for Korean and Latin), so fitted lines never overflow.
 */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  // Hangul, CJK ideographs, kana, full-width forms: a full em.
  if (
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f000
  )
    return 1;
  if (ch === ' ') return 0.3;
  if (/[il.,:;'|!`]/.test(ch)) return 0.32;
  if (/[fjrt()[\]{}"-]/.test(ch)) return 0.42;
  if (/[mwMW@%]/.test(ch)) return 0.95;
  if (/[A-Z&]/.test(ch)) return 0.74;
  if (/[a-z0-9#$?+=<>*~^_]/.test(ch)) return 0.62;
  // Accented Latin, Greek, Cyrillic and anything else: as wide as a capital.
  return 0.78;
}

/** The estimated width of a line of text at a font size, in pixels. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch);
  return ems * fontSize;
}

/** Korean (and other CJK) text may break between any two characters; Latin words only at spaces. */
const CJK = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]/;

/**
 * Breaks text into lines no wider than `width` at `fontSize`: at spaces where possible, between
 * Korean characters when a word is too long, and with a hyphen inside a Latin word only when that
 * one word is wider than the line. Every character of the text is in the lines, in order.
 */
export function wrapText(text: string, fontSize: number, width: number): string[] {
  const fits = (line: string): boolean => textWidth(line, fontSize) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    // The word alone is too wide: split it, between characters (a hyphen for Latin letters).
    let rest = [...word];
    while (rest.length > 0 && !fits(rest.join(''))) {
      let n = rest.length - 1;
      const hyphen = (k: number): string =>
        !CJK.test(rest[k - 1]!) &&
        !CJK.test(rest[k]!) &&
        /\p{L}/u.test(rest[k - 1]!) &&
        /\p{L}/u.test(rest[k]!)
          ? '-'
          : '';
      while (n > 1 && !fits(rest.slice(0, n).join('') + hyphen(n))) n -= 1;
      lines.push(rest.slice(0, n).join('') + hyphen(n));
      rest = rest.slice(n);
    }
    line = rest.join('');
  }
  if (line) lines.push(line);
  return lines;
}

export interface TitleLayout {
  fontSize: number;
  lineHeight: number;
  lines: string[];
}

/**
 * The largest font size at which the title, wrapped, fits the title block (width and height).
 * Short titles stand large on two lines at most; long ones step down; nothing is ever dropped.
 */
export function layoutTitle(
  title: string,
  width = TEXT_WIDTH,
  height = TITLE_BOTTOM - TITLE_TOP,
): TitleLayout {
  for (let size = MAX_TITLE_SIZE; size >= MIN_TITLE_SIZE; size -= 2) {
    const lines = wrapText(title, size, width);
    const lineHeight = Math.round(size * LINE_HEIGHT);
    if (lines.length * lineHeight <= height) return { fontSize: size, lineHeight, lines };
  }
  // Longer than any title the admin accepts (200 characters): the smallest size, lines packed tighter.
  const lines = wrapText(title, MIN_TITLE_SIZE, width);
  return {
    fontSize: MIN_TITLE_SIZE,
    lineHeight: Math.min(Math.round(MIN_TITLE_SIZE * LINE_HEIGHT), Math.floor(height / lines.length)),
    lines,
  };
}

/** A line of small text fitted to the width: scaled down to `min`, then wrapped onto two lines. */
function fitLine(text: string, size: number, min: number): { fontSize: number; lines: string[] } {
  for (let s = size; s >= min; s -= 1)
    if (textWidth(text, s) <= TEXT_WIDTH) return { fontSize: s, lines: [text] };
  return { fontSize: min, lines: wrapText(text, min, TEXT_WIDTH) };
}

export interface PosterInfo {
  id: string;
  title: string;
  /** Category slug: musical, concert, play, classical, dance, exhibition. */
  category: string;
  venue?: string | null;
  /** YYYY-MM-DD. */
  startDate?: string | null;
  endDate?: string | null;
}

/** "2026.12.01 – 2027.01.31", or one date for a single day. */
export function posterDates(start?: string | null, end?: string | null): string {
  const dot = (d: string): string => d.slice(0, 10).replaceAll('-', '.');
  if (!start) return '';
  if (!end || end.slice(0, 10) === start.slice(0, 10)) return dot(start);
  return `${dot(start)} – ${dot(end)}`;
}

export function posterSvg(info: PosterInfo): string {
  const { id, title, category } = info;
  const h = createHash('sha256').update(id).digest();
  const style = CATEGORY[category] ?? { label: category.toUpperCase(), hue: (h[0]! * 360) / 256, accent: 45 };
  const hue = (style.hue + (h[0]! % 30) - 15 + 360) % 360;
  const hue2 = (hue + 25 + (h[1]! % 30)) % 360;
  const accent = (style.accent + (h[2]! % 20) - 10 + 360) % 360;

  // The composition: a large accent disc off one edge, two diagonal bands, a ring.
  const discX = h[3]! % 2 === 0 ? 60 + (h[4]! % 80) : 340 - (h[4]! % 80);
  const discY = 120 + (h[5]! % 120);
  const discR = 150 + (h[6]! % 70);
  const bandAngle = -20 - (h[7]! % 25);
  const ringX = 40 + (h[8]! % 320);
  const ringY = 380 + (h[9]! % 160);
  const ringR = 40 + (h[10]! % 60);

  const t = layoutTitle(title);
  const blockHeight = t.lines.length * t.lineHeight;
  // The title sits low in its block, like a poster's, and grows upward.
  const firstBaseline = TITLE_BOTTOM - blockHeight + t.fontSize * 0.9;
  const titleLines = t.lines
    .map(
      (line, i) =>
        `<tspan x="${MARGIN}" y="${(firstBaseline + i * t.lineHeight).toFixed(1)}">${escapeXml(line)}</tspan>`,
    )
    .join('');

  const venue = fitLine(info.venue ?? '', 17, 11);
  const dates = posterDates(info.startDate, info.endDate);
  const venueLines = info.venue
    ? venue.lines
        .map(
          (line, i) =>
            `<tspan x="${MARGIN}" y="${500 + i * (venue.fontSize + 3)}">${escapeXml(line)}</tspan>`,
        )
        .join('')
    : '';

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="'Noto Sans KR','Apple SD Gothic Neo','Malgun Gothic',system-ui,sans-serif" role="img" aria-label="${escapeXml(title)}">
<defs>
<linearGradient id="bg" x1="0" y1="0" x2="0.4" y2="1"><stop offset="0" stop-color="hsl(${hue.toFixed(0)},62%,42%)"/><stop offset="1" stop-color="hsl(${hue2.toFixed(0)},70%,16%)"/></linearGradient>
<radialGradient id="disc" cx="0.35" cy="0.35" r="0.75"><stop offset="0" stop-color="hsl(${accent.toFixed(0)},85%,68%)"/><stop offset="1" stop-color="hsl(${accent.toFixed(0)},75%,45%)"/></radialGradient>
<linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0.35" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.55"/></linearGradient>
</defs>
<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#bg)"/>
<circle cx="${discX}" cy="${discY}" r="${discR}" fill="url(#disc)" fill-opacity="0.55"/>
<g transform="rotate(${bandAngle} 200 300)" fill="#fff"><rect x="-200" y="250" width="800" height="26" fill-opacity="0.10"/><rect x="-200" y="292" width="800" height="8" fill-opacity="0.16"/></g>
<circle cx="${ringX}" cy="${ringY}" r="${ringR}" fill="none" stroke="#fff" stroke-opacity="0.18" stroke-width="3"/>
<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#shade)"/>
<rect x="${MARGIN}" y="44" width="28" height="4" fill="hsl(${accent.toFixed(0)},90%,70%)"/>
<text x="${MARGIN}" y="80" font-size="17" font-weight="700" letter-spacing="5" fill="#fff">${escapeXml(style.label)}</text>
<text font-size="${t.fontSize}" font-weight="800" fill="#fff" letter-spacing="-0.5">${titleLines}</text>
<line x1="${MARGIN}" y1="${TITLE_BOTTOM + 8}" x2="${WIDTH - MARGIN}" y2="${TITLE_BOTTOM + 8}" stroke="#fff" stroke-opacity="0.45"/>
${venueLines ? `<text font-size="${venue.fontSize}" font-weight="600" fill="#fff">${venueLines}</text>` : ''}
${dates ? `<text x="${MARGIN}" y="${info.venue ? 500 + venue.lines.length * (venue.fontSize + 3) + 4 : 504}" font-size="15" fill="#fff" fill-opacity="0.85">${escapeXml(dates)}</text>` : ''}
<text x="${MARGIN}" y="572" font-size="12" font-weight="700" letter-spacing="3" fill="#fff" fill-opacity="0.7">CULTURE TICKET</text>
</svg>`;
}
