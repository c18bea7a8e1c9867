import { Type } from 'typebox';
import { Uuid, UuidOf } from '../../http/schemas.ts';

export const AskBody = Type.Object(
  {
    conversationId: Type.Optional(UuidOf('Continue this conversation (yours); omit to start a new one')),
    text: Type.String({ minLength: 1, maxLength: 1000, description: 'The question, in any language' }),
  },
  { additionalProperties: false },
);

export const Card = Type.Object({
  kind: Type.Union([Type.Literal('performance'), Type.Literal('showtime'), Type.Literal('reservation')]),
  title: Type.String(),
  subtitle: Type.String(),
  link: Type.String({
    description: "A path of the web app: the show, a showtime's booking page, or 내 예매",
  }),
  performanceId: Type.Optional(Uuid),
  showtimeId: Type.Optional(Uuid),
  reservationId: Type.Optional(Uuid),
});

export const Conversation = Type.Object({
  id: Uuid,
  title: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  messages: Type.Array(
    Type.Object({
      role: Type.Union([Type.Literal('user'), Type.Literal('assistant')]),
      text: Type.String(),
      cards: Type.Array(Card),
      createdAt: Type.String({ format: 'date-time' }),
    }),
    { description: 'Questions and answers, oldest first (tool calls and results are kept but not shown)' },
  ),
});

export const AssistantStatus = Type.Object({
  available: Type.Boolean({
    description: 'false when no model server is configured: the web app hides the assistant',
  }),
  dailyLimit: Type.Integer({ description: 'Questions one user may ask per Korean calendar day' }),
  remainingToday: Type.Optional(
    Type.Integer({ description: 'Questions the caller has left today (signed-in callers only)' }),
  ),
});
