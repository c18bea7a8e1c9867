import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Background, Infra } from '../../container.ts';
import type { AdmissionGate } from '../booking/ports.ts';
import { AdmissionTokens } from './admission-tokens.ts';
import { AdmissionTicker, DEFAULT_TICKER, type TickerOptions } from './admission.ticker.ts';
import { DrawSeeds, EntryIds, QueueDraw } from './draw.ts';
import { ProofOfWork } from './proof-of-work.ts';
import { QueueAudit } from './queue-audit.ts';
import { StreamLimiter } from '../../infra/stream-limiter.ts';
import { QueueStreamHub } from './queue-stream.ts';
import { observeQueues } from './queue-metrics.ts';
import { QueueSettingsCache } from './queue-settings.ts';
import { DEFAULT_SERVING_COUNTER, ServingCounter, type ServingCounterOptions } from './serving-counter.ts';
import type { QueueSettingsPort } from './ports.ts';
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
  /** The pre-queue draw (the ticker performs it at the open) and its stored seeds. */
  draw: QueueDraw;
  seeds: DrawSeeds;
  /** The public audit of the draw and the live dashboard's fairness figures. */
  audit: QueueAudit;
  /** Proof-of-work challenges for entering. */
  pow: ProofOfWork;
  /** Public entry ids (the draw's input). */
  entryIds: EntryIds;
  repository: WaitingRoomRepository;
  hub: QueueStreamHub;
}

export interface WaitingRoomPorts {
  /** Showtimes and their queue settings (the catalogue). */
  settings: QueueSettingsPort;
}

export interface WaitingRoomOptions {
  ticker?: Partial<TickerOptions>;
  limits?: Partial<WaitingRoomLimits>;
  streamPollMs?: number;
  /** Export per-showtime queue gauges read at scrape time (the worker process only). */
  queueGauges?: boolean;
  /** The process's stream limiter (shared with other stream routes); one from config otherwise. */
  streams?: StreamLimiter;
  /** The polls' serving-counter snapshots (refresh period, staleness, idle stop). */
  servingCounter?: Partial<ServingCounterOptions>;
}

export function createWaitingRoomModule(
  infra: Pick<Infra, 'config' | 'db' | 'redis' | 'log' | 'metrics' | 'clock'>,
  ports: WaitingRoomPorts,
  options: WaitingRoomOptions = {},
): WaitingRoomModule {
  const repository = new WaitingRoomRepository(infra.redis);
  const settings = new QueueSettingsCache(ports.settings, {
    leadMinutes: infra.config.QUEUE_OPENS_BEFORE_SALES_MINUTES,
    powDifficulty: infra.config.QUEUE_POW_DIFFICULTY,
  });
  const seeds = new DrawSeeds(infra.db);
  const ids = new EntryIds(infra.config.JWT_SECRET);
  const draw = new QueueDraw(repository, seeds, ids);
  const pow = new ProofOfWork(infra.redis, infra.config.JWT_SECRET, infra.clock, {
    challengeMs: infra.config.QUEUE_POW_CHALLENGE_SECONDS * 1000,
    spikePerSecond: infra.config.QUEUE_POW_SPIKE_PER_SECOND,
    maxFactor: 64,
  });
  const service = new WaitingRoomService(
    repository,
    settings,
    new AdmissionTokens(infra.config.JWT_SECRET),
    seeds,
    infra.clock,
    ids,
    pow,
    new ServingCounter(repository, infra.log, { ...DEFAULT_SERVING_COUNTER, ...options.servingCounter }),
  );
  const audit = new QueueAudit(service, seeds, repository, pow, infra.clock);
  const admissions = infra.metrics.counter({
    name: 'waiting_room_admissions_total',
    help: 'Users admitted from waiting rooms',
  });
  const tickDuration = infra.metrics.histogram({
    name: 'waiting_room_tick_duration_seconds',
    help: 'Duration of one admission tick over every showtime with a waiting line',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  });
  if (options.queueGauges) observeQueues(infra.metrics, repository);
  const ticker = new AdmissionTicker(
    repository,
    settings,
    draw,
    { ...DEFAULT_TICKER, ...options.ticker },
    admissions,
    tickDuration,
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
  const streams =
    options.streams ??
    new StreamLimiter(infra.redis, {
      perUser: infra.config.STREAM_LIMIT_PER_USER,
      perAddress: infra.config.STREAM_LIMIT_PER_ADDRESS,
      perInstance: infra.config.STREAM_LIMIT_PER_INSTANCE,
    });
  return {
    routes: waitingRoomRoutes(service, hub, limits, streams, audit),
    background: [ticker.job(infra.redis, infra.log)],
    gate: service,
    service,
    ticker,
    draw,
    seeds,
    audit,
    pow,
    entryIds: ids,
    repository,
    hub,
  };
}
