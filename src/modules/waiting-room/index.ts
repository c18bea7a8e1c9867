import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Background, Infra } from '../../container.ts';
import type { AdmissionGate } from '../booking/ports.ts';
import { AdmissionTokens } from './admission-tokens.ts';
import { AdmissionTicker, DEFAULT_TICKER, type TickerOptions } from './admission.ticker.ts';
import { QueueStreamHub } from './queue-stream.ts';
import { QueueSettingsRepository } from './settings.repository.ts';
import { WaitingRoomRepository } from './waiting-room.repository.ts';
import { waitingRoomRoutes, type WaitingRoomLimits } from './waiting-room.routes.ts';
import { WaitingRoomService } from './waiting-room.service.ts';

export interface WaitingRoomModule {
  routes: FastifyPluginAsyncTypebox;
  /** The admission ticker, run by the worker under a Redis lease. */
  background: Background[];
  /** For checkout: holds and reservations of a queued showtime need a live admission. */
  gate: AdmissionGate;
  service: WaitingRoomService;
  ticker: AdmissionTicker;
  repository: WaitingRoomRepository;
  hub: QueueStreamHub;
}

export interface WaitingRoomOptions {
  ticker?: Partial<TickerOptions>;
  limits?: Partial<WaitingRoomLimits>;
  streamPollMs?: number;
}

export function createWaitingRoomModule(
  infra: Pick<Infra, 'config' | 'db' | 'redis' | 'log' | 'metrics'>,
  options: WaitingRoomOptions = {},
): WaitingRoomModule {
  const repository = new WaitingRoomRepository(infra.redis);
  const settings = new QueueSettingsRepository(infra.db);
  const service = new WaitingRoomService(repository, settings, new AdmissionTokens(infra.config.JWT_SECRET));
  const admissions = infra.metrics.counter({
    name: 'waiting_room_admissions_total',
    help: 'Users admitted from waiting rooms',
  });
  const ticker = new AdmissionTicker(
    repository,
    settings,
    { ...DEFAULT_TICKER, ...options.ticker },
    admissions,
  );
  const hub = new QueueStreamHub((id, users) => service.statusMany(id, users), infra.log, {
    pollMs: options.streamPollMs ?? 1_000,
    batchSize: 500,
  });
  const limits: WaitingRoomLimits = {
    enterPerUserPerMinute: 30,
    pollPerUserPerMinute: 120,
    perIpPerMinute: infra.config.RATE_LIMIT_PER_MINUTE,
    heartbeatMs: 15_000,
    ...options.limits,
  };
  return {
    routes: waitingRoomRoutes(service, hub, limits),
    background: [ticker.job(infra.redis, infra.log)],
    gate: service,
    service,
    ticker,
    repository,
    hub,
  };
}
