import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { errors, Uuid } from '../../http/schemas.ts';
import { verifyWebhook, WEBHOOK_HEADERS } from './webhook-signature.ts';
import { userKey } from '../../http/rate-limit-key.ts';
import { tooManyRequests, type AlongsideRule } from '../../http/leased-limit.ts';
import type { CheckoutSettlement } from './ports.ts';

export const paymentRoutes =
  (deps: {
    settlement: CheckoutSettlement;
    webhookSecret: string;
    toleranceSeconds: number;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    // 60 a minute per signed-in user, counted while the reservation is read: the settlement awaits the
    // verdict before it asks the gateway, so the count costs the buyer no wait of its own.
    const completeLimit: AlongsideRule = {
      url: `${app.prefix}/payments/:paymentId/complete`,
      max: 60,
      timeWindow: 60_000,
      key: userKey,
      headers: true,
      detail: tooManyRequests,
    };

    app.post(
      '/payments/:paymentId/complete',
      {
        onRequest: app.countedAlongside(completeLimit),
        config: { access: 'owner' },
        schema: {
          tags: ['payments'],
          summary: 'Settle a payment after the buyer acted at the gateway (verified with the gateway)',
          security: [{ bearerAuth: [] }],
          params: Type.Object({ paymentId: Uuid }),
          response: {
            200: Type.Object({ reservationId: Uuid, status: Type.String() }),
            ...errors(400, 401, 404, 409, 429, 502),
          },
        },
      },
      async (request) =>
        deps.settlement.complete(request.params.paymentId, request.user!.id, request.limitVerdict),
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
              ...errors(400, 401, 502),
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
