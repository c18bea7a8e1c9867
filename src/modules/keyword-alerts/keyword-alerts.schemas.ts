import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.ts';
import { KEYWORD_MAX_LENGTH } from './keywords.ts';

export const KeywordAlertIdParams = Type.Object({ id: Uuid });

export const CreateKeywordAlertBody = Type.Object(
  {
    keyword: Type.String({
      minLength: 1,
      maxLength: 200,
      description: `Trimmed, then 1–${KEYWORD_MAX_LENGTH} characters; matched case- and space-insensitively`,
    }),
  },
  { additionalProperties: false },
);

export const KeywordAlert = Type.Object({
  id: Uuid,
  keyword: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const KeywordAlertList = Type.Object({
  items: Type.Array(KeywordAlert),
  /** How many one user may keep. */
  limit: Type.Integer(),
});
