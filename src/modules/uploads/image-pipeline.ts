import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../errors.ts';

/**
 * The image pipeline: what an upload is (read from its bytes, never from its name or declared type),
 * and the re-encoded sizes a preset asks for. Nothing here knows about posters beyond the preset.
 */

export type SourceFormat = 'jpeg' | 'png' | 'webp';
export type OutputFormat = 'webp' | 'jpeg';

/** A family of sizes cut to one shape. `aspect` is width / height; unset keeps the source's shape. */
export interface ImagePreset {
  /** Part of every file name, so the files of an image can be found from one of its URLs. */
  name: string;
  /** Output widths in pixels, smallest first; the last one is the image's canonical URL. */
  widths: readonly number[];
  aspect?: number;
}

/**
 * Posters are shown 3:4 at 112–260 CSS px wide (docs/uploads.md measures each place): 160 covers the
 * phone tiles and detail at 1x, 320 the desktop tiles at 1x and phones at 2x, 640 the desktop at 2x.
 */
export const POSTER_PRESET: ImagePreset = { name: 'poster', widths: [160, 320, 640], aspect: 3 / 4 };

/**
 * Chat images keep their own shape: shown at most 240 CSS px wide in a message bubble (480 covers
 * 2x screens) and 960 when opened full-width on a phone.
 */
export const CHAT_PRESET: ImagePreset = { name: 'chat', widths: [480, 960] };

export const PRESETS: Record<string, ImagePreset> = { poster: POSTER_PRESET, chat: CHAT_PRESET };

/** Bumped when the encoding changes, so new output never reuses an old (cached-forever) name. */
const PIPELINE_VERSION = 'v1';

export interface ImageVariant {
  width: number;
  height: number;
  format: OutputFormat;
  body: Buffer;
}

export interface ProcessedImage {
  /** Content hash of the source bytes, preset and pipeline version: the name's stable part. */
  hash: string;
  source: { format: SourceFormat; width: number; height: number };
  variants: ImageVariant[];
}

/** The format the first bytes announce, or null: JPEG FF D8 FF, PNG's 8-byte signature, RIFF….WEBP. */
export function sniffImage(bytes: Buffer): SourceFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'webp';
  }
  return null;
}
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Checks and re-encodes an upload: the magic bytes must name JPEG, PNG or WebP and sharp must read
 * the same format from the header; the pixel count is checked from the header before anything is
 * decoded (a 100 kB PNG can claim 10 billion pixels), and sharp's `limitInputPixels` stands behind
 * that check. Every size is re-encoded as WebP and as a JPEG fallback; EXIF, ICC and XMP are dropped
 * (sharp keeps no metadata unless asked), after the EXIF orientation has been applied.
 */
export async function processImage(
  bytes: Buffer,
  preset: ImagePreset,
  limits: { maxPixels: number },
): Promise<ProcessedImage> {
  const sniffed = sniffImage(bytes);
  if (!sniffed) throw new AppError('IMAGE_TYPE_UNSUPPORTED', 'The file is not a JPEG, PNG or WebP image');
  const input = () => sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error', animated: false });
  let meta: Metadata;
  try {
    // The header alone (no pixel is decoded here), read without the limit so that a bomb gets its
    // own answer below rather than a generic read failure.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('IMAGE_UNREADABLE', 'The image could not be read');
  }
  if (meta.format !== sniffed || !meta.width || !meta.height) {
    throw new AppError('IMAGE_UNREADABLE', 'The image header does not match its contents');
  }
  if (meta.width * meta.height > limits.maxPixels) {
    throw new AppError(
      'IMAGE_TOO_MANY_PIXELS',
      `The image is ${meta.width}×${meta.height}; at most ${limits.maxPixels} pixels are accepted`,
      { limit: limits.maxPixels },
    );
  }
  const hash = createHash('sha256')
    .update(`${PIPELINE_VERSION}:${preset.name}:`)
    .update(bytes)
    .digest('hex')
    .slice(0, 24);
  const variants: ImageVariant[] = [];
  try {
    // One decode, rotated upright; each size is cut from it.
    const upright = input().rotate();
    for (const width of preset.widths) {
      const height = preset.aspect
        ? Math.round(width / preset.aspect)
        : Math.max(1, Math.round((width * meta.height) / meta.width));
      const sized = upright.clone().resize({ width, height, fit: 'cover', position: 'centre' });
      const [webp, jpeg] = await Promise.all([
        sized.clone().webp({ quality: 80, effort: 4 }).toBuffer(),
        sized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
      ]);
      variants.push(
        { width, height, format: 'webp', body: webp },
        { width, height, format: 'jpeg', body: jpeg },
      );
    }
  } catch (err) {
    // A header that read well over a body that does not decode (truncated, corrupt).
    throw new AppError('IMAGE_UNREADABLE', `The image could not be decoded: ${(err as Error).message}`);
  }
  return { hash, source: { format: sniffed, width: meta.width, height: meta.height }, variants };
}
