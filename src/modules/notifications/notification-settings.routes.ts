import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errors } from '../../http/schemas.ts';
import {
  NotificationSettingsChange,
  NotificationSettingsView,
  UnsubscribeBody,
  UnsubscribePreview,
  UnsubscribeQuery,
} from './notification-settings.schemas.ts';
import type { NotificationSettingsService } from './notification-settings.service.ts';

/** Unsubscribe links are public: limited per client IP (Redis-backed, shared by every instance). */
const perIp = {
  rateLimit: { max: 30, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => request.ip },
};

const Unsubscribed = Type.Object({ category: UnsubscribePreview.properties.category });

export const notificationSettingsRoutes =
  (deps: { service: NotificationSettingsService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { service } = deps;
    const security = [{ bearerAuth: [] }];

    app.get(
      '/users/me/notification-settings',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['notifications'],
          summary: 'Which notifications the signed-in user gets, per category and channel',
          security,
          response: { 200: NotificationSettingsView, ...errors(401) },
        },
      },
      async (request) => service.view(request.user!.id),
    );

    app.patch(
      '/users/me/notification-settings',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['notifications'],
          summary: 'Change some settings; what is not named stays as it is',
          description:
            'Booking mail cannot be turned off: `email.booking: false` is 400 BOOKING_MAIL_REQUIRED.',
          security,
          body: NotificationSettingsChange,
          response: { 200: NotificationSettingsView, ...errors(400, 401) },
        },
      },
      async (request) => service.update(request.user!.id, request.body),
    );

    app.get(
      '/notifications/unsubscribe',
      {
        config: { access: 'public', ...perIp },
        schema: {
          tags: ['notifications'],
          summary: 'What an unsubscribe link from a notification mail would turn off (changes nothing)',
          querystring: UnsubscribeQuery,
          response: { 200: UnsubscribePreview, ...errors(400, 429) },
        },
      },
      async (request) => service.previewUnsubscribe(request.query.token),
    );

    app.post(
      '/notifications/unsubscribe',
      {
        config: { access: 'public', ...perIp },
        schema: {
          tags: ['notifications'],
          summary: "Turn the mail of an unsubscribe link's category off, without signing in",
          description:
            'The token comes from a non-transactional notification mail; a tampered or malformed one is 400 INVALID_UNSUBSCRIBE_TOKEN. Using it twice is fine.',
          body: UnsubscribeBody,
          response: { 200: Unsubscribed, ...errors(400, 429) },
        },
      },
      async (request) => service.unsubscribe(request.body.token),
    );

    // RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` as a form to the
    // List-Unsubscribe URL, which carries the token. The form body is read as text and ignored.
    await app.register(async (plain) => {
      const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
      for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
        scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
          done(null, body),
        );
      }
      scope.post(
        '/notifications/unsubscribe/one-click',
        {
          config: { access: 'public', ...perIp },
          schema: {
            tags: ['notifications'],
            summary: 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post), for mail clients',
            querystring: UnsubscribeQuery,
            response: { 200: Unsubscribed, ...errors(400, 415, 429) },
          },
        },
        async (request) => service.unsubscribe(request.query.token),
      );
    });
  };
