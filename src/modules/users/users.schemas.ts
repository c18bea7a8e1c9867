import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.ts';

export const Nickname = Type.String({ minLength: 1, maxLength: 30, pattern: '\\S' });
/** Digits with optional leading + and separators, e.g. 010-1234-5678 or +82 10 1234 5678. */
export const Phone = Type.String({ minLength: 7, maxLength: 20, pattern: '^\\+?[0-9][0-9 -]{5,18}[0-9]$' });
export const BirthDate = Type.String({ format: 'date' });
export const Language = Type.Union([Type.Literal('ko'), Type.Literal('en')], {
  description: 'The language mail is written in',
});

export const UserView = Type.Object({
  id: Uuid,
  email: Type.String(),
  nickname: Type.String(),
  role: Type.Union([Type.Literal('USER'), Type.Literal('STAFF'), Type.Literal('ADMIN')]),
  phone: Type.Optional(Type.String()),
  birthDate: Type.Optional(Type.String()),
  termsAgreedAt: Type.Optional(Type.String({ format: 'date-time' })),
  privacyAgreedAt: Type.Optional(Type.String({ format: 'date-time' })),
  language: Language,
  consents: Type.Optional(
    Type.Object(
      {
        terms: Type.Optional(Type.String({ format: 'date-time', description: 'When agreed' })),
        privacy: Type.Optional(Type.String({ format: 'date-time', description: 'When agreed' })),
        marketing: Type.Object({
          granted: Type.Boolean(),
          at: Type.Optional(
            Type.String({ format: 'date-time', description: 'The last change; absent if never chosen' }),
          ),
        }),
      },
      { description: 'Current consents; on GET and PATCH /users/me' },
    ),
  ),
});

export const UpdateMeBody = Type.Object(
  {
    nickname: Type.Optional(Nickname),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    birthDate: Type.Optional(Type.Union([BirthDate, Type.Null()])),
    newPassword: Type.Optional(Type.String({ maxLength: 1024 })),
    currentPassword: Type.Optional(Type.String({ maxLength: 1024 })),
    language: Type.Optional(Language),
    consents: Type.Optional(
      Type.Object(
        { marketing: Type.Boolean({ description: 'Marketing opt-in; each change is logged with its time' }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const WithdrawBody = Type.Object(
  {
    currentPassword: Type.Optional(
      Type.String({
        maxLength: 1024,
        description:
          'Required when the account has a password; social-only accounts need a sign-in within 5 minutes',
      }),
    ),
  },
  { additionalProperties: false },
);
