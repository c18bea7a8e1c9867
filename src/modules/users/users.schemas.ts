import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.ts';

export const Nickname = Type.String({ minLength: 1, maxLength: 30, pattern: '\\S' });
/** Digits with optional leading + and separators, e.g. 010-1234-5678 or +82 10 1234 5678. */
export const Phone = Type.String({ minLength: 7, maxLength: 20, pattern: '^\\+?[0-9][0-9 -]{5,18}[0-9]$' });
export const BirthDate = Type.String({ format: 'date' });

export const UserView = Type.Object({
  id: Uuid,
  email: Type.String(),
  nickname: Type.String(),
  role: Type.Union([Type.Literal('USER'), Type.Literal('STAFF'), Type.Literal('ADMIN')]),
  phone: Type.Optional(Type.String()),
  birthDate: Type.Optional(Type.String()),
  termsAgreedAt: Type.Optional(Type.String({ format: 'date-time' })),
  privacyAgreedAt: Type.Optional(Type.String({ format: 'date-time' })),
});

export const UpdateMeBody = Type.Object(
  {
    nickname: Type.Optional(Nickname),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    birthDate: Type.Optional(Type.Union([BirthDate, Type.Null()])),
    newPassword: Type.Optional(Type.String({ maxLength: 1024 })),
    currentPassword: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
