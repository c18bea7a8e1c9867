import type { Infra } from '../../container.ts';
import { createStorage, type ObjectStorage } from '../../infra/storage/index.ts';
import { uploadsRoutes } from './uploads.routes.ts';
import { UploadsService } from './uploads.service.ts';

export { CHAT_PRESET, POSTER_PRESET } from './image-pipeline.ts';
export type { StoredImage } from './uploads.service.ts';

/** Uploaded images: the storage the configuration names, the image pipeline, and their routes. */
export function createUploadsModule(
  infra: Pick<Infra, 'config' | 'log'>,
  opts: { storage?: ObjectStorage } = {},
) {
  const storage = opts.storage ?? createStorage(infra.config);
  const service = new UploadsService({
    storage,
    log: infra.log,
    limits: { maxBytes: infra.config.UPLOAD_MAX_BYTES, maxPixels: infra.config.UPLOAD_MAX_PIXELS },
  });
  return {
    routes: uploadsRoutes({ service, imagesPerUserPerMinute: infra.config.CHAT_IMAGE_UPLOADS_PER_MINUTE }),
    service,
    storage,
  };
}
