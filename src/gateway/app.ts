import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { GatewayError, GatewayStore, paymentView } from './store.ts';
import { WebhookSender } from './webhooks.ts';
import { checkoutPage, safeRedirect } from './checkout-page.ts';

/** Fault injection for server-to-server calls, changeable at run time (tests, chaos drills). */
export interface GatewayFaults {
  /** Added to every server-to-server call. */
  latencyMs: number;
  /** Share of calls answered 503. */
  errorRate: number;
  /** Share of calls that hang for `hangMs` (longer than the client's timeout) before answering. */
  timeoutRate: number;
  hangMs: number;
  /** The next N calls are answered 503 (deterministic outages for tests). */
  failNext: number;
  /** When false, webhooks are queued but not sent (a lost notification). */
  webhooksEnabled: boolean;
}

export const NO_FAULTS: GatewayFaults = {
  latencyMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  hangMs: 10_000,
  failNext: 0,
  webhooksEnabled: true,
};

export interface GatewayOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  apiSecret: string;
  webhookSecret: string;
  webhookUrl?: string;
  faults?: Partial<GatewayFaults>;
  logLevel?: string;
}

export interface Gateway {
  app: FastifyInstance;
  faults: GatewayFaults;
  /** Server-to-server requests received, by route (to show retries). */
  calls: Map<string, number>;
  webhooks: WebhookSender;
  setWebhookUrl: (url: string | undefined) => void;
  close: () => Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The sandbox gateway: a PortOne-v2-style API, a checkout page for buyers and signed webhooks. */
export async function buildGateway(opts: GatewayOptions): Promise<Gateway> {
  const faults: GatewayFaults = { ...NO_FAULTS, ...opts.faults };
  const calls = new Map<string, number>();
  let webhookUrl = opts.webhookUrl;
  const store = new GatewayStore(opts.db);
  const webhooks = new WebhookSender({
    db: opts.db,
    secret: opts.webhookSecret,
    url: () => webhookUrl,
    enabled: () => faults.webhooksEnabled,
  });
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info', name: 'culture-ticket-gateway' },
    routerOptions: { maxParamLength: 200 },
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const secret = Buffer.from(`PortOne ${opts.apiSecret}`);
  const serverToServer = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
      return reply.code(401).send({ type: 'UNAUTHORIZED', message: 'bad API secret' });
    }
    const route = `${request.method} ${request.routeOptions.url}`;
    calls.set(route, (calls.get(route) ?? 0) + 1);
    // Decide the faults when the call arrives, so a hanging call does not consume a later one's fault.
    const hang = Math.random() < faults.timeoutRate ? faults.hangMs : 0;
    const fail = faults.failNext > 0 || Math.random() < faults.errorRate;
    if (faults.failNext > 0) faults.failNext--;
    if (faults.latencyMs + hang > 0) await sleep(faults.latencyMs + hang);
    if (fail) return reply.code(503).send({ type: 'SERVICE_UNAVAILABLE', message: 'injected fault' });
  };

  app.setErrorHandler((err: Error & { statusCode?: number }, _request, reply) => {
    if (err instanceof GatewayError)
      return reply.code(err.status).send({ type: err.type, message: err.message });
    if (err.statusCode && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ type: 'INVALID_REQUEST', message: err.message });
    }
    app.log.error({ err }, 'gateway error');
    return reply.code(500).send({ type: 'INTERNAL', message: 'internal error' });
  });

  const idParam = {
    type: 'object',
    properties: { paymentId: { type: 'string', minLength: 1, maxLength: 200 } },
    required: ['paymentId'],
  } as const;
  type IdParams = { paymentId: string };

  app.get('/health/live', async () => ({ status: 'ok' }));

  app.post<{ Params: IdParams; Body: { totalAmount: number; currency: string; redirectUrl?: string } }>(
    '/payments/:paymentId/pre-register',
    {
      preHandler: serverToServer,
      schema: {
        params: idParam,
        body: {
          type: 'object',
          properties: {
            totalAmount: { type: 'integer', minimum: 0 },
            currency: { type: 'string', enum: ['KRW'] },
            redirectUrl: { type: 'string', maxLength: 2000 },
          },
          required: ['totalAmount', 'currency'],
        },
      },
    },
    async (request) => {
      const { totalAmount, currency, redirectUrl } = request.body;
      await store.preRegister(request.params.paymentId, totalAmount, currency, redirectUrl);
      return {};
    },
  );

  app.get<{ Params: IdParams }>(
    '/payments/:paymentId',
    { preHandler: serverToServer, schema: { params: idParam } },
    async (request) => {
      const payment = await store.get(request.params.paymentId);
      if (!payment) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
      return paymentView(payment);
    },
  );

  app.post<{ Params: IdParams; Body: { amount?: number; reason: string } }>(
    '/payments/:paymentId/cancel',
    {
      preHandler: serverToServer,
      schema: {
        params: idParam,
        body: {
          type: 'object',
          properties: { amount: { type: 'integer', minimum: 1 }, reason: { type: 'string', maxLength: 500 } },
          required: ['reason'],
        },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      const { payment, cancelledAmount } = await store.cancel(request.params.paymentId, {
        ...request.body,
        idempotencyKey: typeof key === 'string' ? key : undefined,
      });
      if (cancelledAmount > 0) {
        await webhooks.enqueue(
          payment.id,
          payment.status === 'CANCELLED' ? 'Transaction.Cancelled' : 'Transaction.PartialCancelled',
        );
      }
      return {
        cancellation: { status: 'SUCCEEDED', totalAmount: cancelledAmount },
        payment: paymentView(payment),
      };
    },
  );

  // What the buyer's page does; also lets tests and load scripts act as the buyer.
  const pay = async (paymentId: string, outcome: 'paid' | 'failed', amount?: number) => {
    const payment = await store.pay(paymentId, outcome, amount);
    await webhooks.enqueue(payment.id, outcome === 'paid' ? 'Transaction.Paid' : 'Transaction.Failed');
    return payment;
  };

  app.post<{ Params: IdParams; Body: { outcome?: 'paid' | 'failed'; amount?: number } | undefined }>(
    '/sandbox/payments/:paymentId/pay',
    {
      schema: {
        params: idParam,
        body: {
          type: ['object', 'null'],
          properties: {
            outcome: { type: 'string', enum: ['paid', 'failed'] },
            amount: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request) => {
      const payment = await pay(
        request.params.paymentId,
        request.body?.outcome ?? 'paid',
        request.body?.amount,
      );
      return paymentView(payment);
    },
  );

  app.get<{ Params: IdParams; Querystring: { redirect?: string } }>(
    '/checkout/:paymentId',
    { schema: { params: idParam } },
    async (request, reply) => {
      const payment = await store.get(request.params.paymentId);
      if (!payment) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
      return reply.type('text/html; charset=utf-8').send(checkoutPage(payment, request.query.redirect));
    },
  );

  app.post<{ Params: IdParams; Body: { outcome?: string; redirect?: string } }>(
    '/checkout/:paymentId',
    { schema: { params: idParam } },
    async (request, reply) => {
      const outcome = request.body?.outcome === 'paid' ? 'paid' : 'failed';
      const payment = await pay(request.params.paymentId, outcome);
      const target = safeRedirect(payment.redirect_url, request.body?.redirect);
      if (!target) return reply.type('text/html; charset=utf-8').send(checkoutPage(payment, undefined));
      const back = new URL(target);
      back.searchParams.set('paymentId', payment.id);
      return reply.redirect(back.toString(), 303);
    },
  );

  // Fault injection for tests and drills; guarded by the API secret.
  app.put<{ Body: Partial<GatewayFaults> }>('/sandbox/faults', async (request, reply) => {
    if (request.headers.authorization !== `PortOne ${opts.apiSecret}`) {
      return reply.code(401).send({ type: 'UNAUTHORIZED', message: 'bad API secret' });
    }
    Object.assign(faults, request.body ?? {});
    return faults;
  });

  webhooks.start();
  return {
    app,
    faults,
    calls,
    webhooks,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    close: async () => {
      await webhooks.stop();
      await app.close();
    },
  };
}
