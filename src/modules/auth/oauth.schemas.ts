import { Type } from 'typebox';

/** Unknown names are 404 from the service (an unconfigured provider looks the same as no provider). */
export const ProviderParams = Type.Object({ provider: Type.String({ pattern: '^[a-z]{1,20}$' }) });

const ProviderName = Type.Union([Type.Literal('kakao'), Type.Literal('naver'), Type.Literal('google')]);

export const ProvidersView = Type.Object({
  providers: Type.Array(ProviderName, {
    description: 'Providers configured on this server, in display order',
  }),
});

export const LinkTicketView = Type.Object({
  ticket: Type.String({ description: 'Pass as `link` to GET /auth/oauth/{provider}/start; works once' }),
  expiresIn: Type.Integer({ description: 'Seconds the ticket stays valid' }),
});

export const StartQuery = Type.Object(
  {
    link: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'A link ticket: link the provider to its user',
      }),
    ),
    next: Type.Optional(Type.String({ maxLength: 500, description: 'Web app path to land on afterwards' })),
  },
  { additionalProperties: false },
);

/** Providers add parameters of their own (scope, iss, …); the exchange reads the raw query string. */
export const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2048 })),
    state: Type.Optional(Type.String({ maxLength: 200 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: true },
);

export const Redirect = Type.Null({ description: 'Redirect (Location header)' });

export const IdentitiesView = Type.Object({
  identities: Type.Array(
    Type.Object({
      provider: ProviderName,
      email: Type.Optional(Type.String({ description: 'The address the provider gave when linked' })),
      linkedAt: Type.String({ format: 'date-time' }),
    }),
  ),
  hasPassword: Type.Boolean({ description: 'Whether the account can also sign in with a password' }),
});
