import type { ConsumerHandle } from '../../infra/broker.ts';
import { LeasedJob } from '../../infra/lease.ts';
import type { Background, Infra } from '../../container.ts';
import type { Notifier } from '../notifications/index.ts';
import { AlertFanout, AlertPageConsumer, PAGE_ROUTING_KEY } from './fanout.ts';
import { OnsaleAlertsRepository } from './onsale-alerts.repository.ts';
import { onsaleAlertsRoutes } from './onsale-alerts.routes.ts';
import { OnsaleAlertsService } from './onsale-alerts.service.ts';
import { ShowtimeJobs } from './showtime-jobs.ts';
import { noHolders, type AlertCatalog, type ShowtimeHolders } from './ports.ts';
import './onsale-alerts.tables.ts';

export type { AlertCatalog, ShowtimeHolders } from './ports.ts';

/** Queue names (the broker prefixes them with AMQP_QUEUE_PREFIX); tests delete them afterwards. */
export const ONSALE_ALERT_QUEUES = { pages: 'onsale-alerts.pages' } as const;

/**
 * Sales-open alerts: subscriptions (routes), the leased fan-out job that publishes one broker message
 * per page of subscribers, the consumer that turns a page into notifications, and the leased
 * day-before reminder and review-invitation jobs (docs/onsale-alerts.md).
 */
export function createOnsaleAlertsModule(
  infra: Pick<Infra, 'config' | 'db' | 'redis' | 'broker' | 'clock' | 'log'>,
  ports: { catalog: AlertCatalog; notifier: Pick<Notifier, 'deliver'>; holders?: ShowtimeHolders },
) {
  const { config, db, redis, broker, clock, log } = infra;
  const repo = new OnsaleAlertsRepository();
  const service = new OnsaleAlertsService({ db, repo, catalog: ports.catalog, clock });
  const fanout = new AlertFanout({
    db,
    repo,
    catalog: ports.catalog,
    broker,
    clock,
    log,
    pageSize: config.ONSALE_ALERT_PAGE_SIZE,
  });
  const pages = new AlertPageConsumer({
    db,
    repo,
    notifier: ports.notifier,
    clock,
    publicUrl: config.PUBLIC_URL,
  });
  const jobs = new ShowtimeJobs({
    db,
    repo,
    catalog: ports.catalog,
    holders: ports.holders ?? noHolders,
    notifier: ports.notifier,
    clock,
    publicUrl: config.PUBLIC_URL,
  });

  const leased = (name: string, run: () => Promise<unknown>): Background => {
    const job = new LeasedJob({
      name,
      intervalMs: config.ONSALE_ALERTS_INTERVAL_MS,
      redis,
      log,
      run: async () => {
        await run();
      },
    });
    return { name, start: () => job.start(), stop: () => job.stop() };
  };

  let handle: ConsumerHandle | undefined;
  const consumer: Background = {
    name: 'onsale-alert-pages',
    start: async () => {
      handle = await broker.consume({
        queue: ONSALE_ALERT_QUEUES.pages,
        bindings: [PAGE_ROUTING_KEY],
        // A page is up to ONSALE_ALERT_PAGE_SIZE deliveries: a few at a time per worker.
        prefetch: 4,
        handler: async (body) => {
          await pages.handle(body);
        },
      });
    },
    stop: async () => {
      await handle?.cancel();
      handle = undefined;
    },
  };

  return {
    routes: onsaleAlertsRoutes({ service }),
    background: [
      leased('onsale-alert-fanout', () => fanout.runOnce()),
      consumer,
      leased('show-reminders', () => jobs.remindOnce()),
      leased('review-invitations', () => jobs.inviteOnce()),
    ],
    service,
    fanout,
    pages,
    jobs,
  };
}

export type OnsaleAlertsModule = ReturnType<typeof createOnsaleAlertsModule>;
