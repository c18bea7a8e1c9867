import { Type, type Static } from 'typebox';
import { IdParams, QueryInteger, Uuid } from '../../http/schemas.ts';

/** The longest message text, in characters (the column's CHECK says the same). */
export const MAX_TEXT_LENGTH = 500;
/** A client's message id: what makes a resend the same message. */
export const CLIENT_ID_PATTERN = '^[A-Za-z0-9_.:-]{1,64}$';
export const CLIENT_ID_RE = new RegExp(CLIENT_ID_PATTERN);
/** The longest members list one answer carries (`total` counts them all). */
export const MEMBERS_LIST_MAX = 100;

const MessageId = Type.Integer({
  minimum: 1,
  description: 'Message id: ordered, a later message has a larger id',
});

export const ChatMessage = Type.Object({
  id: MessageId,
  clientId: Type.String(),
  text: Type.String({ maxLength: MAX_TEXT_LENGTH }),
  imageUrl: Type.Optional(Type.String({ description: 'An image uploaded with POST /uploads/images' })),
  author: Type.Object({ id: Uuid, nickname: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ChatMessage = Static<typeof ChatMessage>;

/** The `message` frame: a stored message as every socket of its room receives it. */
export type MessageFrame = { type: 'message' } & ChatMessage;

export const PerformanceParams = IdParams;
export const MessageParams = Type.Object({
  id: QueryInteger({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Message id' }),
});

export const HistoryQuery = Type.Object({
  before: Type.Optional(
    QueryInteger({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Only messages with a smaller id (the `nextBefore` of the previous page)',
    }),
  ),
  limit: QueryInteger({ minimum: 1, maximum: 100, default: 50, description: 'Messages per page' }),
});

export const HistoryPage = Type.Object({
  items: Type.Array(ChatMessage, { description: 'Oldest first, newest last' }),
  nextBefore: Type.Union([MessageId, Type.Null()], {
    description: 'Pass as `before` for older messages; null when there are none',
  }),
});

export const MembersPage = Type.Object({
  items: Type.Array(Type.Object({ id: Uuid, nickname: Type.String(), online: Type.Boolean() }), {
    description: `Online members first, at most ${MEMBERS_LIST_MAX}`,
  }),
  total: Type.Integer({ description: 'Members of the room' }),
  online: Type.Integer({ description: 'Users connected to the room now (members or not)' }),
});

export const Membership = Type.Object({ member: Type.Boolean() });

export const MuteBody = Type.Object({
  performanceId: Uuid,
  userId: Uuid,
  minutes: Type.Integer({ minimum: 1, maximum: 43_200, description: 'How long, up to 30 days' }),
});

export const Mute = Type.Object({
  performanceId: Uuid,
  userId: Uuid,
  until: Type.String({ format: 'date-time' }),
});

export const UploadedChatImage = Type.Object({ url: Type.String() });

// --- frames a client sends (validated by hand in chat-socket.ts; they never pass through ajv) -------

export type ClientFrame =
  | { type: 'auth'; token: string }
  | { type: 'message'; text: string; clientId: string; imageUrl?: string }
  | { type: 'resume'; afterId: number }
  | { type: 'ping' };

/** Why a frame is refused, or the frame. Unknown members are ignored. */
export function parseClientFrame(raw: string): ClientFrame | { invalid: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { invalid: 'the frame is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { invalid: 'the frame is not an object' };
  }
  const f = value as Record<string, unknown>;
  switch (f.type) {
    case 'auth':
      if (typeof f.token !== 'string' || f.token.length === 0 || f.token.length > 4096) {
        return { invalid: 'auth needs a token' };
      }
      return { type: 'auth', token: f.token };
    case 'message': {
      if (typeof f.clientId !== 'string' || !CLIENT_ID_RE.test(f.clientId)) {
        return { invalid: 'clientId must be 1-64 letters, digits or _.:-' };
      }
      if (typeof f.text !== 'string') return { invalid: 'text must be a string' };
      const text = f.text.trim();
      if ([...text].length > MAX_TEXT_LENGTH) return { invalid: `text is longer than ${MAX_TEXT_LENGTH}` };
      if (f.imageUrl !== undefined && (typeof f.imageUrl !== 'string' || f.imageUrl.length > 300)) {
        return { invalid: 'imageUrl must be a string' };
      }
      if (text === '' && f.imageUrl === undefined) return { invalid: 'a message needs text or an image' };
      return {
        type: 'message',
        text,
        clientId: f.clientId,
        ...(f.imageUrl !== undefined ? { imageUrl: f.imageUrl as string } : {}),
      };
    }
    case 'resume':
      if (typeof f.afterId !== 'number' || !Number.isSafeInteger(f.afterId) || f.afterId < 0) {
        return { invalid: 'afterId must be a message id or 0' };
      }
      return { type: 'resume', afterId: f.afterId };
    case 'ping':
      return { type: 'ping' };
    default:
      return { invalid: 'unknown frame type' };
  }
}
