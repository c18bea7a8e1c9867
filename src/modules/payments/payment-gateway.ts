import { AppError } from '../../errors.ts';

export type GatewayPaymentStatus = 'READY' | 'PAID' | 'FAILED' | 'CANCELLED' | 'PARTIAL_CANCELLED';

export interface GatewayPaymentView {
  id: string;
  status: GatewayPaymentStatus;
  amount: { total: number; paid: number; cancelled: number };
}

/** The payment provider as checkout sees it (PortOne-v2-style). Every call is safe to retry. */
export interface PaymentGateway {
  /** Registers the amount the buyer must pay; idempotent per payment id. */
  preRegister(paymentId: string, totalAmount: number, redirectUrl: string): Promise<void>;
  getPayment(paymentId: string): Promise<GatewayPaymentView | undefined>;
  /**
   * Voids a READY payment or refunds a paid one (all, or `amount`). `idempotencyKey` makes a retried
   * cancel refund once. Cancelling what is already cancelled, declined or unknown succeeds (nothing owed).
   */
  cancel(
    paymentId: string,
    input: { amount?: number; reason: string; idempotencyKey: string },
  ): Promise<void>;
}

export interface HttpGatewayOptions {
  baseUrl: string;
  secret: string;
  timeoutMs: number;
  retries: number;
  /** First backoff; doubled on each retry. */
  backoffMs?: number;
}

class RetryableError extends Error {}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The one HTTP adapter: per-call timeout, retries with backoff on timeouts, network errors and 5xx. */
export class HttpPaymentGateway implements PaymentGateway {
  constructor(private readonly opts: HttpGatewayOptions) {}

  async preRegister(paymentId: string, totalAmount: number, redirectUrl: string): Promise<void> {
    await this.call('POST', `/payments/${encodeURIComponent(paymentId)}/pre-register`, {
      body: { totalAmount, currency: 'KRW', redirectUrl },
    });
  }

  async getPayment(paymentId: string): Promise<GatewayPaymentView | undefined> {
    const res = await this.call('GET', `/payments/${encodeURIComponent(paymentId)}`, { allow404: true });
    return res as GatewayPaymentView | undefined;
  }

  async cancel(
    paymentId: string,
    input: { amount?: number; reason: string; idempotencyKey: string },
  ): Promise<void> {
    await this.call('POST', `/payments/${encodeURIComponent(paymentId)}/cancel`, {
      body: { amount: input.amount, reason: input.reason },
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
    let res: Response;
    try {
      res = await fetch(`${this.opts.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `PortOne ${this.opts.secret}`,
          ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...opts.headers,
        },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (err) {
      throw new RetryableError((err as Error).message);
    }
    const text = await res.text().catch(() => '');
    if (res.status >= 500 || res.status === 429) throw new RetryableError(`HTTP ${res.status}`);
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (res.ok) return json;
    if (res.status === 404 && opts.allow404) return undefined;
    if (opts.alreadyDone?.includes(String(json.type))) return json;
    // A 4xx is our bug or a state the caller must handle; retrying cannot help.
    throw new Error(`payment gateway ${method} ${path} answered ${res.status} ${String(json.type)}`);
  }
}
