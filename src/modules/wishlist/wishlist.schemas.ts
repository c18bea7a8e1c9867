import { Type } from 'typebox';
import { PageQuery, Uuid } from '../../http/schemas.ts';
import { PerformancePage } from '../catalog/catalog.schemas.ts';

export { PageQuery };

export const PerformanceIdParams = Type.Object({ performanceId: Uuid });

/** The same page shape as GET /performances, newest wish first. */
export const WishlistPage = Type.Omit(PerformancePage, ['approximate']);

export const WishedIds = Type.Array(Uuid, { description: 'Ids of the wished performances, newest first' });
