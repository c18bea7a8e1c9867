import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient, Webhook } from '@portone/server-sdk';
import { createShowtimeWithSeats, createUser } from '../../../test/factories.ts';
import {
  checkoutWith,
  complete,
  deposit,
  pay,
  setupCheckout,
  type CheckoutHarness,
} from '../../../test/checkout.ts';
import { verifyWebhook, webhookHeaders } from './webhook-signature.ts';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * PortOne's official server SDK against the sandbox gateway: its payment client reads what the shop's
 * adapter created for every method (PortOne's status, amount, method type, virtual account), drives the
 * PortOne calls the adapter makes, and its `Webhook.verify` checks the sandbox's webhooks.
 */
describe("PortOne's server SDK against the sandbox", () => {
  let h: CheckoutHarness;
  let client: ReturnType<typeof PaymentClient>;
  let receiver: Server;
  const deliveries: Delivery[] = [];

  beforeAll(async () => {
    h = await setupCheckout();
    client = PaymentClient({ secret: h.container.config.PAYMENT_GATEWAY_SECRET, baseUrl: h.gatewayUrl });
    // A merchant endpoint that records what the sandbox delivers, byte for byte.
    receiver = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        deliveries.push({ headers: req.headers, body });
        res.end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    h.gateway.setWebhookUrl(`http://127.0.0.1:${port}/webhook`);
    h.gateway.faults.webhooksEnabled = true;
  });
  afterAll(async () => {
    h.gateway.faults.webhooksEnabled = false;
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
    await h.close();
  });

  const deliveredFor = async (paymentId: string, type: string): Promise<Delivery> => {
    for (let i = 0; i < 50; i++) {
      const found = deliveries.find((d) => d.body.includes(paymentId) && d.body.includes(`"${type}"`));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${type} webhook for ${paymentId}`);
  };

  it('reads every method’s payment with the fields PortOne defines', async () => {
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 6, price: 33_000 });
    const methods = [
      { method: {}, type: 'PaymentMethodCard' },
      { method: { payMethod: 'EASY_PAY', easyPayProvider: 'KAKAOPAY' }, type: 'PaymentMethodEasyPay' },
      { method: { payMethod: 'EASY_PAY', easyPayProvider: 'NAVERPAY' }, type: 'PaymentMethodEasyPay' },
      { method: { payMethod: 'TRANSFER' }, type: 'PaymentMethodTransfer' },
    ];
    for (const [i, m] of methods.entries()) {
      const user = await createUser(h.container);
      const r = await checkoutWith(h, user, st.showtimeId, [st.seats[i]!.id], m.method);
      await pay(h.gatewayUrl, r.payment.id, m.method as never);
      expect((await complete(h.app, user, r.payment.id)).json().status).toBe('CONFIRMED');
      const payment = await client.getPayment({ paymentId: r.payment.id, storeId: 'store-sandbox' });
      expect(payment.status).toBe('PAID');
      if (payment.status !== 'PAID') continue;
      expect(payment).toMatchObject({
        id: r.payment.id,
        version: 'V2',
        currency: 'KRW',
        amount: { total: 33_000, paid: 33_000, cancelled: 0, taxFree: 0, discount: 0, cancelledTaxFree: 0 },
      });
      expect(typeof payment.paidAt).toBe('string');
      expect(payment.method?.type).toBe(m.type);
      if (payment.method?.type === 'PaymentMethodEasyPay') {
        expect(payment.method.provider).toBe(m.method.easyPayProvider);
      }
    }

    const user = await createUser(h.container);
    const r = await checkoutWith(h, user, st.showtimeId, [st.seats[4]!.id], { payMethod: 'VIRTUAL_ACCOUNT' });
    const issued = await client.getPayment({ paymentId: r.payment.id });
    expect(issued.status).toBe('VIRTUAL_ACCOUNT_ISSUED');
    expect(issued.status === 'VIRTUAL_ACCOUNT_ISSUED' && issued.method).toEqual(
      expect.objectContaining({
        type: 'PaymentMethodVirtualAccount',
        bank: 'SHINHAN',
        accountNumber: r.payment.virtualAccount!.accountNumber,
        expiredAt: r.payment.virtualAccount!.dueAt,
      }),
    );
    await deposit(h.gatewayUrl, r.payment.id);
    const paid = await client.getPayment({ paymentId: r.payment.id });
    expect(paid).toMatchObject({
      status: 'PAID',
      amount: { total: 33_000, paid: 33_000 },
      method: { type: 'PaymentMethodVirtualAccount', remitterName: '김입금' },
    });
  });

  it('drives the PortOne calls the adapter makes: pre-register, instant virtual account, close, cancel with refundAccount', async () => {
    await client.preRegisterPayment({ paymentId: 'sdk-pre-1', totalAmount: 12_000, currency: 'KRW' });
    expect(await client.getPayment({ paymentId: 'sdk-pre-1' })).toMatchObject({
      status: 'READY',
      amount: { total: 12_000 },
    });

    const due = new Date(Date.now() + 3_600_000).toISOString();
    const instant = await client.payInstantly({
      paymentId: 'sdk-va-1',
      channelKey: 'channel-key-sandbox',
      orderName: '공연 2매',
      amount: { total: 50_000 },
      currency: 'KRW',
      method: { virtualAccount: { bank: 'KOOKMIN', expiry: { dueDate: due }, option: { type: 'NORMAL' } } },
    });
    expect(instant.payment.pgTxId).toBe('sdk-va-1');
    const closed = await client.closeVirtualAccount({ paymentId: 'sdk-va-1' });
    expect(typeof closed.closedAt).toBe('string');
    expect((await client.getPayment({ paymentId: 'sdk-va-1' })).status).toBe('CANCELLED');

    await client.payInstantly({
      paymentId: 'sdk-va-2',
      orderName: '공연 1매',
      amount: { total: 20_000 },
      currency: 'KRW',
      method: { virtualAccount: { bank: 'KOOKMIN', expiry: { validHours: 2 }, option: { type: 'NORMAL' } } },
    });
    await deposit(h.gatewayUrl, 'sdk-va-2');
    // Closing a paid account is refused with PortOne's error type.
    await expect(client.closeVirtualAccount({ paymentId: 'sdk-va-2' })).rejects.toMatchObject({
      data: { type: 'PAYMENT_NOT_WAITING_FOR_DEPOSIT' },
    });
    const refund = await client.cancelPayment({
      paymentId: 'sdk-va-2',
      amount: 5_000,
      reason: '부분 환불',
      refundAccount: { bank: 'HANA', number: '12345678901', holderName: '김환불' },
    });
    expect(refund.cancellation).toMatchObject({ status: 'SUCCEEDED', totalAmount: 5_000 });
    expect(await client.getPayment({ paymentId: 'sdk-va-2' })).toMatchObject({
      status: 'PARTIAL_CANCELLED',
      amount: { paid: 20_000, cancelled: 5_000 },
      cancellations: [{ status: 'SUCCEEDED', totalAmount: 5_000 }],
    });
    await expect(client.getPayment({ paymentId: 'no-such-payment' })).rejects.toMatchObject({
      data: { type: 'PAYMENT_NOT_FOUND' },
    });
  });

  it('Webhook.verify accepts the sandbox’s webhooks and refuses a tampered one', async () => {
    const secret = h.container.config.PAYMENT_WEBHOOK_SECRET;
    expect(secret.startsWith('whsec_')).toBe(true);
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    const user = await createUser(h.container);
    const r = await checkoutWith(h, user, st.showtimeId, [st.seats[0]!.id], { payMethod: 'VIRTUAL_ACCOUNT' });
    await deposit(h.gatewayUrl, r.payment.id);

    for (const type of ['Transaction.VirtualAccountIssued', 'Transaction.Paid']) {
      const d = await deliveredFor(r.payment.id, type);
      const verified = await Webhook.verify(secret, d.body, d.headers as Record<string, string>);
      expect(verified).toMatchObject({
        type,
        data: { paymentId: r.payment.id, storeId: 'store-sandbox', transactionId: r.payment.id },
      });
      // The shop's own verifier agrees.
      expect(
        verifyWebhook({
          secret,
          id: d.headers['webhook-id'] as string,
          timestamp: d.headers['webhook-timestamp'] as string,
          signature: d.headers['webhook-signature'] as string,
          body: d.body,
          toleranceSeconds: 300,
        }),
      ).toBe(true);
    }

    const d = await deliveredFor(r.payment.id, 'Transaction.Paid');
    const tampered = d.body.replace(r.payment.id, '00000000-0000-4000-8000-000000000000');
    await expect(
      Webhook.verify(secret, tampered, d.headers as Record<string, string>),
    ).rejects.toBeInstanceOf(Webhook.WebhookVerificationError);
    // Signed with the secret's text instead of its decoded bytes (the old scheme): refused by PortOne's SDK.
    const textKeyed = webhookHeaders(secret.slice('whsec_'.length) + '!', 'msg-1', d.body);
    await expect(Webhook.verify(secret, d.body, textKeyed)).rejects.toBeInstanceOf(
      Webhook.WebhookVerificationError,
    );
    // And a webhook PortOne's scheme signs with the decoded key is what the shop's route accepts.
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhook',
      headers: { ...d.headers, 'content-type': 'application/json', host: 'localhost' },
      payload: d.body,
    });
    expect(res.statusCode).toBe(200);
  });
});
