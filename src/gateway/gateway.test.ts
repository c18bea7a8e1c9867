import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEnv, type TestEnv } from '../../test/context.ts';
import { createDb, createPool, type Db } from '../infra/db.ts';
import { buildGateway, type Gateway } from './app.ts';
import { verifyWebhook } from '../modules/payments/webhook-signature.ts';
import { countStatements, counted } from '../../test/statements.ts';

describe('sandbox payment gateway', () => {
  let env: TestEnv;
  let db: Db;
  let gw: Gateway;
  const auth = { authorization: 'PortOne test-secret' };
  const json = { 'content-type': 'application/json' };
  beforeAll(async () => {
    env = await createTestEnv();
    db = createDb(createPool({ url: env.config().DATABASE_URL, poolSize: 3 }));
    gw = await buildGateway({
      db,
      apiSecret: 'test-secret',
      webhookSecret: 'wh',
      logLevel: 'silent',
      faults: { webhooksEnabled: false },
    });
  });
  afterAll(async () => {
    await gw.close();
    await db.destroy();
    await env.drop();
  });

  const preRegister = (
    id: string,
    totalAmount: number,
    redirectUrl = 'http://shop.test/back',
    storeId?: string,
  ) =>
    gw.app.inject({
      method: 'POST',
      url: `/payments/${id}/pre-register`,
      headers: { ...auth, ...json },
      payload: { totalAmount, currency: 'KRW', redirectUrl, ...(storeId === undefined ? {} : { storeId }) },
    });

  it('refuses server-to-server calls without the API secret', async () => {
    const res = await gw.app.inject({ method: 'GET', url: '/payments/p-1' });
    expect(res.statusCode).toBe(401);
    const faults = await gw.app.inject({ method: 'PUT', url: '/sandbox/faults', payload: { errorRate: 1 } });
    expect(faults.statusCode).toBe(401);
    expect(gw.faults.errorRate).toBe(0);
  });

  it('pre-register is idempotent for the same amount and refuses another amount', async () => {
    expect((await preRegister('p-2', 5000)).statusCode).toBe(200);
    expect((await preRegister('p-2', 5000)).statusCode).toBe(200);
    expect((await preRegister('p-2', 6000)).statusCode).toBe(409);
  });

  it('the checkout page pays and sends the buyer back to the registered origin only', async () => {
    await preRegister('p-3', 12_000);
    const page = await gw.app.inject({ method: 'GET', url: '/checkout/p-3?redirect=http://shop.test/done' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('12,000');
    const evil = await gw.app.inject({
      method: 'POST',
      url: '/checkout/p-3',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'outcome=paid&redirect=http%3A%2F%2Fevil.test%2Fsteal',
    });
    expect(evil.statusCode).toBe(303);
    expect(evil.headers.location).toBe('http://shop.test/back?paymentId=p-3');
    const got = await gw.app.inject({ method: 'GET', url: '/payments/p-3', headers: auth });
    expect(got.json()).toMatchObject({
      status: 'PAID',
      amount: { total: 12_000, paid: 12_000, cancelled: 0 },
    });
    // Paying twice is refused.
    const again = await gw.app.inject({
      method: 'POST',
      url: '/sandbox/payments/p-3/pay',
      headers: json,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('partial then full cancel; a retried cancel with the same key refunds once', async () => {
    await preRegister('p-4', 10_000);
    await gw.app.inject({ method: 'POST', url: '/sandbox/payments/p-4/pay', headers: json, payload: {} });
    const cancel = (amount: number | undefined, key: string) =>
      gw.app.inject({
        method: 'POST',
        url: '/payments/p-4/cancel',
        headers: { ...auth, ...json, 'idempotency-key': key },
        payload: { amount, reason: 'test' },
      });
    expect((await cancel(3000, 'k1')).json().payment.status).toBe('PARTIAL_CANCELLED');
    expect((await cancel(3000, 'k1')).json().payment.amount.cancelled).toBe(3000);
    expect((await cancel(8000, 'k2')).statusCode).toBe(400);
    const full = await cancel(undefined, 'k3');
    expect(full.json().payment).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 10_000 } });
    expect((await cancel(undefined, 'k4')).json().type).toBe('PAYMENT_ALREADY_CANCELLED');
  });

  const payAtSandbox = (id: string, payload: Record<string, unknown> = {}) =>
    gw.app.inject({ method: 'POST', url: `/sandbox/payments/${id}/pay`, headers: json, payload });

  const webhookOf = async (id: string) =>
    (
      await sql<{ body: string; attempts: number; next_attempt_at: Date }>`
        SELECT body, attempts, next_attempt_at FROM gateway_webhook_deliveries WHERE payment_id = ${id}
        ORDER BY id`.execute(db)
    ).rows;

  it('pays and queues the webhook in one statement, its body as every other webhook writes it', async () => {
    const storeId = 'store-"큰따옴표"\\';
    await preRegister('p-9', 1000, undefined, storeId);
    await preRegister('p-10', 1000);
    const restore = countStatements();
    try {
      const paid = await counted(() => payAtSandbox('p-9'));
      expect(paid.result.statusCode).toBe(200);
      expect(paid.result.json()).toMatchObject({ status: 'PAID' });
      expect(paid.sent, paid.sent.join('\n')).toHaveLength(1);
      const failed = await counted(() => payAtSandbox('p-10', { outcome: 'failed' }));
      expect(failed.result.json()).toMatchObject({ status: 'FAILED' });
      expect(failed.sent, failed.sent.join('\n')).toHaveLength(1);
    } finally {
      restore();
    }
    // The bytes JSON.stringify writes (enqueue's), escapes included; left due, webhooks being off here.
    const [paidHook] = await webhookOf('p-9');
    const timestamp = (JSON.parse(paidHook!.body) as { timestamp: string }).timestamp;
    expect(paidHook!.body).toBe(
      JSON.stringify({
        type: 'Transaction.Paid',
        timestamp,
        data: { paymentId: 'p-9', storeId, transactionId: 'p-9' },
      }),
    );
    expect(paidHook!.attempts).toBe(0);
    expect(paidHook!.next_attempt_at.getTime()).toBeLessThanOrEqual(Date.now());
    const [failedHook] = await webhookOf('p-10');
    expect(JSON.parse(failedHook!.body)).toMatchObject({
      type: 'Transaction.Failed',
      data: { paymentId: 'p-10', storeId: 'sandbox', transactionId: 'p-10' },
    });
    // Paid once: a second payment is refused and queues nothing.
    const again = await payAtSandbox('p-9');
    expect(again.statusCode).toBe(409);
    expect(await webhookOf('p-9')).toHaveLength(1);
  });

  it('takes a deposit and queues its webhook in one statement; a second deposit is refused', async () => {
    const issued = await gw.app.inject({
      method: 'POST',
      url: '/payments/p-11/instant',
      headers: { ...auth, ...json },
      payload: {
        orderName: '가상계좌 입금',
        currency: 'KRW',
        amount: { total: 5000 },
        method: { virtualAccount: { bank: 'KOOKMIN', expiry: { validHours: 24 } } },
      },
    });
    expect(issued.statusCode).toBe(200);
    const deposit = () =>
      gw.app.inject({ method: 'POST', url: '/sandbox/payments/p-11/deposit', headers: json, payload: {} });
    const restore = countStatements();
    try {
      const deposited = await counted(deposit);
      expect(deposited.result.statusCode).toBe(200);
      expect(deposited.result.json()).toMatchObject({ status: 'PAID', amount: { paid: 5000 } });
      expect(deposited.sent, deposited.sent.join('\n')).toHaveLength(1);
    } finally {
      restore();
    }
    const paidHooks = async () =>
      (await webhookOf('p-11')).filter((h) => h.body.includes('"Transaction.Paid"'));
    const [paid] = await paidHooks();
    const timestamp = (JSON.parse(paid!.body) as { timestamp: string }).timestamp;
    expect(paid!.body).toBe(
      JSON.stringify({
        type: 'Transaction.Paid',
        timestamp,
        data: { paymentId: 'p-11', storeId: 'sandbox', transactionId: 'p-11' },
      }),
    );
    const again = await deposit();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'PAYMENT_NOT_WAITING_FOR_DEPOSIT' });
    expect(await paidHooks()).toHaveLength(1);
  });

  it('queues signed webhooks that verify with the shared secret', async () => {
    await preRegister('p-5', 1000);
    await gw.app.inject({ method: 'POST', url: '/sandbox/payments/p-5/pay', headers: json, payload: {} });
    const deliveries: { headers: Record<string, string>; body: string }[] = [];
    const sink = (await import('fastify')).default();
    sink.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, b, done) => done(null, b));
    sink.post('/hook', async (request) => {
      deliveries.push({ headers: request.headers as Record<string, string>, body: request.body as string });
      return {};
    });
    await sink.listen({ port: 0, host: '127.0.0.1' });
    try {
      gw.setWebhookUrl(`http://127.0.0.1:${(sink.server.address() as { port: number }).port}/hook`);
      gw.faults.webhooksEnabled = true;
      await gw.webhooks.deliverDue();
      // Earlier tests queued deliveries too (payments and cancellations); find this payment's.
      const received = await eventually(
        () => deliveries.find((d) => d.body.includes('"p-5"')),
        (found) => found !== undefined,
      );
      expect(received).toBeDefined();
      expect(JSON.parse(received!.body)).toMatchObject({
        type: 'Transaction.Paid',
        data: { paymentId: 'p-5' },
      });
      expect(
        verifyWebhook({
          secret: 'wh',
          id: received!.headers['webhook-id'],
          timestamp: received!.headers['webhook-timestamp'],
          signature: received!.headers['webhook-signature'],
          body: received!.body,
          toleranceSeconds: 300,
        }),
      ).toBe(true);
    } finally {
      gw.faults.webhooksEnabled = false;
      await sink.close();
    }
  });

  /**
   * `probe` again every 20 ms until `done` (for up to 2 s), then its last value. The gateway's own
   * delivery loop runs every 500 ms beside these tests: when it claims a row, a test's `deliverDue`
   * skips it (SKIP LOCKED), so a test waits for the attempt whichever of the two makes it.
   */
  async function eventually<T>(probe: () => Promise<T> | T, done: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await probe();
      if (done(value)) return value;
      await sleep(20);
    }
    return probe();
  }

  /** A webhook receiver answering `answers` in turn (then 200), the gateway pointed at it and webhooks on. */
  async function receiver(answers: number[]) {
    const got: string[] = [];
    const sink = (await import('fastify')).default();
    sink.post('/hook', async (request, reply) => {
      got.push(JSON.stringify(request.body));
      return reply.code(answers.shift() ?? 200).send({});
    });
    await sink.listen({ port: 0, host: '127.0.0.1' });
    gw.setWebhookUrl(`http://127.0.0.1:${(sink.server.address() as { port: number }).port}/hook`);
    gw.faults.webhooksEnabled = true;
    return {
      got,
      close: async () => {
        gw.faults.webhooksEnabled = false;
        await sink.close();
      },
    };
  }

  it('sends a webhook at once when webhooks are on, and retries it when the receiver fails', async () => {
    await preRegister('p-7', 1000);
    const { got, close } = await receiver([503]);
    const row = async () =>
      (
        await sql<{ attempts: number; delivered_at: Date | null; last_error: string | null }>`
          SELECT attempts, delivered_at, last_error FROM gateway_webhook_deliveries
          WHERE payment_id = 'p-7'`.execute(db)
      ).rows;
    const settled = (attempts: number) => eventually(row, (rows) => rows[0]?.attempts === attempts);
    try {
      await gw.app.inject({ method: 'POST', url: '/sandbox/payments/p-7/pay', headers: json, payload: {} });
      // Sent with the payment; the receiver's 503 is recorded as a failed attempt.
      const first = await settled(1);
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({ attempts: 1, delivered_at: null, last_error: 'HTTP 503' });
      expect(got).toHaveLength(1);
      expect(JSON.parse(got[0]!)).toMatchObject({ type: 'Transaction.Paid', data: { paymentId: 'p-7' } });
      // Retried once due (the loop may get there first: either way one more attempt, delivered).
      await sql`UPDATE gateway_webhook_deliveries SET next_attempt_at = now() WHERE payment_id = 'p-7'`.execute(
        db,
      );
      await gw.webhooks.deliverDue();
      await settled(2);
      expect((await row())[0]).toMatchObject({ attempts: 2 });
      expect((await row())[0]!.delivered_at).not.toBeNull();
      expect(got).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('retries a failed delivery with backoff until the receiver accepts it', async () => {
    await preRegister('p-6', 1000);
    await gw.app.inject({ method: 'POST', url: '/sandbox/payments/p-6/pay', headers: json, payload: {} });
    const { got, close } = await receiver([500]);
    const row = async () =>
      (
        await sql<{ attempts: number; delivered_at: Date | null; due: boolean }>`
          SELECT attempts, delivered_at, next_attempt_at > now() AS due FROM gateway_webhook_deliveries
          WHERE payment_id = 'p-6'`.execute(db)
      ).rows[0];
    const settled = (attempts: number) => eventually(row, (found) => found?.attempts === attempts);
    try {
      await gw.webhooks.deliverDue();
      const failed = await settled(1);
      expect(failed).toMatchObject({ attempts: 1, delivered_at: null, due: true });
      // Not due yet: nothing is sent.
      const before = got.length;
      await gw.webhooks.deliverDue();
      expect(got.length).toBe(before);
      await sql`UPDATE gateway_webhook_deliveries SET next_attempt_at = now() WHERE payment_id = 'p-6'`.execute(
        db,
      );
      await gw.webhooks.deliverDue();
      const delivered = await settled(2);
      expect(delivered?.attempts).toBe(2);
      expect(delivered?.delivered_at).not.toBeNull();
    } finally {
      await close();
    }
  });
});
