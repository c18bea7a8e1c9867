import { Agent, request, type Dispatcher } from 'undici';
import { deadline } from '../../infra/deadline.ts';
import { AppError } from '../../errors.ts';

export type GatewayPaymentStatus =
  'READY' | 'PAY_PENDING' | 'VIRTUAL_ACCOUNT_ISSUED' | 'PAID' | 'FAILED' | 'CANCELLED' | 'PARTIAL_CANCELLED';

/** What checkout reads of PortOne's `Payment` (GET /payments/{paymentId}). */
export interface GatewayPaymentView {
  id: string;
  status: GatewayPaymentStatus;
  amount: { total: number; paid: number; cancelled: number };
  /** When it was paid (a virtual account: when the deposit landed). */
  paidAt?: string;
  /** PortOne's method: `type` PaymentMethodCard, PaymentMethodEasyPay, PaymentMethodVirtualAccount… */
  method?: { type: string; provider?: string; bank?: string; accountNumber?: string; expiredAt?: string };
}

/** A virtual account issued for one payment. */
export interface IssuedVirtualAccount {
  bank: string;
  accountNumber: string;
  dueAt: string;
}

/** Where a virtual-account refund goes (PortOne's CancelPaymentBodyRefundAccount). */
export interface RefundAccount {
  bank: string;
  number: string;
  holderName: string;
}

/** The payment provider as checkout sees it (PortOne v2 REST). Every call is safe to retry. */
export interface PaymentGateway {
  /** Registers the amount the buyer must pay; idempotent per payment id. */
  preRegister(paymentId: string, totalAmount: number, redirectUrl: string): Promise<void>;
  /**
   * Issues a virtual account for the payment (PortOne's instant payment with a virtual-account method),
   * due at `dueAt`; idempotent per payment id.
   */
  issueVirtualAccount(
    paymentId: string,
    input: { totalAmount: number; orderName: string; dueAt: Date },
  ): Promise<IssuedVirtualAccount>;
  /**
   * Closes an unpaid virtual account so no deposit can land any more. 'closed' (now or before), or
   * 'not-waiting' when it is not waiting for a deposit (a deposit won the race: refund it instead).
   */
  closeVirtualAccount(paymentId: string): Promise<'closed' | 'not-waiting'>;
  getPayment(paymentId: string): Promise<GatewayPaymentView | undefined>;
  /**
   * Voids a READY payment or refunds a paid one (all, or `amount`). `idempotencyKey` makes a retried
   * cancel refund once. Cancelling what is already cancelled, declined or unknown succeeds (nothing owed).
   * A virtual-account refund goes to `refundAccount` (the buyer's), or back to who deposited.
   */
  cancel(
    paymentId: string,
    input: { amount?: number; reason: string; idempotencyKey: string; refundAccount?: RefundAccount },
  ): Promise<void>;
}

export interface HttpGatewayOptions {
  baseUrl: string;
  secret: string;
  storeId: string;
  /** Channel key by method (CARD, TRANSFER, VIRTUAL_ACCOUNT, KAKAOPAY…); `default` for the rest. */
  channelKeys: Record<string, string> & { default: string };
  /** Bank code of issued virtual accounts. */
  virtualAccountBank: string;
  timeoutMs: number;
  retries: number;
  /** First backoff; doubled on each retry. */
  backoffMs?: number;
}

class RetryableError extends Error {}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The one HTTP adapter: per-call timeout, retries with backoff on timeouts, network errors and 5xx. */
export class HttpPaymentGateway implements PaymentGateway {
  /**
   * undici's request on a keep-alive agent rather than fetch: fetch's WHATWG streams and abort signal
   * cost several times the CPU per call, and every purchase makes three or four of these calls.
   */
  private readonly agent: Agent;

  constructor(private readonly opts: HttpGatewayOptions) {
    this.agent = new Agent({ connections: 64, keepAliveTimeout: 30_000 });
  }

  /** Closes the kept-alive connections (shutdown). */
  async close(): Promise<void> {
    await this.agent.close();
  }

  async preRegister(paymentId: string, totalAmount: number, redirectUrl: string): Promise<void> {
    await this.call('POST', `/payments/${encodeURIComponent(paymentId)}/pre-register`, {
      body: { storeId: this.opts.storeId, totalAmount, currency: 'KRW', redirectUrl },
    });
  }

  async issueVirtualAccount(
    paymentId: string,
    input: { totalAmount: number; orderName: string; dueAt: Date },
  ): Promise<IssuedVirtualAccount> {
    const path = `/payments/${encodeURIComponent(paymentId)}`;
    await this.call('POST', `${path}/instant`, {
      body: {
        storeId: this.opts.storeId,
        channelKey: this.opts.channelKeys.VIRTUAL_ACCOUNT ?? this.opts.channelKeys.default,
        orderName: input.orderName,
        amount: { total: input.totalAmount },
        currency: 'KRW',
        method: {
          virtualAccount: {
            bank: this.opts.virtualAccountBank,
            expiry: { dueDate: input.dueAt.toISOString() },
            option: { type: 'NORMAL' },
          },
        },
      },
      // A retry after a lost answer finds the account already issued: read it back below.
      alreadyDone: ['ALREADY_PAID'],
    });
    const payment = await this.getPayment(paymentId);
    const method = payment?.method;
    if (method?.type !== 'PaymentMethodVirtualAccount' || !method.accountNumber) {
      throw new Error(`payment gateway issued no virtual account for ${paymentId}`);
    }
    return {
      bank: method.bank ?? this.opts.virtualAccountBank,
      accountNumber: method.accountNumber,
      dueAt: method.expiredAt ?? input.dueAt.toISOString(),
    };
  }

  async closeVirtualAccount(paymentId: string): Promise<'closed' | 'not-waiting'> {
    const storeId = encodeURIComponent(this.opts.storeId);
    const res = (await this.call(
      'POST',
      `/payments/${encodeURIComponent(paymentId)}/virtual-account/close?storeId=${storeId}`,
      // Never issued (the issue call itself failed): nothing to close.
      { alreadyDone: ['PAYMENT_NOT_WAITING_FOR_DEPOSIT', 'PAYMENT_NOT_FOUND'] },
    )) as { type?: string };
    return res.type === 'PAYMENT_NOT_WAITING_FOR_DEPOSIT' ? 'not-waiting' : 'closed';
  }

  async getPayment(paymentId: string): Promise<GatewayPaymentView | undefined> {
    const storeId = encodeURIComponent(this.opts.storeId);
    const res = await this.call('GET', `/payments/${encodeURIComponent(paymentId)}?storeId=${storeId}`, {
      allow404: true,
    });
    return res as GatewayPaymentView | undefined;
  }

  async cancel(
    paymentId: string,
    input: { amount?: number; reason: string; idempotencyKey: string; refundAccount?: RefundAccount },
  ): Promise<void> {
    await this.call('POST', `/payments/${encodeURIComponent(paymentId)}/cancel`, {
      body: {
        storeId: this.opts.storeId,
        amount: input.amount,
        reason: input.reason,
        ...(input.refundAccount ? { refundAccount: input.refundAccount } : {}),
      },
      headers: { 'idempotency-key': input.idempotencyKey },
      // Nothing left to cancel: already cancelled, never paid (declined), or never registered.
      alreadyDone: ['PAYMENT_ALREADY_CANCELLED', 'PAYMENT_NOT_PAID', 'PAYMENT_NOT_FOUND'],
    });
  }

  private async call(
    method: string,
    path: string,
    opts: { body?: unknown; headers?: Record<string, string>; allow404?: boolean; alreadyDone?: string[] },
  ): Promise<unknown> {
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.opts.retries; attempt++) {
      if (attempt > 0) await sleep((this.opts.backoffMs ?? 100) * 2 ** (attempt - 1));
      try {
        return await this.once(method, path, opts);
      } catch (err) {
        if (!(err instanceof RetryableError)) throw err;
        lastError = err;
      }
    }
    throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', `${method} ${path}: ${(lastError as Error).message}`);
  }

  private async once(
    method: string,
    path: string,
    opts: { body?: unknown; headers?: Record<string, string>; allow404?: boolean; alreadyDone?: string[] },
  ): Promise<unknown> {
    let status: number;
    let text: string;
    // One deadline for the whole call (undici's own header/body timeouts tick by the second).
    const limit = deadline(this.opts.timeoutMs);
    try {
      const res = await request(`${this.opts.baseUrl}${path}`, {
        method: method as Dispatcher.HttpMethod,
        headers: {
          authorization: `PortOne ${this.opts.secret}`,
          ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...opts.headers,
        },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        dispatcher: this.agent,
        signal: limit.signal,
      });
      status = res.statusCode;
      text = await res.body.text().catch(() => '');
    } catch (err) {
      // Refused, reset, or no complete answer within timeoutMs.
      throw new RetryableError((err as Error).message);
    } finally {
      limit.clear();
    }
    if (status >= 500 || status === 429) throw new RetryableError(`HTTP ${status}`);
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (status >= 200 && status < 300) return json;
    if (status === 404 && opts.allow404) return undefined;
    if (opts.alreadyDone?.includes(String(json.type))) return json;
    // A 4xx is our bug or a state the caller must handle; retrying cannot help.
    throw new Error(`payment gateway ${method} ${path} answered ${status} ${String(json.type)}`);
  }
}
