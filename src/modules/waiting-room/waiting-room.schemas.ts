import { Type } from 'typebox';
import { IdParams, Page, QueryInteger, Uuid } from '../../http/schemas.ts';

export const ShowtimeParams = IdParams;

const Hex64 = (description: string) => Type.String({ pattern: '^[0-9a-f]{64}$', description });

const EntryId = Type.String({
  pattern: '^[0-9a-f]{32}$',
  description:
    'The public, per-showtime pseudonymous id of an entry (HMAC of showtime and user under a server key); the draw orders by it',
});

export const QueueViewSchema = Type.Object({
  status: Type.Union([Type.Literal('WAITING'), Type.Literal('ADMITTED')]),
  position: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description:
      '1-based while WAITING (1 = next); 0 once admitted; null for an early entrant until the draw',
  }),
  ahead: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: 'People ahead; null until the draw',
  }),
  estimatedWaitSeconds: Type.Integer({ minimum: 0, description: 'From the measured admission rate' }),
  admissionToken: Type.Optional(
    Type.String({ description: 'Send as X-Admission-Token on holds and reservations' }),
  ),
  expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'End of the admitted session' })),
  drawAt: Type.Optional(
    Type.String({
      format: 'date-time',
      description:
        'Entered before sales opened: the draw places you at random among those entrants at this time',
    }),
  ),
  entryId: EntryId,
});

export const EnterBody = Type.Object(
  {
    altcha: Type.Optional(
      Type.String({
        maxLength: 4096,
        description:
          'A solved challenge from GET …/queue/challenge: base64 of the JSON {algorithm, challenge, number, salt, signature} (the ALTCHA payload). Required when the showtime turns proof of work on',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ChallengeSchema = Type.Object(
  {
    algorithm: Type.Literal('SHA-256'),
    challenge: Type.String({ description: 'SHA-256 hex of salt + the secret number' }),
    maxnumber: Type.Integer({ description: 'The secret number is in 0..maxnumber (the difficulty)' }),
    salt: Type.String({ description: 'Random hex, then `?expires=<unix s>&st=<showtime id>&`' }),
    signature: Type.String({ description: 'HMAC-SHA-256 of the challenge under the server key' }),
  },
  {
    description:
      'An ALTCHA challenge (altcha-lib v1 format): find the number n with SHA-256(salt + n) = challenge',
  },
);

export const AuditSchema = Type.Object({
  showtimeId: Uuid,
  algorithm: Type.String({ description: 'The rules a verifier applies, by name and in short' }),
  commitment: Type.Union([Hex64('SHA-256 of the 32 seed bytes'), Type.Null()], {
    description: 'Published from the opening of the waiting room; null before it',
  }),
  seed: Type.Optional(Hex64('The 32-byte seed in hex; present once the draw is done')),
  drawAt: Type.String({
    format: 'date-time',
    description: 'When the draw orders the early entrants (salesOpenAt)',
  }),
  drawnAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  earlyEntrants: Type.Integer({
    minimum: 0,
    description: 'Before the draw: how many wait for it now; after: how many it ordered',
  }),
  entriesDigest: Type.Union(
    [Hex64('SHA-256 over the entry ids in input order, joined by "\\n"'), Type.Null()],
    {
      description: 'Null until the draw',
    },
  ),
});

export const AuditEntriesQuery = Type.Object({
  page: Page(),
  size: QueryInteger({
    minimum: 1,
    maximum: 10_000,
    default: 1_000,
    description: 'Items per page (up to 10,000: verifiers read the whole list, and it never changes)',
  }),
});

export const AuditEntriesSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      entryId: EntryId,
      position: Type.Integer({ minimum: 1, description: 'The place the draw gave this entry (1 = first)' }),
    }),
    { description: 'In draw input order (the order of entry), the order the digest is computed over' },
  ),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});
