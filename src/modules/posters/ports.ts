import type { UploadedFile } from '../../http/multipart.ts';

/** What a poster points at, on the catalogue's side (catalog.admin.replacePoster). */
export interface PosterSlots {
  /**
   * Sets the performance's poster (null: the generated one) and commits; says whether the poster it
   * replaced is still shown anywhere. Throws PERFORMANCE_NOT_FOUND.
   */
  replacePoster(
    performanceId: string,
    posterUrl: string | null,
  ): Promise<{ previous: string | null; previousInUse: boolean }>;
}

/** The image store (uploads.service), with the poster sizes. */
export interface PosterImages {
  readonly maxBytes: number;
  storePoster(
    file: UploadedFile,
  ): Promise<{ image: { url: string; width: number; height: number }; created: boolean }>;
  /** Deletes every size of a stored image; other URLs (generated posters, https links) are left. */
  removeImage(url: string): Promise<void>;
}
