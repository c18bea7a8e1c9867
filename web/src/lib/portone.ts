import type { PaymentRequest } from '@portone/browser-sdk/v2';

/**
 * Opens the payment window for a reservation. The server hands over the argument of PortOne's browser
 * `requestPayment` (store id, channel key, amount, method; never built here). Against PortOne the
 * browser SDK is loaded on demand and opens PortOne's window; against the sandbox gateway (any other
 * PAYMENT_GATEWAY_URL) the sandbox's compatible page opens instead. Either way the buyer comes back to
 * the request's redirectUrl (the SDK's redirect mode) or, in the SDK's popup mode, this resolves and
 * the caller goes there itself.
 */
export async function requestPayment(
  request: PaymentRequest,
  checkoutUrl: string,
): Promise<{ paymentId: string; code?: string; message?: string } | undefined> {
  if (!new URL(checkoutUrl).hostname.endsWith('portone.io')) {
    window.location.assign(checkoutUrl);
    return undefined;
  }
  const PortOne = await import('@portone/browser-sdk/v2');
  const response = await PortOne.requestPayment(request);
  return response
    ? { paymentId: response.paymentId, code: response.code, message: response.message }
    : undefined;
}
