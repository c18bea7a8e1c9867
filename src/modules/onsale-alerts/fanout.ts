import { PermanentError, type Broker } from '../../infra/broker.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { Notifier } from '../notifications/index.ts';
import { openingNotice, type OpeningFacts } from './alert-copy.ts';
import type { OnsaleAlertsRepository, OpenRun } from './onsale-alerts.repository.ts';
import type { RunAudience } from './onsale-alerts.tables.ts';
import type { AlertCatalog } from './ports.ts';

/** How long before salesOpenAt the ONSALE_SOON alert goes out. */
export const SOON_LEAD_MS = 10 * 60_000;
/**
 * How long after salesOpenAt an ONSALE_OPEN still goes out when the job was down: "sales are open"
 * stays true and useful for a while; after this it would be news nobody asked for.
 */
export const OPEN_GRACE_MS = 6 * 3600_000;
/** Routing key of a page message. */
export const PAGE_ROUTING_KEY = 'onsale-alert.page';

/** One broker message: one page of one audience of one (showtime, phase, salesOpenAt). */
export interface AlertPage extends OpeningFacts {
  phase: 'ONSALE_SOON' | 'ONSALE_OPEN';
  audience: 'showtime' | 'performance';
  /** Subscribers with user id in (after, until]; after null = from the first. */
  after: string | null;
  until: string;
}

export interface FanoutDeps {
  db: Db;
  repo: OnsaleAlertsRepository;
  catalog: AlertCatalog;
  broker: Broker;
  clock: Clock;
  log: Logger;
  pageSize: number;
}

const NEXT_AUDIENCE: Record<RunAudience, RunAudience> = {
  showtime: 'performance',
  performance: 'done',
  done: 'done',
};

/**
 * The fan-out job: claims each due (showtime, phase, salesOpenAt) once in `alert_runs`, then walks
 * its subscribers by user id (showtime subscribers, then the performance's) and publishes one broker
 * message per page, recording the cursor after each confirm. A worker that dies half way leaves the
 * run open and the next holder of the lease resumes from the cursor; a page published twice is
 * harmless (the consumer's deliveries are deduplicated per user and key).
 *
 * ONSALE_SOON is due from salesOpenAt − 10 min until salesOpenAt; once sales have opened it is never
 * claimed (a job that was down sends only ONSALE_OPEN), and pages of a SOON run not yet published
 * are dropped. ONSALE_OPEN is due from salesOpenAt for OPEN_GRACE_MS.
 */
export class AlertFanout {
  constructor(private readonly d: FanoutDeps) {}

  async runOnce(): Promise<{ claimed: number; pages: number }> {
    const claimed = await this.claimDue();
    let pages = 0;
    for (const run of await this.d.repo.openFanouts(this.d.db, 100)) pages += await this.publish(run);
    return { claimed, pages };
  }

  private async claimDue(): Promise<number> {
    const { db, repo, catalog, clock } = this.d;
    const now = clock.now();
    const nowMs = now.getTime();
    const due = await catalog.openingBetween(
      new Date(nowMs - OPEN_GRACE_MS),
      new Date(nowMs + SOON_LEAD_MS + 1),
      1000,
    );
    if (due.length === 0) return 0;
    const existing = await repo.existingRuns(
      db,
      due.map((s) => s.showtimeId),
      ['ONSALE_SOON', 'ONSALE_OPEN'],
    );
    let claimed = 0;
    for (const s of due) {
      const openMs = s.salesOpenAt.getTime();
      const phase = nowMs >= openMs ? 'ONSALE_OPEN' : nowMs >= openMs - SOON_LEAD_MS ? 'ONSALE_SOON' : null;
      if (!phase || existing.has(`${s.showtimeId} ${phase} ${s.salesOpenAt.toISOString()}`)) continue;
      if (await repo.claimRun(db, s.showtimeId, phase, s.salesOpenAt, now)) claimed++;
    }
    return claimed;
  }

  /** Publishes the remaining pages of one run; returns how many. */
  private async publish(run: OpenRun): Promise<number> {
    const { db, repo, catalog, broker, clock, pageSize } = this.d;
    const s = await catalog.showtime(run.showtimeId);
    const stale =
      !s ||
      s.salesOpenAt.getTime() !== run.at.getTime() ||
      (run.phase === 'ONSALE_SOON' && clock.nowMs() >= run.at.getTime());
    if (stale) {
      // Deleted, moved (a new run is claimed for the new time) or a SOON overtaken by the opening.
      await repo.finishRun(db, run.showtimeId, run.phase, run.at, clock.now());
      return 0;
    }
    const facts: OpeningFacts = {
      showtimeId: s.showtimeId,
      performanceId: s.performanceId,
      title: s.title,
      salesOpenAt: s.salesOpenAt.toISOString(),
    };
    let { audience, cursor } = run;
    let pages = 0;
    while (audience !== 'done') {
      const targetId = audience === 'showtime' ? s.showtimeId : s.performanceId;
      const until = await repo.pageEnd(db, audience, targetId, cursor, pageSize);
      if (!until) {
        audience = NEXT_AUDIENCE[audience];
        cursor = null;
        await repo.advanceRun(db, run, audience, null, audience === 'done' ? clock.now() : null, 0);
        continue;
      }
      const page: AlertPage = {
        ...facts,
        phase: run.phase as AlertPage['phase'],
        audience,
        after: cursor,
        until,
      };
      await broker.publish(PAGE_ROUTING_KEY, page, {
        messageId: `${run.phase}:${s.showtimeId}:${facts.salesOpenAt}:${audience}:${cursor ?? ''}`,
      });
      await repo.advanceRun(db, run, audience, until, null, 1);
      cursor = until;
      pages++;
    }
    return pages;
  }
}

/** The consumer of page messages: loads the page's subscribers and hands them to the notifier. */
export class AlertPageConsumer {
  constructor(
    private readonly d: {
      db: Db;
      repo: OnsaleAlertsRepository;
      notifier: Pick<Notifier, 'deliver'>;
      clock: Clock;
      publicUrl: string;
      /** Items per deliver call (one transaction each). */
      batch?: number;
    },
  ) {}

  async handle(payload: unknown): Promise<number> {
    const page = parsePage(payload);
    // Sales opened while this page waited: "opening in 10 minutes" would be wrong; OPEN follows.
    if (page.phase === 'ONSALE_SOON' && this.d.clock.nowMs() >= Date.parse(page.salesOpenAt)) return 0;
    const users = await this.d.repo.subscribersBetween(this.d.db, page, page.after, page.until);
    const items = users.map((u) => openingNotice(u, page.phase, page, this.d.publicUrl));
    const batch = this.d.batch ?? 1000;
    let created = 0;
    for (let i = 0; i < items.length; i += batch)
      created += await this.d.notifier.deliver(items.slice(i, i + batch));
    return created;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parsePage(payload: unknown): AlertPage {
  const p = payload as Partial<AlertPage> | null;
  const ok =
    p !== null &&
    typeof p === 'object' &&
    (p.phase === 'ONSALE_SOON' || p.phase === 'ONSALE_OPEN') &&
    (p.audience === 'showtime' || p.audience === 'performance') &&
    typeof p.showtimeId === 'string' &&
    UUID.test(p.showtimeId) &&
    typeof p.performanceId === 'string' &&
    UUID.test(p.performanceId) &&
    typeof p.title === 'string' &&
    typeof p.salesOpenAt === 'string' &&
    !Number.isNaN(Date.parse(p.salesOpenAt)) &&
    (p.after === null || (typeof p.after === 'string' && UUID.test(p.after))) &&
    typeof p.until === 'string' &&
    UUID.test(p.until);
  if (!ok) throw new PermanentError('not an onsale alert page');
  return p as AlertPage;
}
