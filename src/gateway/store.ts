import { sql, type Kysely } from 'kysely';

/** The sandbox gateway's rows (its own tables; see migration 0080). */
export interface GatewayPayment {
  id: string;
  status: 'READY' | 'PAID' | 'FAILED' | 'CANCELLED' | 'PARTIAL_CANCELLED';
  currency: string;
  total_amount: number;
  paid_amount: number;
  cancelled_amount: number;
  redirect_url: string | null;
  paid_at: Date | null;
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

export class GatewayStore {
  constructor(private readonly db: AnyDb) {}

  async get(id: string): Promise<GatewayPayment | undefined> {
    const { rows } = await sql<GatewayPayment>`SELECT * FROM gateway_payments WHERE id = ${id}`.execute(
      this.db,
    );
    return rows[0];
  }

  /** Idempotent: registering the same id with the same amount again is a no-op. */
  async preRegister(id: string, totalAmount: number, currency: string, redirectUrl?: string): Promise<void> {
    await sql`
      INSERT INTO gateway_payments (id, status, currency, total_amount, redirect_url)
      VALUES (${id}, 'READY', ${currency}, ${totalAmount}, ${redirectUrl ?? null})
      ON CONFLICT (id) DO NOTHING`.execute(this.db);
    const row = await this.get(id);
    if (!row || row.total_amount !== totalAmount) {
      throw new GatewayError(
        409,
        'ALREADY_PRE_REGISTERED',
        'the payment was pre-registered with another amount',
      );
    }
  }

  /** The buyer pays (possibly a tampered amount) or declines; only a READY payment can change. */
  async pay(id: string, outcome: 'paid' | 'failed', amount?: number): Promise<GatewayPayment> {
    const { rows } =
      outcome === 'paid'
        ? await sql<GatewayPayment>`
            UPDATE gateway_payments SET status = 'PAID', paid_amount = ${amount ?? sql`total_amount`},
                   paid_at = now(), updated_at = now()
            WHERE id = ${id} AND status = 'READY' RETURNING *`.execute(this.db)
        : await sql<GatewayPayment>`
            UPDATE gateway_payments SET status = 'FAILED', failed_at = now(), updated_at = now()
            WHERE id = ${id} AND status = 'READY' RETURNING *`.execute(this.db);
    if (rows[0]) return rows[0];
    if (!(await this.get(id))) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
    throw new GatewayError(409, 'PAYMENT_NOT_READY', 'the payment is not waiting for the buyer');
  }

  /**
   * Full or partial cancellation. A READY payment is voided (CANCELLED, nothing refunded). A retried
   * call with the same idempotency key returns the first cancellation.
   */
  async cancel(
    id: string,
    input: { amount?: number; reason: string; idempotencyKey?: string },
  ): Promise<{ payment: GatewayPayment; cancelledAmount: number }> {
    return this.db.transaction().execute(async (tx) => {
      const { rows } =
        await sql<GatewayPayment>`SELECT * FROM gateway_payments WHERE id = ${id} FOR UPDATE`.execute(tx);
      const payment = rows[0];
      if (!payment) throw new GatewayError(404, 'PAYMENT_NOT_FOUND', 'no such payment');
      if (input.idempotencyKey) {
        const prior = await sql<{ amount: number }>`
          SELECT amount FROM gateway_cancellations
          WHERE payment_id = ${id} AND idempotency_key = ${input.idempotencyKey}`.execute(tx);
        if (prior.rows[0]) return { payment, cancelledAmount: prior.rows[0].amount };
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
          throw new GatewayError(400, 'INVALID_CANCEL_AMOUNT', `cancellable amount is ${remaining}`);
        }
        status = amount === remaining ? 'CANCELLED' : 'PARTIAL_CANCELLED';
      } else if (payment.status === 'CANCELLED') {
        throw new GatewayError(409, 'PAYMENT_ALREADY_CANCELLED', 'the payment is already cancelled');
      } else {
        throw new GatewayError(409, 'PAYMENT_NOT_PAID', 'a failed payment cannot be cancelled');
      }
      await sql`
        INSERT INTO gateway_cancellations (payment_id, amount, reason, idempotency_key)
        VALUES (${id}, ${amount}, ${input.reason}, ${input.idempotencyKey ?? null})`.execute(tx);
      const updated = await sql<GatewayPayment>`
        UPDATE gateway_payments SET status = ${status}, cancelled_amount = cancelled_amount + ${amount},
               updated_at = now()
        WHERE id = ${id} RETURNING *`.execute(tx);
      return { payment: updated.rows[0]!, cancelledAmount: amount };
    });
  }
}

export function paymentView(p: GatewayPayment): Record<string, unknown> {
  return {
    id: p.id,
    status: p.status,
    currency: p.currency,
    amount: { total: p.total_amount, paid: p.paid_amount, cancelled: p.cancelled_amount },
    paidAt: p.paid_at ? p.paid_at.toISOString() : null,
  };
}
