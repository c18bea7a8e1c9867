import type { PaymentRequest } from '@portone/browser-sdk/v2';

export type PayMethod = 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT' | 'TRANSFER';
export type EasyPayProvider = 'KAKAOPAY' | 'TOSSPAY' | 'NAVERPAY';

/**
 * The argument of PortOne's browser `requestPayment` for a card, easy-pay or transfer payment, built on
 * the server so the amount, the ids and the channel come from the shop and its config, never the page.
 * It is a subset of the browser SDK's `PaymentRequest` (checked by the type below).
 */
export interface BrowserPaymentRequest {
  storeId: string;
  channelKey: string;
  paymentId: string;
  orderName: string;
  totalAmount: number;
  currency: 'KRW';
  payMethod: Exclude<PayMethod, 'VIRTUAL_ACCOUNT'>;
  easyPay?: { easyPayProvider: EasyPayProvider };
  redirectUrl: string;
}

// Compile-time proof that what the server hands the page is a valid browser SDK request.
const _fitsTheBrowserSdk = (r: BrowserPaymentRequest): PaymentRequest => r;
void _fitsTheBrowserSdk;

export function browserPaymentRequest(input: {
  storeId: string;
  channelKeys: Record<string, string> & { default: string };
  paymentId: string;
  orderName: string;
  totalAmount: number;
  payMethod: Exclude<PayMethod, 'VIRTUAL_ACCOUNT'>;
  easyPayProvider?: EasyPayProvider;
  redirectUrl: string;
}): BrowserPaymentRequest {
  const keyName = input.payMethod === 'EASY_PAY' ? input.easyPayProvider : input.payMethod;
  return {
    storeId: input.storeId,
    channelKey: (keyName && input.channelKeys[keyName]) || input.channelKeys.default,
    paymentId: input.paymentId,
    orderName: input.orderName,
    totalAmount: input.totalAmount,
    currency: 'KRW',
    payMethod: input.payMethod,
    ...(input.payMethod === 'EASY_PAY' && input.easyPayProvider
      ? { easyPay: { easyPayProvider: input.easyPayProvider } }
      : {}),
    redirectUrl: input.redirectUrl,
  };
}
