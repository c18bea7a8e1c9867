import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Background, Infra } from '../../container.ts';
import { LeasedJob } from '../../infra/lease.ts';
import { OnsaleLiveRepository } from './onsale-live.repository.ts';
import { onsaleLiveRoutes } from './onsale-live.routes.ts';
import {
  noHolds,
  OnsaleLiveService,
  type HeldCount,
  type QueueFigures,
  type SalesFigures,
} from './onsale-live.service.ts';

export type { HeldCount } from './onsale-live.service.ts';

export interface OnsaleLiveModule {
  routes: FastifyPluginAsyncTypebox;
  background: Background[];
  service: OnsaleLiveService;
}

/** Admin live figures of an onsale. `holds` is checkout's count of held seats (none until wired). */
export function createOnsaleLiveModule(
  infra: Pick<Infra, 'redis' | 'log' | 'clock'>,
  ports: { queue: QueueFigures; sales: SalesFigures; holds?: HeldCount; sampleIntervalMs?: number },
): OnsaleLiveModule {
  const repo = new OnsaleLiveRepository(infra.redis);
  const log = infra.log.child({ module: 'onsale-live' });
  const service = new OnsaleLiveService(
    repo,
    ports.queue,
    ports.sales,
    ports.holds ?? noHolds,
    log,
    infra.clock,
  );
  const job = new LeasedJob({
    name: 'onsale-live-sampler',
    intervalMs: ports.sampleIntervalMs ?? 10_000,
    redis: infra.redis,
    log,
    run: async () => {
      await service.sampleAll();
    },
  });
  return {
    routes: onsaleLiveRoutes(service),
    background: [{ name: 'onsale-live-sampler', start: () => job.start(), stop: () => job.stop() }],
    service,
  };
}
