import { randomInt } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { insertPlannedWebhook, type DeliveryRow, type PlannedWebhook } from './webhooks.ts';

export type PayMethod = 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT' | 'TRANSFER';
export type GatewayStatus =
  'READY' | 'VIRTUAL_ACCOUNT_ISSUED' | 'PAID' | 'FAILED' | 'CANCELLED' | 'PARTIAL_CANCELLED';

/** A bank account a person named: who deposited into a virtual account, or where a refund goes. */
export interface BankAccount {
  bank: string;
  number: string;
  holderName: string;
}

/** The sandbox gateway's rows (its own tables; see migrations 0080 and 0100). */
export interface GatewayPayment {
  id: string;
  status: GatewayStatus;
  currency: string;
  total_amount: number;
  paid_amount: number;
  cancelled_amount: number;
  redirect_url: string | null;
  paid_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  status_changed_at: Date;
  store_id: string | null;
  channel_key: string | null;
  order_name: string | null;
  pay_method: PayMethod | null;
  easy_pay_provider: string | null;
  bank: string | null;
  account_number: string | null;
  due_at: Date | null;
  issued_at: Date | null;
  closed_at: Date | null;
  remitter: BankAccount | null;
}

export interface GatewayCancellation {
  id: string;
  amount: number;
  reason: string;
  refund_account: BankAccount | null;
  created_at: Date;
}

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Where "now" comes from: the wall clock, or a test's manual clock shared with the shop. */
export interface GatewayClock {
  now(): Date;
}

export class GatewayStore {
  constructor(
    private readonly db: AnyDb,
    private readonly clock: GatewayClock = { now: () => new Date() },
  ) {}

  async get(id: string): Promise<GatewayPayment | undefined> {
    const { rows } = await sql<GatewayPayment>`SELECT * FROM gateway_payments WHERE id = ${id}`.execute(
      this.db,
    );
    return rows[0];
  }

  /** A payment's refunds: none to read while nothing of it was cancelled (the two change in one transaction). */
  async cancellationsOf(payment: GatewayPayment): Promise<GatewayCancellation[]> {
    return payment.cancelled_amount > 0 ? this.cancellations(payment.id) : [];
  }

  async cancellations(id: string): Promise<GatewayCancellation[]> {
    const { rows } = await sql<GatewayCancellation>`
      SELECT id, amount, reason, refund_account, created_at FROM gateway_cancellations
      WHERE payment_id = ${id} AND amount > 0 ORDER BY created_at, id`.execute(this.db);
    return rows;
  }

  /** Idempotent: registering the same id with the same amount again is a no-op. */
  async preRegister(
    id: string,
    totalAmount: number,
    currency: string,
    redirectUrl?: string,
    storeId?: string,
  ): Promise<void> {
    const inserted = await sql`
      INSERT INTO gateway_payments (id, status, currency, total_amount, redirect_url, store_id, created_at,
                                    updated_at, status_changed_at)
      VALUES (${id}, 'READY', ${currency}, ${totalAmount}, ${redirectUrl ?? null}, ${storeId ?? null},
              ${this.clock.now()}, ${this.clock.now()}, ${this.clock.now()})
      ON CONFLICT (id) DO NOTHING RETURNING id`.execute(this.db);
    if (inserted.rows.length > 0) return;
    // Registered before: the same amount is a no-op.
    const row = await this.get(id);
    if (!row || row.total_amount !== totalAmount) {
      throw new GatewayError(
        409,
        'ALREADY_PRE_REGISTERED',
        'the payment was pre-registered with another amount',
      );
    }
  }

  /**
   * PortOne's instant payment with a virtual account: an account number is issued for this payment, due
   * at `dueAt`. Idempotent: asking again for an issued payment answers the same account.
   */
  async issueVirtualAccount(
    id: string,
    input: {
      totalAmount: number;
      currency: string;
      bank: string;
      dueAt: Date;
      orderName?: string;
      storeId?: string;
      channelKey?: string;
    },
  ): Promise<GatewayPayment> {
    const now = this.clock.now();
    const accountNumber = `${randomInt(100, 999)}${randomInt(1e6, 1e7 - 1)}${randomInt(1000, 9999)}`;
    const { rows } = await sql<GatewayPayment>`
      INSERT INTO gateway_payments (id, status, currency, total_amount, store_id, channel_key, order_name,
                                    pay_method, bank, account_number, due_at, issued_at, created_at,
                                    updated_at, status_changed_at)
      VALUES (${id}, 'VIRTUAL_ACCOUNT_ISSUED', ${input.currency}, ${input.totalAmount},
              ${input.storeId ?? null}, ${input.channelKey ?? null}, ${input.orderName ?? null},
              'VIRTUAL_ACCOUNT', ${input.bank}, ${accountNumber}, ${input.dueAt}, ${now}, ${now}, ${now}, ${now})
      ON CONFLICT (id) DO UPDATE SET
        status = 'VIRTUAL_ACCOUNT_ISSUED', pay_method = 'VIRTUAL_ACCOUNT', bank = EXCLUDED.bank,
        account_number = EXCLUDED.account_number, due_at = EXCLUDED.due_at, issued_at = EXCLUDED.issued_at,
        order_name = EXCLUDED.order_name, channel_key = EXCLUDED.channel_key,
        store_id = coalesce(gateway_payments.store_id, EXCLUDED.store_id),
        updated_at = EXCLUDED.updated_at, status_changed_at = EXCLUDED.status_changed_at
      WHERE gateway_payments.status = 'READY' AND gateway_payments.total_amount = EXCLUDED.total_amount
      RETURNING *`.execute(this.db);
    if (rows[0]) return rows[0];
    const row = await this.get(id);
    if (row?.status === 'VIRTUAL_ACCOUNT_ISSUED' && row.total_amount === input.totalAmount) return row;
    if (row && row.total_amount !== input.totalAmount) {
      throw new GatewayError(409, 'ALREADY_PRE_REGISTERED', 'the payment was registered with another amount');
    }
    throw new GatewayError(409, 'ALREADY_PAID', 'the payment is not waiting to be paid');
  }

  /**
   * The buyer pays at the checkout page by card, easy pay or transfer (possibly a tampered amount) or
   * declines; only a READY payment can change. Its webhook is inserted by the same statement
   * (`insertPlannedWebhook`): the payment and its notification commit together, and the buyer's answer
   * waits for one round trip, not two.
   */
  async pay(
    id: string,
    outcome: 'paid' | 'failed',
    amount: number | undefined,
    method: { payMethod?: PayMethod; easyPayProvider?: string; bank?: string },
    webhook: PlannedWebhook,
  ): Promise<{ payment: GatewayPayment; delivery: DeliveryRow }> {
    const now = this.clock.now();
    const payMethod = method.payMethod === 'VIRTUAL_ACCOUNT' ? 'CARD' : (method.payMethod ?? 'CARD');
    const change =
      outcome === 'paid'
        ? sql`
            UPDATE gateway_payments SET status = 'PAID', paid_amount = ${amount ?? sql`total_amount`},
                   paid_at = ${now}, updated_at = ${now}, status_changed_at = ${now}, pay_method = ${payMethod},
                   easy_pay_provider = ${payMethod === 'EASY_PAY' ? (method.easyPayProvider ?? null) : null},
                   bank = ${payMethod === 'TRANSFER' ? (method.bank ?? null) : null}
            WHERE id = ${id} AND status = 'READY' RETURNING *`
        : sql`
            UPDATE gateway_payments SET status = 'FAILED', failed_at = ${now}, updated_at = ${now},
                   status_changed_at = ${now}, pay_method = ${payMethod}
            WHERE id = ${id} AND status = 'READY' RETURNING *`;
    const changed = await this.changeAndQueue(change, webhook);
    if (changed) return changed;
    if (!(await this.get(id))) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
    throw new GatewayError(409, 'PAYMENT_NOT_READY', 'the payment is not waiting for the buyer');
  }

  /**
   * The buyer deposits into an issued virtual account. The sandbox leaves closing the account to the
   * merchant (or its expiry job): a deposit lands until the account is closed, even past its due date, so a
   * late deposit can be exercised. One conditional UPDATE, so a deposit and a close cannot both win; its
   * webhook is inserted by the same statement, as a card payment's is.
   */
  async deposit(
    id: string,
    remitter: BankAccount | undefined,
    webhook: PlannedWebhook,
  ): Promise<{ payment: GatewayPayment; delivery: DeliveryRow }> {
    const now = this.clock.now();
    const change = sql`
      UPDATE gateway_payments SET status = 'PAID', paid_amount = total_amount, paid_at = ${now},
             updated_at = ${now}, status_changed_at = ${now},
             remitter = ${remitter ? JSON.stringify(remitter) : null}::jsonb
      WHERE id = ${id} AND status = 'VIRTUAL_ACCOUNT_ISSUED' AND closed_at IS NULL RETURNING *`;
    const changed = await this.changeAndQueue(change, webhook);
    if (changed) return changed;
    const row = await this.get(id);
    if (!row) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
    if (row.closed_at) throw new GatewayError(409, 'VIRTUAL_ACCOUNT_CLOSED', 'the account is closed');
    throw new GatewayError(
      409,
      'PAYMENT_NOT_WAITING_FOR_DEPOSIT',
      'the payment is not waiting for a deposit',
    );
  }

  /**
   * `change` (an UPDATE of one payment, `RETURNING *`) and the INSERT of its webhook in one statement
   * (`insertPlannedWebhook`): the change and its notification commit together. Undefined when the
   * UPDATE changed no row; then nothing is queued.
   */
  private async changeAndQueue(
    change: RawBuilder<unknown>,
    webhook: PlannedWebhook,
  ): Promise<{ payment: GatewayPayment; delivery: DeliveryRow } | undefined> {
    const { rows } = await sql<
      GatewayPayment & { delivery_id: string; delivery_body: string; delivery_attempts: number }
    >`
      WITH changed AS (${change}), queued AS (${insertPlannedWebhook(webhook)})
      SELECT changed.*, queued.id AS delivery_id, queued.body AS delivery_body, queued.attempts AS delivery_attempts
      FROM changed CROSS JOIN queued`.execute(this.db);
    const row = rows[0];
    if (!row) return undefined;
    const { delivery_id, delivery_body, delivery_attempts, ...payment } = row;
    return { payment, delivery: { id: delivery_id, body: delivery_body, attempts: delivery_attempts } };
  }

  /** Closes an unpaid virtual account (PortOne's "close virtual account"); repeating it answers the same. */
  async closeVirtualAccount(id: string): Promise<GatewayPayment> {
    const now = this.clock.now();
    const { rows } = await sql<GatewayPayment>`
      UPDATE gateway_payments SET status = 'CANCELLED', closed_at = ${now}, updated_at = ${now},
             status_changed_at = ${now}
      WHERE id = ${id} AND status = 'VIRTUAL_ACCOUNT_ISSUED' AND paid_at IS NULL RETURNING *`.execute(
      this.db,
    );
    if (rows[0]) return rows[0];
    const row = await this.get(id);
    if (!row) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
    if (row.closed_at) return row;
    throw new GatewayError(409, 'PAYMENT_NOT_WAITING_FOR_DEPOSIT', `the payment is ${row.status}`);
  }

  /**
   * Full or partial cancellation. A READY payment is voided (CANCELLED, nothing refunded). A retried
   * call with the same idempotency key returns the first cancellation. A virtual-account refund goes to
   * `refundAccount`, or back to the account that deposited when none is given.
   */
  async cancel(
    id: string,
    input: { amount?: number; reason: string; idempotencyKey?: string; refundAccount?: BankAccount },
  ): Promise<{ payment: GatewayPayment; cancelledAmount: number; cancellationId: string }> {
    return this.db.transaction().execute(async (tx) => {
      const { rows } =
        await sql<GatewayPayment>`SELECT * FROM gateway_payments WHERE id = ${id} FOR UPDATE`.execute(tx);
      const payment = rows[0];
      if (!payment) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
      if (input.idempotencyKey) {
        const prior = await sql<{ id: string; amount: number }>`
          SELECT id, amount FROM gateway_cancellations
          WHERE payment_id = ${id} AND idempotency_key = ${input.idempotencyKey}`.execute(tx);
        if (prior.rows[0])
          return { payment, cancelledAmount: prior.rows[0].amount, cancellationId: prior.rows[0].id };
      }
      let amount: number;
      let status: GatewayPayment['status'];
      if (payment.status === 'READY') {
        amount = 0;
        status = 'CANCELLED';
      } else if (payment.status === 'PAID' || payment.status === 'PARTIAL_CANCELLED') {
        const remaining = payment.paid_amount - payment.cancelled_amount;
        amount = input.amount ?? remaining;
        if (amount <= 0 || amount > remaining) {
          throw new GatewayError(
            400,
            'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT',
            `cancellable is ${remaining}`,
          );
        }
        status = amount === remaining ? 'CANCELLED' : 'PARTIAL_CANCELLED';
      } else if (payment.status === 'CANCELLED') {
        throw new GatewayError(409, 'PAYMENT_ALREADY_CANCELLED', 'the payment is already cancelled');
      } else if (payment.status === 'VIRTUAL_ACCOUNT_ISSUED') {
        throw new GatewayError(409, 'PAYMENT_NOT_PAID', 'close the virtual account instead');
      } else {
        throw new GatewayError(409, 'PAYMENT_NOT_PAID', 'a failed payment cannot be cancelled');
      }
      const refundAccount =
        payment.pay_method === 'VIRTUAL_ACCOUNT' && amount > 0
          ? (input.refundAccount ?? payment.remitter ?? undefined)
          : undefined;
      if (payment.pay_method === 'VIRTUAL_ACCOUNT' && amount > 0 && !refundAccount) {
        throw new GatewayError(400, 'INVALID_REQUEST', 'a virtual-account refund needs refundAccount');
      }
      const now = this.clock.now();
      const inserted = await sql<{ id: string }>`
        INSERT INTO gateway_cancellations (payment_id, amount, reason, idempotency_key, refund_account, created_at)
        VALUES (${id}, ${amount}, ${input.reason}, ${input.idempotencyKey ?? null},
                ${refundAccount ? JSON.stringify(refundAccount) : null}::jsonb, ${now})
        RETURNING id`.execute(tx);
      const updated = await sql<GatewayPayment>`
        UPDATE gateway_payments SET status = ${status}, cancelled_amount = cancelled_amount + ${amount},
               updated_at = ${now}, status_changed_at = ${now}
        WHERE id = ${id} RETURNING *`.execute(tx);
      return { payment: updated.rows[0]!, cancelledAmount: amount, cancellationId: inserted.rows[0]!.id };
    });
  }
}
