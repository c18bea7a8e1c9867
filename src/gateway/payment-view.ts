import type { GatewayCancellation, GatewayPayment } from './store.ts';

/** PortOne v2 `Payment.method` for what the buyer used (PaymentMethodCard, …EasyPay, …Transfer, …VirtualAccount). */
function methodView(p: GatewayPayment): Record<string, unknown> | undefined {
  switch (p.pay_method) {
    case 'CARD':
      return { type: 'PaymentMethodCard', card: { name: '샌드박스카드' }, approvalNumber: p.id.slice(0, 8) };
    case 'EASY_PAY':
      return { type: 'PaymentMethodEasyPay', provider: p.easy_pay_provider ?? undefined };
    case 'TRANSFER':
      return { type: 'PaymentMethodTransfer', bank: p.bank ?? undefined };
    case 'VIRTUAL_ACCOUNT':
      return {
        type: 'PaymentMethodVirtualAccount',
        bank: p.bank ?? undefined,
        accountNumber: p.account_number ?? '',
        accountType: 'NORMAL',
        remitteeName: 'Culture Ticket',
        remitterName: p.remitter?.holderName,
        expiredAt: p.due_at?.toISOString(),
        issuedAt: p.issued_at?.toISOString(),
      };
    default:
      return undefined;
  }
}

/**
 * A payment as PortOne v2's `GET /payments/{paymentId}` answers it: the status-specific fields
 * (paidAt, cancelledAt, failedAt, cancellations), `method` by its `type`, and `amount` as PaymentAmount.
 * The sandbox fills what it knows; merchant, channel and customer are placeholders.
 */
export function paymentView(
  p: GatewayPayment,
  cancellations: GatewayCancellation[] = [],
): Record<string, unknown> {
  const iso = (d: Date | null): string | undefined => (d ? d.toISOString() : undefined);
  const view: Record<string, unknown> = {
    status: p.status,
    id: p.id,
    transactionId: p.id,
    merchantId: 'sandbox-merchant',
    storeId: p.store_id ?? 'sandbox',
    method: methodView(p),
    channel: {
      type: 'TEST',
      id: 'sandbox',
      key: p.channel_key ?? 'sandbox',
      name: 'Culture Ticket sandbox',
      pgProvider: 'SANDBOX',
      pgMerchantId: 'sandbox',
    },
    version: 'V2',
    requestedAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
    statusChangedAt: iso(p.status_changed_at),
    orderName: p.order_name ?? '',
    amount: {
      total: p.total_amount,
      taxFree: 0,
      discount: 0,
      paid: p.paid_amount,
      cancelled: p.cancelled_amount,
      cancelledTaxFree: 0,
    },
    currency: p.currency,
    customer: {},
    disputes: [],
    paidAt: iso(p.paid_at),
    failedAt: p.status === 'FAILED' ? iso(p.failed_at) : undefined,
    cancelledAt:
      p.status === 'CANCELLED' || p.status === 'PARTIAL_CANCELLED'
        ? iso(p.closed_at ?? cancellations.at(-1)?.created_at ?? p.status_changed_at)
        : undefined,
    cancellations:
      cancellations.length > 0
        ? cancellations.map((c) => ({
            status: 'SUCCEEDED',
            id: c.id,
            totalAmount: c.amount,
            taxFreeAmount: 0,
            vatAmount: 0,
            reason: c.reason,
            cancelledAt: c.created_at.toISOString(),
            requestedAt: c.created_at.toISOString(),
          }))
        : undefined,
  };
  if (p.pay_method === 'VIRTUAL_ACCOUNT' && p.status !== 'VIRTUAL_ACCOUNT_ISSUED') {
    // PortOne reports the state of a virtual account's refund on the method.
    (view.method as Record<string, unknown>).refundStatus = p.cancelled_amount > 0 ? 'COMPLETED' : undefined;
  }
  return JSON.parse(JSON.stringify(view)) as Record<string, unknown>;
}
