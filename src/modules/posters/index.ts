import type { Infra } from '../../container.ts';
import type { PosterImages, PosterSlots } from './ports.ts';
import { postersRoutes } from './posters.routes.ts';
import { PosterService } from './posters.service.ts';

/** Uploaded posters: the catalogue holds the pointer, the image store the files. */
export function createPostersModule(
  infra: Pick<Infra, 'log'>,
  ports: { slots: PosterSlots; images: PosterImages },
) {
  const service = new PosterService({ ...ports, log: infra.log });
  return { routes: postersRoutes({ service }), service };
}
