import { Type, type Static } from 'typebox';
import { Uuid } from '../../http/schemas.ts';

export const NewOnsaleAlert = Type.Union(
  [
    Type.Object({ showtimeId: Uuid }, { additionalProperties: false }),
    Type.Object({ performanceId: Uuid }, { additionalProperties: false }),
  ],
  { description: 'A showtime, or a whole performance (every showtime it opens)' },
);
export type NewOnsaleAlert = Static<typeof NewOnsaleAlert>;

export const OnsaleAlertIdParams = Type.Object({ id: Uuid });

const DateTime = Type.String({ format: 'date-time' });

export const OnsaleAlert = Type.Object({
  id: Uuid,
  target: Type.Union([Type.Literal('SHOWTIME'), Type.Literal('PERFORMANCE')]),
  performanceId: Uuid,
  showtimeId: Type.Union([Uuid, Type.Null()]),
  performanceTitle: Type.String(),
  /** The showtime's start; null for a performance-level alert. */
  startsAt: Type.Union([DateTime, Type.Null()]),
  /** The showtime's sales open; for a performance, the next one ahead (null when none is). */
  salesOpenAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
});
export type OnsaleAlert = Static<typeof OnsaleAlert>;

export const OnsaleAlertList = Type.Object({ items: Type.Array(OnsaleAlert) });
