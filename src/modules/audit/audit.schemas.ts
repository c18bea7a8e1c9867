import { Type } from 'typebox';
import { Page, Size, Uuid } from '../../http/schemas.ts';

export const AuditQuery = Type.Object({
  page: Page(),
  size: Size(50),
  actorId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  targetId: Type.Optional(Uuid),
});

export const AuditItem = Type.Object({
  id: Type.String(),
  actor: Type.Object({ id: Uuid, email: Type.Union([Type.String(), Type.Null()]) }),
  action: Type.String(),
  target: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
});

export const AuditPage = Type.Object({
  items: Type.Array(AuditItem),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});
