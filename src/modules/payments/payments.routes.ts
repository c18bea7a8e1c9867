import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { Problem, Uuid } from '../../http/schemas.ts';
import { verifyWebhook, WEBHOOK_HEADERS } from './webhook-signature.ts';
import { userKey } from '../../http/rate-limit-key.ts';

/** What the payment routes need from checkout (implemented by the booking module). */
export interface CheckoutSettlement {
  /** The buyer is back from the gateway: verify and settle their payment. */
  complete(paymentId: string, userId: string): Promise<{ reservationId: string; status: string }>;
  /** The gateway notified us about a payment: verify and settle it. Unknown payments are ignored. */
  notify(paymentId: string): Promise<void>;
}

export const paymentRoutes =
  (deps: {
    settlement: CheckoutSettlement;
    webhookSecret: string;
    toleranceSeconds: number;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/payments/:paymentId/complete',
      {
        config: {
          access: 'owner',
          rateLimit: {
            max: 60,
            timeWindow: '1 minute',
            keyGenerator: userKey,
          },
        },
        schema: {
          tags: ['payments'],
          summary: 'Settle a payment after the buyer acted at the gateway (verified with the gateway)',
          security: [{ bearerAuth: [] }],
          params: Type.Object({ paymentId: Uuid }),
          response: {
            200: Type.Object({ reservationId: Uuid, status: Type.String() }),
            401: Problem,
            404: Problem,
            409: Problem,
            502: Problem,
          },
        },
      },
      async (request) => deps.settlement.complete(request.params.paymentId, request.user!.id),
    );

    // The webhook needs the exact bytes that were signed, so this scope keeps JSON bodies as text.
    await app.register(async (scope) => {
      scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
        done(null, body),
      );
      scope.post(
        '/payments/webhook',
        {
          // Public: the caller is the gateway, proven by the Standard Webhooks signature checked below.
          config: { access: 'public' },
          schema: {
            tags: ['payments'],
            summary: 'Signed notification from the payment gateway (Standard Webhooks HMAC)',
            response: {
              200: Type.Object({ received: Type.Boolean() }),
              400: Problem,
              401: Problem,
              502: Problem,
            },
          },
        },
        async (request) => {
          const body = typeof request.body === 'string' ? request.body : '';
          const header = (name: string): string | undefined => {
            const v = request.headers[name];
            return typeof v === 'string' ? v : undefined;
          };
          const valid = verifyWebhook({
            secret: deps.webhookSecret,
            id: header(WEBHOOK_HEADERS.id),
            timestamp: header(WEBHOOK_HEADERS.timestamp),
            signature: header(WEBHOOK_HEADERS.signature),
            body,
            toleranceSeconds: deps.toleranceSeconds,
          });
          if (!valid) throw new AppError('INVALID_SIGNATURE');
          let paymentId: unknown;
          try {
            paymentId = (JSON.parse(body) as { data?: { paymentId?: unknown } }).data?.paymentId;
          } catch {
            throw new AppError('MALFORMED_JSON');
          }
          // Only the id is taken from the notification; the state is read back from the gateway.
          if (typeof paymentId !== 'string' || paymentId.length > 200) {
            throw new AppError('VALIDATION_FAILED', 'data.paymentId is missing');
          }
          await deps.settlement.notify(paymentId);
          return { received: true };
        },
      );
    });
  };
