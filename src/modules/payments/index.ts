import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Infra } from '../../container.ts';
import { HttpPaymentGateway, type PaymentGateway } from './payment-gateway.ts';
import { paymentRoutes } from './payments.routes.ts';
import type { CheckoutSettlement } from './ports.ts';

export type {
  GatewayPaymentStatus,
  GatewayPaymentView,
  IssuedVirtualAccount,
  PaymentGateway,
  RefundAccount,
} from './payment-gateway.ts';
export { browserPaymentRequest, type BrowserPaymentRequest, type PayMethod } from './payment-request.ts';
export type { CheckoutSettlement } from './ports.ts';

/**
 * Payments: the adapter to the payment provider (PortOne-v2-style HTTP API) that checkout calls, and
 * the routes the buyer's browser and the provider call back (complete, signed webhook). Settling a
 * payment is checkout's business; these routes hand it over through `CheckoutSettlement`.
 */
export interface PaymentsModule {
  routes: FastifyPluginAsyncTypebox;
}

/** The HTTP adapter on PAYMENT_GATEWAY_URL: per-call timeout, retries with backoff. */
export function createPaymentGateway(config: Infra['config']): PaymentGateway {
  return new HttpPaymentGateway({
    baseUrl: config.PAYMENT_GATEWAY_URL,
    secret: config.PAYMENT_GATEWAY_SECRET,
    storeId: config.PAYMENT_STORE_ID,
    channelKeys: channelKeys(config),
    virtualAccountBank: config.PAYMENT_VIRTUAL_ACCOUNT_BANK,
    timeoutMs: config.PAYMENT_GATEWAY_TIMEOUT_MS,
    retries: config.PAYMENT_GATEWAY_RETRIES,
  });
}

/** PAYMENT_CHANNEL_KEYS ("METHOD=key,…") over the default PAYMENT_CHANNEL_KEY. */
export function channelKeys(
  config: Pick<Infra['config'], 'PAYMENT_CHANNEL_KEY' | 'PAYMENT_CHANNEL_KEYS'>,
): Record<string, string> & { default: string } {
  const keys: Record<string, string> & { default: string } = { default: config.PAYMENT_CHANNEL_KEY };
  for (const pair of config.PAYMENT_CHANNEL_KEYS) {
    const at = pair.indexOf('=');
    if (at > 0) keys[pair.slice(0, at).trim().toUpperCase()] = pair.slice(at + 1).trim();
  }
  return keys;
}

export function createPaymentsModule(
  infra: Pick<Infra, 'config'>,
  ports: { settlement: CheckoutSettlement },
): PaymentsModule {
  return {
    routes: paymentRoutes({
      settlement: ports.settlement,
      webhookSecret: infra.config.PAYMENT_WEBHOOK_SECRET,
      toleranceSeconds: infra.config.PAYMENT_WEBHOOK_TOLERANCE_SECONDS,
    }),
  };
}
