import { sql, type Kysely, type RawBuilder } from 'kysely';
import { request } from 'undici';
import { deadline } from '../infra/deadline.ts';
import { webhookHeaders } from '../modules/payments/webhook-signature.ts';

const MAX_ATTEMPTS = 10;
const DELIVERY_TIMEOUT_MS = 5_000;
/** How long a claimed delivery waits before another loop may take it (a sender that died). */
const CLAIM_SECONDS = 60;
/** The next attempt of a claimed delivery. */
const CLAIMED_UNTIL = sql`now() + interval '${sql.raw(String(CLAIM_SECONDS))} seconds'`;

export interface WebhookSenderOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  secret: string;
  /** Where to send; read on every attempt so tests can point it elsewhere. */
  url: () => string | undefined;
  enabled: () => boolean;
  pollMs?: number;
}

/** A delivery row as the sender reads it. */
export interface DeliveryRow {
  id: string;
  body: string;
  attempts: number;
}

/**
 * A payment's webhook, decided before the statement that changes the payment inserts it
 * (`Store.pay`): sent at once when `url` is set, else left due for the loop.
 */
export interface PlannedWebhook {
  type: string;
  timestamp: string;
  url: string | undefined;
}

/**
 * The INSERT of `plan` for the payment row of the CTE `changed` (its `id` and `store_id`), as part of
 * the statement that changes the payment: the change and its webhook commit together, in one round
 * trip. The body is the text `enqueue` writes, JSON.stringify's bytes (each string escaped by
 * to_json, which escapes as JSON.stringify does), so a receiver sees one format from both.
 */
export function insertPlannedWebhook(plan: PlannedWebhook): RawBuilder<unknown> {
  const nextAttempt = plan.url ? CLAIMED_UNTIL : sql`now()`;
  return sql`
    INSERT INTO gateway_webhook_deliveries (payment_id, body, next_attempt_at)
    SELECT id,
           '{"type":' || to_json(${plan.type}::text)::text || ',"timestamp":' || to_json(${plan.timestamp}::text)::text
           || ',"data":{"paymentId":' || to_json(id)::text || ',"storeId":' || to_json(coalesce(store_id, 'sandbox'))::text
           || ',"transactionId":' || to_json(id)::text || '}}',
           ${nextAttempt}
    FROM changed
    RETURNING id, body, attempts`;
}

/**
 * Signed webhook deliveries with retries: each event is a row; a delivery is attempted at once and
 * then by a poll loop with exponential backoff (1 s, 2 s, 4 s … up to 5 min, 10 attempts). The
 * webhook id stays the same across retries, so a receiver can recognise a duplicate.
 */
export class WebhookSender {
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly opts: WebhookSenderOptions) {}

  /** Queues a PortOne v2 transaction webhook (`data`: paymentId, storeId, transactionId). */
  async enqueue(paymentId: string, type: string, storeId = 'sandbox'): Promise<void> {
    const { timestamp, url } = this.plan(type);
    const body = JSON.stringify({ type, timestamp, data: { paymentId, storeId, transactionId: paymentId } });
    if (!url) {
      // Left due: the loop sends it once webhooks are on.
      await sql`INSERT INTO gateway_webhook_deliveries (payment_id, body) VALUES (${paymentId}, ${body})`.execute(
        this.opts.db,
      );
      return;
    }
    // Inserted already claimed (its next attempt pushed out, as deliverDue claims) and sent at once: one
    // statement before the send instead of an insert and a claim. A sender that dies before marking it
    // leaves it due again a minute later, as a claimed row.
    const { rows } = await sql<DeliveryRow>`
      INSERT INTO gateway_webhook_deliveries (payment_id, body, next_attempt_at)
      VALUES (${paymentId}, ${body}, ${CLAIMED_UNTIL})
      RETURNING id, body, attempts`.execute(this.opts.db);
    this.track(this.send(url, rows[0]!));
  }

  /** The webhook a payment change will insert with it (`insertPlannedWebhook`), decided now. */
  plan(type: string): PlannedWebhook {
    const url = this.stopped || !this.opts.enabled() ? undefined : this.opts.url();
    return { type, timestamp: new Date().toISOString(), url };
  }

  /** Sends at once a row inserted claimed by `insertPlannedWebhook` (nothing for a row left due). */
  sendPlanned(plan: PlannedWebhook, row: DeliveryRow): void {
    if (plan.url) this.track(this.send(plan.url, row));
  }

  start(): void {
    const loop = (): void => {
      if (this.stopped) return;
      this.track(this.deliverDue());
      this.timer = setTimeout(loop, this.opts.pollMs ?? 500);
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  private track(p: Promise<void>): void {
    const guarded = p.catch(() => undefined);
    this.inFlight.add(guarded);
    void guarded.finally(() => this.inFlight.delete(guarded));
  }

  /** Claims due rows (pushing their next attempt out so no other loop takes them) and sends them. */
  async deliverDue(): Promise<void> {
    if (this.stopped || !this.opts.enabled()) return;
    const url = this.opts.url();
    if (!url) return;
    const { rows } = await sql<DeliveryRow>`
      UPDATE gateway_webhook_deliveries SET next_attempt_at = ${CLAIMED_UNTIL}
      WHERE id IN (SELECT id FROM gateway_webhook_deliveries
                   WHERE delivered_at IS NULL AND next_attempt_at <= now() AND attempts < ${MAX_ATTEMPTS}
                   ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED)
      RETURNING id, body, attempts`.execute(this.opts.db);
    await Promise.all(rows.map((row) => this.send(url, row)));
  }

  private async send(url: string, row: DeliveryRow): Promise<void> {
    let error: string | undefined;
    const limit = deadline(DELIVERY_TIMEOUT_MS);
    try {
      // undici's request: a fraction of fetch's CPU, and the sandbox shares the machine with the API.
      const res = await request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...webhookHeaders(this.opts.secret, row.id, row.body),
        },
        body: row.body,
        signal: limit.signal,
      });
      if (res.statusCode < 200 || res.statusCode >= 300) error = `HTTP ${res.statusCode}`;
      await res.body.dump().catch(() => undefined);
    } catch (err) {
      error = (err as Error).message;
    } finally {
      limit.clear();
    }
    if (error === undefined) {
      await sql`UPDATE gateway_webhook_deliveries SET delivered_at = now(), attempts = attempts + 1
                WHERE id = ${row.id}`.execute(this.opts.db);
    } else {
      const backoffSeconds = Math.min(2 ** row.attempts, 300);
      await sql`UPDATE gateway_webhook_deliveries SET attempts = attempts + 1, last_error = ${error},
                       next_attempt_at = now() + make_interval(secs => ${backoffSeconds})
                WHERE id = ${row.id}`.execute(this.opts.db);
    }
  }
}
