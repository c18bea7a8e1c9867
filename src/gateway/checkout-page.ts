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

const PROVIDERS: Record<string, string> = {
  KAKAOPAY: '카카오페이',
  TOSSPAY: '토스페이',
  NAVERPAY: '네이버페이',
};
const BANKS: Record<string, string> = {
  KOOKMIN: 'KB국민은행',
  SHINHAN: '신한은행',
  WOORI: '우리은행',
  HANA: '하나은행',
  NONGHYUP: 'NH농협은행',
  IBK: 'IBK기업은행',
};

export const bankName = (code: string | null): string => (code ? (BANKS[code] ?? code) : '');

function methodLabel(method: { payMethod: string; easyPayProvider?: string }): string {
  if (method.payMethod === 'EASY_PAY') return PROVIDERS[method.easyPayProvider ?? ''] ?? '간편결제';
  if (method.payMethod === 'TRANSFER') return '계좌이체';
  return '신용·체크카드';
}

/**
 * A deliberately plain page, the sandbox's stand-in for PortOne's payment window: the amount and the
 * method the shop asked for (`payMethod`, `easyPayProvider`), pay or decline; for an issued virtual account
 * the account, its due date and a button that deposits the amount.
 */
export function checkoutPage(
  payment: GatewayPayment,
  redirect: string | undefined,
  method: { payMethod: string; easyPayProvider?: string } = { payMethod: 'CARD' },
): string {
  const amount = payment.total_amount.toLocaleString('ko-KR');
  const hidden = [
    redirect ? `<input type="hidden" name="redirect" value="${escape(redirect)}">` : '',
    `<input type="hidden" name="payMethod" value="${escape(method.payMethod)}">`,
    method.easyPayProvider
      ? `<input type="hidden" name="easyPayProvider" value="${escape(method.easyPayProvider)}">`
      : '',
  ].join('');
  const action = `/checkout/${encodeURIComponent(payment.id)}`;
  let body: string;
  if (payment.status === 'READY') {
    const label = methodLabel(method);
    body = `<p>결제 수단 <strong>${escape(label)}</strong></p>
         <p>결제 금액 <strong>${amount}원</strong></p>
         <form method="post" action="${action}">${hidden}
           <button name="outcome" value="paid">${escape(label)}로 결제하기</button>
           <button name="outcome" value="failed">결제 취소</button>
         </form>`;
  } else if (payment.status === 'VIRTUAL_ACCOUNT_ISSUED') {
    const due = payment.due_at ? payment.due_at.toLocaleString('ko-KR', { timeZone: 'Asia/Seoul' }) : '';
    body = `<p>입금하실 가상계좌</p>
         <dl><dt>은행</dt><dd>${escape(bankName(payment.bank))}</dd>
             <dt>계좌번호</dt><dd>${escape(payment.account_number ?? '')}</dd>
             <dt>입금액</dt><dd>${amount}원</dd>
             <dt>입금 기한</dt><dd>${escape(due)}</dd></dl>
         <form method="post" action="${action}">${hidden}
           <button name="outcome" value="deposit">입금하기 (샌드박스)</button>
         </form>`;
  } else {
    const states: Record<string, string> = {
      PAID: '결제가 완료되었습니다.',
      FAILED: '결제가 취소되었습니다.',
      CANCELLED: '취소된 결제입니다.',
      PARTIAL_CANCELLED: '일부 환불된 결제입니다.',
    };
    body = `<p>${escape(states[payment.status] ?? payment.status)}</p>`;
    if (redirect) body += `<p><a href="${escape(redirect)}">예매 사이트로 돌아가기</a></p>`;
  }
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>샌드박스 결제</title></head>
<body><main><h1>샌드박스 결제</h1>${body}</main></body></html>`;
}
