import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildOpenApiDocument,
  checkedInWebTypes,
  REGENERATE,
  renderWebTypes,
  WEB_TYPES_FILE,
} from '../scripts/openapi.ts';
import { createTestEnv, type TestEnv } from './context.ts';

/*
 * The web app is typed from the API: web/src/api/openapi.d.ts is generated from the server's OpenAPI
 * document (scripts/openapi.ts). A route schema changed without regenerating it fails here, so the
 * web's types never drift from what the server answers.
 */

/** The first line where two texts differ, with a little context, for the failure message. */
function firstDifference(expected: string, actual: string): string {
  const [a, b] = [expected.split('\n'), actual.split('\n')];
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i === -1 ? Math.min(a.length, b.length) : i;
  const show = (lines: string[]) => lines.slice(Math.max(0, at - 2), at + 3).join('\n');
  return `first difference at line ${at + 1}\n--- generated now\n${show(a)}\n--- checked in\n${show(b)}`;
}

describe('web API types', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env?.drop());

  it("web/src/api/openapi.d.ts matches the server's OpenAPI document", async () => {
    const doc = await buildOpenApiDocument({ ...process.env, ...env.env });
    const fresh = await renderWebTypes(doc);
    const checkedIn = checkedInWebTypes();
    if (fresh !== checkedIn) {
      expect.fail(
        `The web's API types are out of date. Run \`${REGENERATE}\` and commit ${relative(process.cwd(), WEB_TYPES_FILE)}.\n` +
          firstDifference(fresh, checkedIn),
      );
    }
  });

  it('renders the same text twice (the output is deterministic)', async () => {
    const doc = await buildOpenApiDocument({ ...process.env, ...env.env });
    // Reversing the paths changes the registration order but not the output.
    const reversed = {
      ...doc,
      paths: Object.fromEntries(Object.entries((doc as { paths: object }).paths).reverse()),
    };
    expect(await renderWebTypes(reversed)).toBe(await renderWebTypes(doc));
  });
});
