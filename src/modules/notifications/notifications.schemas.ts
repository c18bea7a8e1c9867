import { Type } from 'typebox';
import { Page, Size, Uuid } from '../../http/schemas.ts';

export const NotificationViewSchema = Type.Object({
  id: Uuid,
  type: Type.String({ description: 'BOOKING_CONFIRMED, TICKETS_ISSUED, ONSALE_OPEN, …' }),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()], { description: 'A path in the web app, or null' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'Only unread notifications' })),
  page: Page(),
  size: Size(),
});

export const NotificationPage = Type.Object({
  items: Type.Array(NotificationViewSchema),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer({ description: 'How many match the query (unread only when unread=true)' }),
  unreadCount: Type.Integer({ description: 'Unread in-app notifications of the user' }),
});

/** At most this many ids in one read request. */
export const READ_IDS_MAX = 500;

export const MarkReadBody = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(Uuid, { maxItems: READ_IDS_MAX, description: 'Notifications to mark read' }),
    ),
    all: Type.Optional(Type.Boolean({ description: 'true: mark every notification read' })),
  },
  { additionalProperties: false },
);
