import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { HttpPaymentGateway } from './payment-gateway.ts';

/** The payment provider's edge, as a real local HTTP server whose answers each test scripts. */
type Answer = (req: IncomingMessage, body: string) => { status: number; body?: unknown; delayMs?: number };
let answer: Answer;
const seen: { method: string; url: string; auth?: string; body: string }[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      const a = answer(req, body);
      setTimeout(() => {
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(a.body === undefined ? '' : JSON.stringify(a.body));
      }, a.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address() as { port: number };
  baseUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
afterEach(() => void (seen.length = 0));

const gatewayWith = (timeoutMs = 300) =>
  new HttpPaymentGateway({
    baseUrl,
    secret: 'shh',
    storeId: 'store-1',
    channelKeys: { default: 'ch' },
    virtualAccountBank: 'SHINHAN',
    timeoutMs,
    retries: 2,
    backoffMs: 10,
  });

describe('payment gateway client', () => {
  it('sends the secret and the body, and reads the answer', async () => {
    answer = () => ({ status: 200, body: { id: 'p1', status: 'PAID', amount: { total: 5000 } } });
    const gateway = gatewayWith();
    await gateway.preRegister('p1', 5000, 'https://shop/return');
    await expect(gateway.getPayment('p1')).resolves.toMatchObject({ status: 'PAID' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/payments/p1/pre-register', auth: 'PortOne shh' });
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ storeId: 'store-1', totalAmount: 5000 });
    expect(seen[1]).toMatchObject({ method: 'GET', url: '/payments/p1?storeId=store-1' });
    await gateway.close();
  });

  it('retries a 5xx with backoff and gets through', async () => {
    let calls = 0;
    answer = () => (++calls < 3 ? { status: 503 } : { status: 200, body: { status: 'READY' } });
    const gateway = gatewayWith();
    await expect(gateway.getPayment('p2')).resolves.toMatchObject({ status: 'READY' });
    expect(calls).toBe(3);
    await gateway.close();
  });

  it('gives up on an answer slower than the timeout: PAYMENT_GATEWAY_UNAVAILABLE after the retries', async () => {
    answer = () => ({ status: 200, body: {}, delayMs: 1_000 });
    const gateway = gatewayWith(100);
    const started = Date.now();
    const err = await gateway.getPayment('p3').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PAYMENT_GATEWAY_UNAVAILABLE');
    expect(seen).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(900);
    await gateway.close();
  });

  it('does not retry a 4xx, and reads 404 as no payment', async () => {
    answer = () => ({ status: 404, body: { type: 'PAYMENT_NOT_FOUND' } });
    const gateway = gatewayWith();
    await expect(gateway.getPayment('nope')).resolves.toBeUndefined();
    answer = () => ({ status: 400, body: { type: 'INVALID_REQUEST' } });
    await expect(gateway.preRegister('p4', 1, 'x')).rejects.toThrow(/answered 400 INVALID_REQUEST/);
    expect(seen).toHaveLength(2);
    await gateway.close();
  });
});
