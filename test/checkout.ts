import type { Server } from 'node:net';
import { createDb, createPool, type Db } from '../src/infra/db.ts';
import { buildGateway, type Gateway, type GatewayFaults } from '../src/gateway/app.ts';
import { webhookHeaders } from '../src/modules/payments/webhook-signature.ts';
import type { App } from '../src/app.ts';
import type { Clock } from '../src/infra/clock.ts';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from './context.ts';
import type { TestUser } from './factories.ts';

export interface CheckoutHarness extends TestApp {
  env: TestEnv;
  gateway: Gateway;
  gatewayUrl: string;
  /** Env overrides every API instance of this file needs (the gateway's address). */
  overrides: Record<string, string>;
  /** Another API instance over the same database and Redis prefix. */
  another: () => Promise<TestApp>;
}

/**
 * A test environment plus the sandbox gateway as a real server on port 0. Webhooks are off unless a
 * test turns them on (the API is driven by inject and does not listen).
 */
export async function setupCheckout(
  overrides: Record<string, string> = {},
  faults: Partial<GatewayFaults> = {},
  /** One clock for the API and the gateway (deadlines and deposit times in step). */
  options: { clock?: Clock; gatewayClock?: Clock } = {},
): Promise<CheckoutHarness> {
  const env = await createTestEnv();
  const config = env.config();
  const gatewayDb: Db = createDb(createPool({ url: config.DATABASE_URL, poolSize: 5 }));
  const gateway = await buildGateway({
    db: gatewayDb,
    apiSecret: config.PAYMENT_GATEWAY_SECRET,
    webhookSecret: config.PAYMENT_WEBHOOK_SECRET,
    faults: { webhooksEnabled: false, ...faults },
    logLevel: 'silent',
    clock: options.gatewayClock ?? options.clock,
  });
  await gateway.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (gateway.app.server.address() as ReturnType<Server['address']> & { port: number }).port;
  const gatewayUrl = `http://127.0.0.1:${port}`;
  const all = {
    PAYMENT_GATEWAY_URL: gatewayUrl,
    PAYMENT_GATEWAY_TIMEOUT_MS: '1000',
    PAYMENT_GATEWAY_RETRIES: '2',
    ...overrides,
  };
  const containerOptions = options.clock ? { clock: options.clock } : {};
  const t = await createTestApp(env, all, 'api', containerOptions);
  const extra: TestApp[] = [];
  return {
    ...t,
    env,
    gateway,
    gatewayUrl,
    overrides: all,
    another: async () => {
      const other = await createTestApp(env, all, 'api', containerOptions);
      extra.push(other);
      return other;
    },
    close: async () => {
      const step = async (name: string, f: () => Promise<void>) => {
        const t0 = Date.now();
        await f();
        if (process.env.DEBUG_CLOSE) console.log(name, Date.now() - t0);
      };
      for (const o of extra) {
        // A listening instance may keep a keep-alive connection from the gateway's webhook sender open
        // for the whole keepAliveTimeout: cut every connection shortly after close starts.
        const closing = o.close();
        setTimeout(() => o.app.server.closeAllConnections(), 100).unref();
        await step('extra', () => closing);
      }
      await step('app', () => t.close());
      await step('gateway', () => gateway.close());
      await step('gwdb', () => gatewayDb.destroy());
      await step('drop', () => env.drop());
    },
  };
}

let keySeq = 0;
export const newKey = (): string => `key-${process.pid}-${Date.now()}-${keySeq++}`;

export function hold(app: App, user: TestUser, showtimeId: string, seatIds: string[]) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/showtimes/${showtimeId}/holds`,
    headers: user.headers,
    payload: { seatIds },
  });
}

export function reserve(app: App, user: TestUser, holdId: string, key = newKey(), extra: object = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/reservations',
    headers: { ...user.headers, 'idempotency-key': key },
    payload: { holdId, ...extra },
  });
}

export function complete(app: App, user: TestUser, paymentId: string) {
  return app.inject({ method: 'POST', url: `/api/v1/payments/${paymentId}/complete`, headers: user.headers });
}

/** Acts as the buyer at the gateway. */
export async function pay(
  gatewayUrl: string,
  paymentId: string,
  body: { outcome?: 'paid' | 'failed'; amount?: number } = {},
): Promise<Record<string, unknown>> {
  const res = await fetch(`${gatewayUrl}/sandbox/payments/${paymentId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`pay answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function gatewayPayment(
  h: CheckoutHarness,
  paymentId: string,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${h.gatewayUrl}/payments/${paymentId}`, {
    headers: { authorization: `PortOne ${h.container.config.PAYMENT_GATEWAY_SECRET}` },
  });
  return (await res.json()) as Record<string, unknown>;
}

/** A webhook as the gateway would sign it. */
export function webhook(
  h: CheckoutHarness,
  paymentId: string,
  opts: { id?: string; secret?: string; now?: number } = {},
) {
  const body = JSON.stringify({
    type: 'Transaction.Paid',
    timestamp: new Date().toISOString(),
    data: { paymentId, storeId: 'sandbox' },
  });
  const headers = webhookHeaders(
    opts.secret ?? h.container.config.PAYMENT_WEBHOOK_SECRET,
    opts.id ?? `wh-${paymentId}`,
    body,
    opts.now,
  );
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/payments/webhook',
    headers: { ...headers, 'content-type': 'application/json' },
    payload: body,
  });
}

/** The buyer deposits into a virtual account at the sandbox (as the bank would). */
export function deposit(
  gatewayUrl: string,
  paymentId: string,
  remitter = { bank: 'KOOKMIN', number: '12345678901234', holderName: '김입금' },
): Promise<Response> {
  return fetch(`${gatewayUrl}/sandbox/payments/${paymentId}/deposit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ remitter }),
  });
}

export interface PaidWith {
  id: string;
  total: number;
  expiresAt: string;
  payment: {
    id: string;
    checkoutUrl: string;
    payMethod: string;
    easyPayProvider?: string;
    request?: Record<string, unknown>;
    virtualAccount?: { bank: string; accountNumber: string; dueAt: string };
  };
}

/** hold → reservation paid with a given method (`{payMethod, easyPayProvider}`). */
export async function checkoutWith(
  h: CheckoutHarness,
  user: TestUser,
  showtimeId: string,
  seatIds: string[],
  method: { payMethod?: string; easyPayProvider?: string },
): Promise<PaidWith> {
  const held = await hold(h.app, user, showtimeId, seatIds);
  if (held.statusCode !== 201) throw new Error(`hold answered ${held.statusCode}: ${held.body}`);
  const res = await reserve(h.app, user, held.json().id, newKey(), method);
  if (res.statusCode !== 201) throw new Error(`reserve answered ${res.statusCode}: ${res.body}`);
  return res.json() as PaidWith;
}

/** hold → reservation for one user; returns the created reservation body. */
export async function checkout(h: CheckoutHarness, user: TestUser, showtimeId: string, seatIds: string[]) {
  const held = await hold(h.app, user, showtimeId, seatIds);
  if (held.statusCode !== 201) throw new Error(`hold answered ${held.statusCode}: ${held.body}`);
  const res = await reserve(h.app, user, held.json().id);
  if (res.statusCode !== 201) throw new Error(`reserve answered ${res.statusCode}: ${res.body}`);
  return res.json() as { id: string; total: number; payment: { id: string; checkoutUrl: string } };
}
