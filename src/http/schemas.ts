import { Type } from 'typebox';

/**
 * Shared TypeBox primitives for every route: one spelling of an id and one bound on paging.
 *
 * Ids are canonical UUIDs: lowercase hex in the 8-4-4-4-12 form, nothing else. ajv-formats' `uuid`
 * alone also accepts upper case and `urn:uuid:`, and PostgreSQL accepts upper case and braces; Redis
 * keys are plain text, so any second spelling of a row's id would name a second seat inventory,
 * coupon stock or cache entry. Routes validate with this schema, so every id that reaches a service
 * is the string the database returns (API.md "Conventions").
 */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
export const UUID_RE = new RegExp(UUID_PATTERN);
/** A canonical id inside a larger pattern (a path): UUID_PATTERN without its anchors. */
export const UUID_SOURCE = UUID_PATTERN.slice(1, -1);

/** A canonical lowercase UUID (format for OpenAPI readers, pattern for the exact spelling). */
export const Uuid = Type.String({ format: 'uuid', pattern: UUID_PATTERN });

/** The same, with a description for OpenAPI. */
export const UuidOf = (description: string) =>
  Type.String({ format: 'uuid', pattern: UUID_PATTERN, description });

export const isCanonicalUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID_RE.test(value);

/** `{ id }` path parameters. */
export const IdParams = Type.Object({ id: Uuid });

/**
 * ajv coerces a query string such as `Infinity` or a 400-digit number to Infinity for an integer
 * schema and then skips minimum/maximum (its number checks only run on finite numbers), so
 * `?page=Infinity` would pass validation and reach PostgreSQL as an OFFSET. This keyword, registered
 * by `finiteNumbers` and set by `QueryInteger`, refuses non-finite numbers.
 */
const FINITE = 'x-finite';

export function finiteNumbers(ajv: { addKeyword(definition: object): unknown }): void {
  const validate = Object.assign(
    (enabled: boolean, data: unknown): boolean => {
      if (!enabled || typeof data !== 'number' || Number.isFinite(data)) return true;
      validate.errors = [{ keyword: FINITE, message: 'must be a finite number', params: {} }];
      return false;
    },
    { errors: null as unknown[] | null },
  );
  ajv.addKeyword({ keyword: FINITE, schemaType: 'boolean', errors: true, validate });
}

/** An integer query parameter: bounded, and finite whatever ajv's coercion makes of the text. */
export const QueryInteger = (options: {
  minimum: number;
  maximum: number;
  default?: number;
  description?: string;
}) => Type.Integer({ ...options, [FINITE]: true });

/** Paging bounds: beyond them a request is 400 VALIDATION_FAILED (never an offset PostgreSQL refuses). */
export const PAGE_MAX = 10_000;
export const SIZE_MAX = 100;

/** A 1-based page number, 1…`max` (default 1). */
export const Page = (max: number = PAGE_MAX) =>
  QueryInteger({ minimum: 1, maximum: max, default: 1, description: '1-based page number' });

/** Items per page, 1…100. */
export const Size = (defaultSize = 20) =>
  QueryInteger({ minimum: 1, maximum: SIZE_MAX, default: defaultSize, description: 'Items per page' });

/** The `page` and `size` query parameters of a list. */
export const PageQuery = Type.Object({ page: Page(), size: Size() });

/**
 * One failing field of a problem (src/http/error-handler.ts `FieldError`; docs/CONVENTIONS.md
 * "Errors"). Validation problems always carry field, rule and message; the schema requires none of
 * them, so an older error that lacks one is still sent rather than failing serialization.
 */
export const FieldErrorSchema = Type.Object(
  {
    field: Type.Optional(
      Type.String({ description: 'Where: body.title, body.prices.0.price, params.id, query.page' }),
    ),
    rule: Type.Optional(
      Type.String({
        description: "What it broke: ajv's keyword (required, maximum, format…) or a service rule",
      }),
    ),
    message: Type.Optional(
      Type.String({ description: 'English, for people reading raw responses; clients word `rule`' }),
    ),
    limit: Type.Optional(Type.Number()),
    format: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

/** An application/problem+json body (src/errors.ts), for the error statuses a route documents. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { additionalProperties: true },
);

/** `{ [status]: Problem }` for a route's `response`, e.g. `...errors(401, 404)`. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, Problem]));
