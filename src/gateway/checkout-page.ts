import type { GatewayPayment } from './store.ts';

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The buyer returns only to the origin the merchant registered: a `redirect` query parameter on another
 * origin is ignored (no open redirect through the gateway).
 */
export function safeRedirect(registered: string | null, requested: string | undefined): string | undefined {
  if (!registered) return undefined;
  if (!requested) return registered;
  try {
    return new URL(requested).origin === new URL(registered).origin ? requested : registered;
  } catch {
    return registered;
  }
}

/** A deliberately plain page: the amount, and two buttons. */
export function checkoutPage(payment: GatewayPayment, redirect: string | undefined): string {
  const amount = payment.total_amount.toLocaleString('ko-KR');
  const hidden = redirect ? `<input type="hidden" name="redirect" value="${escape(redirect)}">` : '';
  const action = `/checkout/${encodeURIComponent(payment.id)}`;
  const body =
    payment.status === 'READY'
      ? `<p>결제 금액 <strong>${amount}원</strong></p>
         <form method="post" action="${action}">${hidden}
           <button name="outcome" value="paid">결제하기 (pay)</button>
           <button name="outcome" value="failed">취소 (decline)</button>
         </form>`
      : `<p>This payment is ${escape(payment.status)}.</p>`;
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sandbox checkout</title></head>
<body><main><h1>Sandbox payment</h1>${body}</main></body></html>`;
}
