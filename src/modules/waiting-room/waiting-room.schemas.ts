import { Type } from 'typebox';
import { IdParams, Problem } from '../../http/schemas.ts';

export { Problem };
export const ShowtimeParams = IdParams;

export const QueueViewSchema = Type.Object({
  status: Type.Union([Type.Literal('WAITING'), Type.Literal('ADMITTED')]),
  position: Type.Integer({ minimum: 0, description: '1-based while WAITING (1 = next); 0 once admitted' }),
  ahead: Type.Integer({ minimum: 0 }),
  estimatedWaitSeconds: Type.Integer({ minimum: 0, description: 'From the measured admission rate' }),
  admissionToken: Type.Optional(
    Type.String({ description: 'Send as X-Admission-Token on holds and reservations' }),
  ),
  expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'End of the admitted session' })),
});
