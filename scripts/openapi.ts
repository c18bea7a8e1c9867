/**
 * The web app's API types, generated from the server's own OpenAPI document:
 *
 *   npm run api:types        writes web/src/api/openapi.d.ts
 *
 * The document comes from `app.swagger()` of an app built in-process (no listening server): the
 * container connects to the configured stores (DATABASE_URL, REDIS_URL, AMQP_URL) but reads and
 * writes nothing. The output is deterministic: paths, methods and keys in a fixed order, formatted
 * with the repository's prettier settings, so a diff means the API changed.
 * test/openapi-types.test.ts fails when the checked-in file differs from a fresh one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

/** Where the generated types live (checked in). */
export const WEB_TYPES_FILE = fileURLToPath(new URL('../web/src/api/openapi.d.ts', import.meta.url));

/** The one command that regenerates them. */
export const REGENERATE = 'npm run api:types';

const HEADER = `/**
 * GENERATED from the server's OpenAPI document by \`${REGENERATE}\` (scripts/openapi.ts). Do not edit:
 * change the route schemas on the server and regenerate. web/src/api/types.ts names these shapes.
 */
`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Object keys sorted (recursively), except where order carries meaning (arrays stay as they are). */
function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key]!)]),
  );
}

/**
 * The document in a canonical order: paths alphabetically, each path's methods in HTTP order, all
 * other keys alphabetically. Route registration order (which module is wired first) then changes
 * nothing in the output.
 */
export function canonicalDocument(doc: object): Record<string, Json> {
  const plain = JSON.parse(JSON.stringify(doc)) as Record<string, Json>;
  const sorted = sortKeys(plain) as Record<string, Json>;
  const paths = (sorted.paths ?? {}) as Record<string, Record<string, Json>>;
  sorted.paths = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((path) => {
        const item = paths[path]!;
        const rank = (k: string) => (METHOD_ORDER.includes(k) ? METHOD_ORDER.indexOf(k) : 100);
        const keys = Object.keys(item).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
        return [path, Object.fromEntries(keys.map((k) => [k, item[k]!]))];
      }),
  );
  return sorted;
}

type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** In a request schema, a property with a default is one the client may leave out (the server fills it). */
function optionalDefaults(schema: Json | undefined): void {
  if (!isObject(schema)) return;
  const props = schema.properties;
  if (isObject(props) && Array.isArray(schema.required)) {
    schema.required = schema.required.filter((key) => {
      const prop = typeof key === 'string' ? props[key] : undefined;
      return !(isObject(prop) && 'default' in prop);
    });
  }
  for (const value of Object.values(schema)) {
    if (Array.isArray(value)) value.forEach(optionalDefaults);
    else optionalDefaults(value);
  }
}

/**
 * What a client must send: @fastify/swagger lists a parameter or body field that has a default as
 * required (it is, after the server applies the default), but a client may leave it out.
 */
export function clientView(doc: Record<string, Json>): Record<string, Json> {
  for (const item of Object.values(doc.paths as Record<string, JsonObject>)) {
    for (const op of Object.values(item)) {
      if (!isObject(op)) continue;
      for (const param of Array.isArray(op.parameters) ? op.parameters : []) {
        if (isObject(param) && isObject(param.schema) && 'default' in param.schema) param.required = false;
      }
      if (isObject(op.requestBody)) optionalDefaults(op.requestBody);
    }
  }
  return doc;
}

/** The TypeScript text of web/src/api/openapi.d.ts for this document. */
export async function renderWebTypes(doc: object): Promise<string> {
  // openapi-typescript reads the document as given; it never fetches anything for an object input.
  const ast = await openapiTS(clientView(canonicalDocument(doc)) as never, {
    alphabetize: true,
    // A field with a default stays optional: a client may leave out `page` or `size`.
    defaultNonNullable: false,
  });
  const options = (await prettier.resolveConfig(WEB_TYPES_FILE)) ?? {};
  return prettier.format(HEADER + astToString(ast), { ...options, filepath: WEB_TYPES_FILE });
}

/** Builds the app in-process (not listening) and returns its OpenAPI document. */
export async function buildOpenApiDocument(env: NodeJS.ProcessEnv = process.env): Promise<object> {
  const { loadConfig } = await import('../src/config.ts');
  const { createContainer } = await import('../src/container.ts');
  const { buildApp } = await import('../src/app.ts');
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const container = await createContainer(config, 'cli');
  try {
    const app = await buildApp(container);
    try {
      await app.ready();
      return app.swagger();
    } finally {
      await app.close();
    }
  } finally {
    await container.close();
  }
}

/** The checked-in text, or '' when the file does not exist yet. */
export function checkedInWebTypes(): string {
  try {
    return readFileSync(WEB_TYPES_FILE, 'utf8');
  } catch {
    return '';
  }
}

async function main(): Promise<void> {
  const text = await renderWebTypes(await buildOpenApiDocument());
  if (text === checkedInWebTypes()) {
    console.log(`${WEB_TYPES_FILE}: up to date`);
    return;
  }
  writeFileSync(WEB_TYPES_FILE, text);
  console.log(`${WEB_TYPES_FILE}: written`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
