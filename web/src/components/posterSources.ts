/**
 * Uploaded posters are stored at a few widths, as WebP and JPEG, under names that differ only in the
 * width and extension: `/api/v1/media/images/poster-<hash>-640.jpg` (the URL a performance keeps)
 * has `…-160.webp`, `…-320.jpg` and so on beside it. Other poster URLs (the generated SVG, an https
 * link) have no sizes and are shown as they are.
 */
export const POSTER_WIDTHS = [160, 320, 640] as const;

const UPLOADED = /^(\/api\/v1\/media\/images\/poster-[0-9a-f]{24})-\d+\.jpg$/;

export interface PosterSources {
  webp: string;
  jpeg: string;
  /** The smallest JPEG that is at least `minWidth` wide (for <img src>). */
  src: (minWidth: number) => string;
}

export function posterSources(url: string): PosterSources | null {
  const base = UPLOADED.exec(url)?.[1];
  if (!base) return null;
  const set = (ext: string) => POSTER_WIDTHS.map((w) => `${base}-${w}.${ext} ${w}w`).join(', ');
  return {
    webp: set('webp'),
    jpeg: set('jpg'),
    src: (minWidth) => `${base}-${POSTER_WIDTHS.find((w) => w >= minWidth) ?? POSTER_WIDTHS.at(-1)}.jpg`,
  };
}

/** How wide each place shows a poster, in CSS pixels (styles.css, discovery.css, detail.css). */
export const POSTER_SIZES = {
  /** Home rows and search results: 42% of a phone's width, a fifth to a quarter of 1080 px. */
  tile: '(min-width: 720px) 260px, 45vw',
  /** The detail page's hero: 112 px on a phone, 220 px from 720 px up. */
  detail: '(min-width: 720px) 220px, 112px',
  /** Thumbnails (admin list, search suggestions). */
  thumb: '48px',
} as const;
