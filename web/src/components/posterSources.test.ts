import { describe, expect, it } from 'vitest';
import { POSTER_PRESET } from '../../../src/modules/uploads/image-pipeline.ts';
import { MEDIA_PATH } from '../../../src/modules/uploads/uploads.service.ts';
import { POSTER_WIDTHS, posterSources } from './posterSources.ts';

describe('poster sources', () => {
  const url = `${MEDIA_PATH}poster-${'ab12'.repeat(6)}-640.jpg`;

  it('offers exactly the widths the server stores', () => {
    expect([...POSTER_WIDTHS]).toEqual([...POSTER_PRESET.widths]);
  });

  it('derives the WebP and JPEG sizes of an uploaded poster from the URL it keeps', () => {
    const s = posterSources(url)!;
    const base = url.replace(/-640\.jpg$/, '');
    expect(s.webp).toBe(`${base}-160.webp 160w, ${base}-320.webp 320w, ${base}-640.webp 640w`);
    expect(s.jpeg).toBe(`${base}-160.jpg 160w, ${base}-320.jpg 320w, ${base}-640.jpg 640w`);
    expect(s.src(100)).toBe(`${base}-160.jpg`);
    expect(s.src(200)).toBe(`${base}-320.jpg`);
    expect(s.src(2000)).toBe(`${base}-640.jpg`);
  });

  it('leaves generated and linked posters alone', () => {
    expect(posterSources('/api/v1/posters/0b3c8a1e-5d0e-4b8e-9d8a-0c1f1b2a3c4d.svg')).toBeNull();
    expect(posterSources('https://example.com/poster-640.jpg')).toBeNull();
  });
});
