import type { Logger } from '../../infra/logger.ts';
import type { ObjectStorage, StoredObject } from '../../infra/storage/index.ts';
import type { UploadedFile } from '../../http/multipart.ts';
import { processImage, PRESETS, type ImagePreset, type ImageVariant } from './image-pipeline.ts';

/** Where the API serves stored images; a URL under it names the object `images/<file>`. */
export const MEDIA_PATH = '/api/v1/media/images/';

/** An image's file names: `<preset>-<hash>-<width>.<webp|jpg>`. */
const FILE = /^([a-z]+)-([0-9a-f]{24})-(\d{1,4})\.(webp|jpg)$/;

export interface StoredImage {
  /** The largest JPEG: the URL to keep (a poster's `posterUrl`); the other sizes derive from it. */
  url: string;
  width: number;
  height: number;
}

const extensionOf = (format: ImageVariant['format']) => (format === 'webp' ? 'webp' : 'jpg');
const fileOf = (preset: ImagePreset, hash: string, v: Pick<ImageVariant, 'width' | 'format'>) =>
  `${preset.name}-${hash}-${v.width}.${extensionOf(v.format)}`;

/**
 * Images through the storage port: check and re-encode an upload, store every size, serve them, and
 * remove an image's files. Generic: a preset says which sizes; posters are one caller, message
 * images will be another.
 */
export class UploadsService {
  constructor(
    private readonly deps: {
      storage: ObjectStorage;
      log: Logger;
      limits: { maxBytes: number; maxPixels: number };
    },
  ) {}

  get maxBytes(): number {
    return this.deps.limits.maxBytes;
  }

  /**
   * The upload action (POST /admin/uploads): one place where an admin's upload is checked, stored
   * and, later, written to the audit log.
   */
  async uploadImage(actor: { id: string }, file: UploadedFile, preset: ImagePreset): Promise<StoredImage> {
    const { image } = await this.storeImage(file, preset);
    this.deps.log.info({ actorId: actor.id, url: image.url, filename: file.filename }, 'image uploaded');
    return image;
  }

  /**
   * Checks, re-encodes and stores every size. `created` is false when the same image (same bytes,
   * same preset) was already stored: its files are shared, so a caller undoing this store must
   * leave them alone.
   */
  async storeImage(
    file: UploadedFile,
    preset: ImagePreset,
  ): Promise<{ image: StoredImage; created: boolean }> {
    const processed = await processImage(file.bytes, preset, { maxPixels: this.deps.limits.maxPixels });
    const largest = processed.variants.filter((v) => v.format === 'jpeg').at(-1)!;
    const canonical = `images/${fileOf(preset, processed.hash, largest)}`;
    const created = !(await this.deps.storage.exists(canonical));
    if (created) {
      // The canonical file last: its presence says the whole set is there.
      const ordered = [...processed.variants.filter((v) => v !== largest), largest];
      for (const v of ordered) {
        await this.deps.storage.put(
          `images/${fileOf(preset, processed.hash, v)}`,
          v.body,
          v.format === 'webp' ? 'image/webp' : 'image/jpeg',
        );
      }
    }
    return {
      image: {
        url: `${MEDIA_PATH}${fileOf(preset, processed.hash, largest)}`,
        width: largest.width,
        height: largest.height,
      },
      created,
    };
  }

  /** The storage keys of every size of an image given one of its URLs; none for other URLs. */
  keysOf(url: string): string[] {
    if (!url.startsWith(MEDIA_PATH)) return [];
    const match = FILE.exec(url.slice(MEDIA_PATH.length));
    const preset = match ? PRESETS[match[1]!] : undefined;
    if (!match || !preset) return [];
    return preset.widths.flatMap((width) =>
      (['webp', 'jpeg'] as const).map((format) => `images/${fileOf(preset, match[2]!, { width, format })}`),
    );
  }

  /** True when `url` names a stored image of the preset (its canonical file is in the store). */
  async isStored(url: string, preset: ImagePreset): Promise<boolean> {
    if (!url.startsWith(MEDIA_PATH)) return false;
    const match = FILE.exec(url.slice(MEDIA_PATH.length));
    if (!match || match[1] !== preset.name || match[4] !== 'jpg') return false;
    if (Number(match[3]) !== preset.widths.at(-1)) return false;
    return this.deps.storage.exists(`images/${url.slice(MEDIA_PATH.length)}`);
  }

  /** Deletes every size of an image; a URL that is not a stored image (a generated poster) is left. */
  async removeImage(url: string): Promise<void> {
    const keys = this.keysOf(url);
    if (keys.length > 0) await this.deps.storage.delete(keys);
  }

  /** A stored image by its file name, or null. */
  async open(file: string): Promise<StoredObject | null> {
    if (!FILE.test(file)) return null;
    return this.deps.storage.get(`images/${file}`);
  }
}
