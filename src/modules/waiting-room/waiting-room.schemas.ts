import { Type } from 'typebox';
import { IdParams } from '../../http/schemas.ts';

export const ShowtimeParams = IdParams;

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
});
