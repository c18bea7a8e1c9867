import type { Infra } from '../../container.ts';
import type { AuditPort } from '../../infra/audit.ts';
import type { PosterImages, PosterSlots } from './ports.ts';
import { postersRoutes } from './posters.routes.ts';
import { PosterService } from './posters.service.ts';

/** Uploaded posters: the catalogue holds the pointer, the image store the files. */
export function createPostersModule(
  infra: Pick<Infra, 'log' | 'db'>,
  ports: { slots: PosterSlots; images: PosterImages; audit: AuditPort },
) {
  const service = new PosterService({ ...ports, db: infra.db, log: infra.log });
  return { routes: postersRoutes({ service }), service };
}
