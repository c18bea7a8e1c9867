import type { AuditPort } from '../../infra/audit.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { UploadedFile } from '../../http/multipart.ts';
import type { PosterImages, PosterSlots } from './ports.ts';

export interface PosterResult {
  url: string;
  width: number;
  height: number;
}

/**
 * A performance's uploaded poster. The order is what keeps files and rows in step:
 *   1. store the new image's files (nothing points at them yet);
 *   2. point the performance at them and commit — undo on failure: delete the new files, unless
 *      the same image was already stored (then they are someone else's too);
 *   3. only after the commit, delete the old poster's files if no performance shows it any more.
 *      This step has no undo and needs none: if it fails the old files stay as orphans (logged),
 *      never a performance without its poster.
 */
export class PosterService {
  constructor(
    private readonly deps: {
      slots: PosterSlots;
      images: PosterImages;
      audit: AuditPort;
      db: Db;
      log: Logger;
    },
  ) {}

  get maxBytes(): number {
    return this.deps.images.maxBytes;
  }

  /** The upload action of the performance editor, recorded in the audit log with the poster before. */
  async replacePoster(
    actor: { id: string },
    performanceId: string,
    file: UploadedFile,
  ): Promise<PosterResult> {
    const { image, created } = await this.deps.images.storePoster(file);
    let previous: string | null;
    try {
      ({ previous } = await this.commit(performanceId, image.url));
    } catch (err) {
      if (created) await this.removeQuietly(image.url, 'undo of a poster that was not saved');
      throw err;
    }
    await this.audited(actor, 'performance.poster.replace', performanceId, previous, image.url);
    return image;
  }

  /** Back to the generated poster; the uploaded one's files go when nothing shows them. */
  async removePoster(actor: { id: string }, performanceId: string): Promise<void> {
    const { previous } = await this.commit(performanceId, null);
    await this.audited(actor, 'performance.poster.remove', performanceId, previous, null);
  }

  /**
   * The audit entry, after the catalogue's commit (the pointer changes in the catalogue's own
   * transaction); a failure to write it is logged, the change stands.
   */
  private async audited(
    actor: { id: string },
    action: string,
    performanceId: string,
    previous: string | null,
    next: string | null,
  ): Promise<void> {
    await this.deps.audit
      .record(this.deps.db, {
        actorId: actor.id,
        action,
        target: { type: 'performances', id: performanceId },
        before: { posterUrl: previous },
        after: { posterUrl: next },
      })
      .catch((err: Error) => this.deps.log.error({ err, performanceId }, 'audit entry could not be written'));
  }

  private async commit(performanceId: string, url: string | null): Promise<{ previous: string | null }> {
    const { previous, previousInUse } = await this.deps.slots.replacePoster(performanceId, url);
    if (previous && !previousInUse) await this.removeQuietly(previous, 'old poster after its replacement');
    return { previous };
  }

  private async removeQuietly(url: string, why: string): Promise<void> {
    await this.deps.images.removeImage(url).catch((err: Error) => {
      this.deps.log.warn({ err: err.message, url }, `image files left behind: ${why}`);
    });
  }
}
