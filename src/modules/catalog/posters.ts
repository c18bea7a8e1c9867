import { createHash } from 'node:crypto';

const CATEGORY_LABEL: Record<string, string> = {
  musical: 'MUSICAL',
  concert: 'CONCERT',
  play: 'PLAY',
  classical: 'CLASSICAL',
  dance: 'DANCE',
  exhibition: 'EXHIBITION',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Splits a title into at most three lines of about `width` characters, on spaces where possible. */
function wrap(title: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 3);
}

/**
 * A generated poster (no external images): two colours and a pattern derived from the id, the title
 * and the category. Deterministic, so it caches forever per id + title.
 */
export function posterSvg(id: string, title: string, categorySlug: string): string {
  const h = createHash('sha256').update(id).digest();
  const hue1 = (h[0]! * 360) / 256;
  const hue2 = (hue1 + 40 + (h[1]! % 120)) % 360;
  const circles = Array.from({ length: 6 }, (_, i) => {
    const cx = (h[2 + i]! / 255) * 400;
    const cy = (h[8 + i]! / 255) * 600;
    const r = 30 + (h[14 + i]! % 120);
    return `<circle cx="${cx.toFixed(0)}" cy="${cy.toFixed(0)}" r="${r}" fill="#fff" fill-opacity="0.08"/>`;
  }).join('');
  const lines = wrap(title, 12)
    .map(
      (l, i) =>
        `<text x="30" y="${420 + i * 46}" font-size="38" font-weight="700" fill="#fff">${escapeXml(l)}</text>`,
    )
    .join('');
  const label = CATEGORY_LABEL[categorySlug] ?? categorySlug.toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="600" viewBox="0 0 400 600" font-family="sans-serif">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue1.toFixed(0)},65%,45%)"/><stop offset="1" stop-color="hsl(${hue2.toFixed(0)},70%,25%)"/></linearGradient></defs>
<rect width="400" height="600" fill="url(#g)"/>${circles}
<text x="30" y="60" font-size="18" letter-spacing="4" fill="#fff" fill-opacity="0.8">${escapeXml(label)}</text>
${lines}
<text x="30" y="570" font-size="14" fill="#fff" fill-opacity="0.7">CULTURE TICKET</text>
</svg>`;
}
