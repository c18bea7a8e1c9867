import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.ts';
import { BirthDate, Nickname, Phone, UserView } from '../users/index.ts';

export const Email = Type.String({ format: 'email', maxLength: 254 });
// The policy (length, letters, digits) is checked by the service so every broken rule is named;
// the schema only caps the size.
const Password = Type.String({ maxLength: 1024 });

export const EmailBody = Type.Object({ email: Email }, { additionalProperties: false });

export const VerificationSent = Type.Object({
  status: Type.Literal('sent'),
  expiresIn: Type.Integer({ description: 'Seconds the code stays valid' }),
});

export const ConfirmBody = Type.Object(
  { email: Email, code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

export const VerificationTokenView = Type.Object({ verificationToken: Type.String() });

export const SignupBody = Type.Object(
  {
    email: Email,
    password: Password,
    nickname: Nickname,
    phone: Type.Optional(Phone),
    birthDate: Type.Optional(BirthDate),
    verificationToken: Type.Optional(Type.String({ maxLength: 2048 })),
    agreements: Type.Optional(
      Type.Object(
        {
          terms: Type.Boolean({
            description: 'Agreed to the terms of service (recorded with the server time)',
          }),
          privacy: Type.Boolean({ description: 'Agreed to the collection and use of personal data' }),
        },
        { additionalProperties: false, description: 'Older spelling of `consents` (terms and privacy only)' },
      ),
    ),
    consents: Type.Optional(
      Type.Object(
        {
          terms: Type.Boolean({ description: 'Agreed to the terms of service' }),
          privacy: Type.Boolean({ description: 'Agreed to the collection and use of personal data' }),
          marketing: Type.Optional(
            Type.Boolean({
              description: 'Opted in to marketing messages (optional; changeable in the profile)',
            }),
          ),
        },
        { additionalProperties: false, description: 'Each one given is recorded with the server time' },
      ),
    ),
  },
  // No `role` or anything else: roles are set in the database only.
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Password },
  { additionalProperties: false },
);

export const SessionView = Type.Object({
  accessToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
  user: UserView,
});

export { UserView };

export const PasswordResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Password },
  { additionalProperties: false },
);

export const FindEmailBody = Type.Union([
  Type.Object({ nickname: Nickname, birthDate: BirthDate }, { additionalProperties: false }),
  Type.Object({ phone: Phone }, { additionalProperties: false }),
]);

export const Accepted = Type.Object({ status: Type.Literal('accepted') });
export const DeviceSessionView = Type.Object({
  id: Uuid,
  device: Type.String({ description: 'Browser and system, e.g. "Chrome · macOS"; empty when unknown' }),
  address: Type.String({ description: 'The client address, its last part masked' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time', description: 'The last refresh (not every request)' }),
  current: Type.Boolean({ description: 'The session of this request' }),
});
