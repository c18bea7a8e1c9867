import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { GatewayError, GatewayStore, type BankAccount, type GatewayClock, type PayMethod } from './store.ts';
import { paymentView } from './payment-view.ts';
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
  /** Timestamps of payments (paidAt, issuedAt…); tests share their manual clock with the shop. */
  clock?: GatewayClock;
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

/** The method a checkout page was opened for (PortOne's `requestPayment` payMethod and easyPayProvider). */
function checkoutMethod(q: { payMethod?: string; easyPayProvider?: string }): {
  payMethod: Exclude<PayMethod, 'VIRTUAL_ACCOUNT'>;
  easyPayProvider?: string;
  bank?: string;
} {
  if (q.payMethod === 'EASY_PAY') {
    const provider = ['KAKAOPAY', 'TOSSPAY', 'NAVERPAY'].includes(q.easyPayProvider ?? '')
      ? q.easyPayProvider
      : 'KAKAOPAY';
    return { payMethod: 'EASY_PAY', easyPayProvider: provider };
  }
  if (q.payMethod === 'TRANSFER') return { payMethod: 'TRANSFER', bank: 'KOOKMIN' };
  return { payMethod: 'CARD' };
}

/** The sandbox gateway: a PortOne-v2-style API, a checkout page for buyers and signed webhooks. */
export async function buildGateway(opts: GatewayOptions): Promise<Gateway> {
  const faults: GatewayFaults = { ...NO_FAULTS, ...opts.faults };
  const calls = new Map<string, number>();
  let webhookUrl = opts.webhookUrl;
  const store = new GatewayStore(opts.db, opts.clock);
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
  // PortOne's server SDK posts JSON without a content type (fetch sends text/plain): read it as JSON.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch {
      done(new GatewayError(400, 'INVALID_REQUEST', 'the body is not JSON'), undefined);
    }
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

  const view = async (paymentId: string) => {
    const payment = await store.get(paymentId);
    if (!payment) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
    return paymentView(payment, await store.cancellationsOf(payment));
  };

  app.post<{
    Params: IdParams;
    Body: { totalAmount: number; currency: string; redirectUrl?: string; storeId?: string };
  }>(
    '/payments/:paymentId/pre-register',
    {
      preHandler: serverToServer,
      schema: {
        params: idParam,
        body: {
          type: 'object',
          properties: {
            storeId: { type: 'string', maxLength: 200 },
            totalAmount: { type: 'integer', minimum: 0 },
            taxFreeAmount: { type: 'integer', minimum: 0 },
            currency: { type: 'string', enum: ['KRW'] },
            redirectUrl: { type: 'string', maxLength: 2000 },
          },
          required: ['totalAmount', 'currency'],
        },
      },
    },
    async (request) => {
      const { totalAmount, currency, redirectUrl, storeId } = request.body;
      await store.preRegister(request.params.paymentId, totalAmount, currency, redirectUrl, storeId);
      return {};
    },
  );

  // PortOne's instant payment; the sandbox implements its virtual-account method (issue an account).
  app.post<{
    Params: IdParams;
    Body: {
      storeId?: string;
      channelKey?: string;
      orderName?: string;
      currency: string;
      amount: { total: number };
      method: { virtualAccount?: { bank: string; expiry: { dueDate?: string; validHours?: number } } };
    };
  }>(
    '/payments/:paymentId/instant',
    {
      preHandler: serverToServer,
      schema: {
        params: idParam,
        body: {
          type: 'object',
          properties: {
            storeId: { type: 'string', maxLength: 200 },
            channelKey: { type: 'string', maxLength: 200 },
            orderName: { type: 'string', maxLength: 200 },
            currency: { type: 'string', enum: ['KRW'] },
            amount: {
              type: 'object',
              properties: { total: { type: 'integer', minimum: 1 } },
              required: ['total'],
            },
            method: {
              type: 'object',
              properties: {
                virtualAccount: {
                  type: 'object',
                  properties: {
                    bank: { type: 'string', pattern: '^[A-Z_]{2,40}$' },
                    expiry: {
                      type: 'object',
                      properties: {
                        dueDate: { type: 'string', format: 'date-time' },
                        validHours: { type: 'integer', minimum: 1, maximum: 720 },
                      },
                    },
                  },
                  required: ['bank', 'expiry'],
                },
              },
            },
          },
          required: ['amount', 'currency', 'method'],
        },
      },
    },
    async (request) => {
      const { virtualAccount } = request.body.method;
      if (!virtualAccount) {
        throw new GatewayError(400, 'INVALID_REQUEST', 'the sandbox pays instantly by virtual account only');
      }
      const { dueDate, validHours } = virtualAccount.expiry;
      const now = opts.clock?.now() ?? new Date();
      const dueAt = dueDate ? new Date(dueDate) : new Date(now.getTime() + (validHours ?? 24) * 3_600_000);
      const payment = await store.issueVirtualAccount(request.params.paymentId, {
        totalAmount: request.body.amount.total,
        currency: request.body.currency,
        bank: virtualAccount.bank,
        dueAt,
        orderName: request.body.orderName,
        storeId: request.body.storeId,
        channelKey: request.body.channelKey,
      });
      await webhooks.enqueue(payment.id, 'Transaction.VirtualAccountIssued', payment.store_id ?? undefined);
      return { payment: { pgTxId: payment.id, paidAt: payment.issued_at!.toISOString() } };
    },
  );

  app.get<{ Params: IdParams }>(
    '/payments/:paymentId',
    { preHandler: serverToServer, schema: { params: idParam } },
    async (request) => view(request.params.paymentId),
  );

  app.post<{ Params: IdParams }>(
    '/payments/:paymentId/virtual-account/close',
    { preHandler: serverToServer, schema: { params: idParam } },
    async (request) => {
      const before = await store.get(request.params.paymentId);
      const payment = await store.closeVirtualAccount(request.params.paymentId);
      if (!before?.closed_at)
        await webhooks.enqueue(payment.id, 'Transaction.Cancelled', payment.store_id ?? undefined);
      return { closedAt: payment.closed_at!.toISOString() };
    },
  );

  const bankAccountSchema = {
    type: 'object',
    properties: {
      bank: { type: 'string', pattern: '^[A-Z_]{2,40}$' },
      number: { type: 'string', pattern: '^[0-9-]{6,30}$' },
      holderName: { type: 'string', minLength: 1, maxLength: 60 },
      holderPhoneNumber: { type: 'string', maxLength: 20 },
    },
    required: ['bank', 'number', 'holderName'],
  } as const;

  app.post<{
    Params: IdParams;
    Body: { amount?: number; reason: string; refundAccount?: BankAccount & { holderPhoneNumber?: string } };
  }>(
    '/payments/:paymentId/cancel',
    {
      preHandler: serverToServer,
      schema: {
        params: idParam,
        body: {
          type: 'object',
          properties: {
            storeId: { type: 'string', maxLength: 200 },
            amount: { type: 'integer', minimum: 1 },
            reason: { type: 'string', maxLength: 500 },
            requester: { type: 'string', enum: ['CUSTOMER', 'ADMIN'] },
            currentCancellableAmount: { type: 'integer', minimum: 0 },
            refundAccount: bankAccountSchema,
          },
          required: ['reason'],
        },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      const { refundAccount } = request.body;
      const { payment, cancelledAmount, cancellationId } = await store.cancel(request.params.paymentId, {
        amount: request.body.amount,
        reason: request.body.reason,
        idempotencyKey: typeof key === 'string' ? key : undefined,
        refundAccount: refundAccount
          ? { bank: refundAccount.bank, number: refundAccount.number, holderName: refundAccount.holderName }
          : undefined,
      });
      if (cancelledAmount > 0) {
        await webhooks.enqueue(
          payment.id,
          payment.status === 'CANCELLED' ? 'Transaction.Cancelled' : 'Transaction.PartialCancelled',
          payment.store_id ?? undefined,
        );
      }
      const at = payment.updated_at.toISOString();
      return {
        cancellation: {
          status: 'SUCCEEDED',
          id: cancellationId,
          totalAmount: cancelledAmount,
          taxFreeAmount: 0,
          vatAmount: 0,
          reason: request.body.reason,
          cancelledAt: at,
          requestedAt: at,
        },
        payment: paymentView(payment, await store.cancellationsOf(payment)),
      };
    },
  );

  // What the buyer's page does; also lets tests and load scripts act as the buyer.
  const pay = async (
    paymentId: string,
    outcome: 'paid' | 'failed',
    amount?: number,
    method?: { payMethod?: PayMethod; easyPayProvider?: string; bank?: string },
  ) => {
    const webhook = webhooks.plan(outcome === 'paid' ? 'Transaction.Paid' : 'Transaction.Failed');
    const { payment, delivery } = await store.pay(paymentId, outcome, amount, method ?? {}, webhook);
    webhooks.sendPlanned(webhook, delivery);
    return payment;
  };
  const deposit = async (paymentId: string, remitter?: BankAccount) => {
    const webhook = webhooks.plan('Transaction.Paid');
    const { payment, delivery } = await store.deposit(paymentId, remitter, webhook);
    webhooks.sendPlanned(webhook, delivery);
    return payment;
  };

  const methodProperties = {
    payMethod: { type: 'string', enum: ['CARD', 'EASY_PAY', 'TRANSFER'] },
    easyPayProvider: { type: 'string', enum: ['KAKAOPAY', 'TOSSPAY', 'NAVERPAY'] },
  } as const;

  app.post<{
    Params: IdParams;
    Body:
      | {
          outcome?: 'paid' | 'failed';
          amount?: number;
          payMethod?: Exclude<PayMethod, 'VIRTUAL_ACCOUNT'>;
          easyPayProvider?: string;
        }
      | undefined;
  }>(
    '/sandbox/payments/:paymentId/pay',
    {
      schema: {
        params: idParam,
        body: {
          type: ['object', 'null'],
          properties: {
            outcome: { type: 'string', enum: ['paid', 'failed'] },
            amount: { type: 'integer', minimum: 0 },
            ...methodProperties,
          },
        },
      },
    },
    async (request) => {
      const payment = await pay(
        request.params.paymentId,
        request.body?.outcome ?? 'paid',
        request.body?.amount,
        {
          payMethod: request.body?.payMethod,
          easyPayProvider: request.body?.easyPayProvider,
          bank: request.body?.payMethod === 'TRANSFER' ? 'KOOKMIN' : undefined,
        },
      );
      return paymentView(payment);
    },
  );

  // The buyer (or a test acting as one) deposits the amount into an issued virtual account.
  app.post<{ Params: IdParams; Body: { remitter?: BankAccount } | undefined }>(
    '/sandbox/payments/:paymentId/deposit',
    {
      schema: {
        params: idParam,
        body: { type: ['object', 'null'], properties: { remitter: bankAccountSchema } },
      },
    },
    async (request) => paymentView(await deposit(request.params.paymentId, request.body?.remitter)),
  );

  type CheckoutQuery = { redirect?: string; payMethod?: string; easyPayProvider?: string };
  app.get<{ Params: IdParams; Querystring: CheckoutQuery }>(
    '/checkout/:paymentId',
    { schema: { params: idParam } },
    async (request, reply) => {
      const payment = await store.get(request.params.paymentId);
      if (!payment) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
      return reply
        .type('text/html; charset=utf-8')
        .send(checkoutPage(payment, request.query.redirect, checkoutMethod(request.query)));
    },
  );

  app.post<{ Params: IdParams; Body: CheckoutQuery & { outcome?: string } }>(
    '/checkout/:paymentId',
    { schema: { params: idParam } },
    async (request, reply) => {
      const body = request.body ?? {};
      const payment =
        body.outcome === 'deposit'
          ? await deposit(request.params.paymentId, {
              bank: 'KOOKMIN',
              number: '00000000000000',
              holderName: '샌드박스 입금자',
            })
          : await pay(
              request.params.paymentId,
              body.outcome === 'paid' ? 'paid' : 'failed',
              undefined,
              checkoutMethod(body),
            );
      const target = safeRedirect(payment.redirect_url, body.redirect);
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
