import { Type, type Static } from 'typebox';
import { IdParams, Uuid } from '../../http/schemas.ts';
import type { BannedWordRow } from './moderation.repository.ts';

export { IdParams };

export const BannedWord = Type.Object({
  id: Uuid,
  word: Type.String({ description: 'The matching form: NFKC, lower case, no spaces or punctuation' }),
  addedBy: Type.Union([Uuid, Type.Null()], { description: 'The admin who added it; null for defaults' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type BannedWord = Static<typeof BannedWord>;

export const BannedWordList = Type.Object({ items: Type.Array(BannedWord) });

export const BannedWordBody = Type.Object({
  word: Type.String({
    minLength: 1,
    maxLength: 50,
    description: 'Korean or English; spaces and punctuation are ignored',
  }),
});

export const toBannedWord = (row: BannedWordRow): BannedWord => ({
  id: row.id,
  word: row.word,
  addedBy: row.added_by,
  createdAt: row.created_at.toISOString(),
});
