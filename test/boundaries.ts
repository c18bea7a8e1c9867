import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/**
 * A static check of the module boundaries (docs/architecture.md):
 * - a table belongs to the module whose `*.tables.ts` declares it in the `Database` interface, and no
 *   other module names it in a Kysely call or in raw sql`` text;
 * - services, sagas, routes and index files hold no query builder or sql`` of their own (all SQL sits
 *   in repositories), and routes import no repository.
 * Text-based on purpose: it reads what a reviewer reads, with no compiler in the loop.
 */

export interface Offence {
  file: string;
  module: string;
  rule:
    'foreign-table' | 'sql-outside-repository' | 'route-imports-repository' | 'untyped-event' | 'wall-clock';
  detail: string;
}

const KYSELY_CALLS = [
  'selectFrom',
  'updateTable',
  'insertInto',
  'replaceInto',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoin',
  'using',
];
/** `.selectFrom('seats as s')`, `.innerJoin("performances", …)`, `.selectFrom(['a', 'b as x'])`. */
const KYSELY_CALL = new RegExp(
  `\\.(${KYSELY_CALLS.join('|')})\\(\\s*(\\[[^\\]]*\\]|['"\`][^'"\`]*['"\`])`,
  'g',
);
const QUOTED = /['"`]([^'"`]*)['"`]/g;
/**
 * Raw SQL: the table after FROM / JOIN / UPDATE / INTO / TABLE / USING (an optional schema `public.`),
 * and the further tables of a comma list (`FROM seats s, showtimes st`, `DELETE … USING a, b`).
 */
const SQL_TABLE =
  /\b(?:FROM|JOIN|UPDATE|INTO|TABLE|USING)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;
const TABLE_ITEM = String.raw`(?:"?public"?\.)?"?[a-z_][a-z0-9_]*"?(?:\s+(?:AS\s+)?(?!WHERE\b|JOIN\b|ON\b|SET\b)[a-z_][a-z0-9_]*)?`;
const SQL_TABLE_LIST = new RegExp(
  String.raw`\b(?:FROM|USING)\s+(?:ONLY\s+)?${TABLE_ITEM}((?:\s*,\s*${TABLE_ITEM})+)`,
  'gi',
);
/** `sql.table('seats')` and `sql.id('seats')`. */
const SQL_HELPER = /\bsql\.(?:table|id)\(\s*['"`]([a-z_][a-z0-9_]*)/g;
/** Any query-builder or sql`` use: what a service/route/index file must not contain. */
const QUERY_USE = new RegExp(
  `\\.(?:${['selectFrom', 'updateTable', 'insertInto', 'deleteFrom', 'mergeInto', 'replaceInto'].join('|')})\\(|\\bsql(?:<[^>\`]*>)?\`|\\bsql\\.(?:raw|table|ref|id|join|lit|val)\\(`,
);

/**
 * Tables named in the `declare module … { interface Database { … } }` blocks of a `*.tables.ts` file:
 * every block, since a file may widen `Database` more than once (auth declares user_identities in a
 * second block); a table the parser misses has no owner and so no offence.
 */
export function declaredTables(source: string): string[] {
  const tables: string[] = [];
  for (const m of source.matchAll(/interface\s+Database\s*\{/g)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let end = open;
    for (let i = open; i < source.length; i++) {
      if (source[i] === '{') depth++;
      else if (source[i] === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    const body = source.slice(open + 1, end);
    tables.push(...[...body.matchAll(/^\s*['"]?([a-z_][a-z0-9_]*)['"]?\??\s*:/gim)].map((t) => t[1]!));
  }
  return tables;
}

/** The text of every sql`` template in a source file (interpolations replaced by a placeholder). */
export function sqlTemplates(source: string): string[] {
  const out: string[] = [];
  const opener = /\bsql(?:<[^>`]*>)?`/g;
  for (const m of source.matchAll(opener)) {
    let i = m.index + m[0].length;
    let text = '';
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') {
        text += source[i + 1] ?? '';
        i += 2;
      } else if (source[i] === '$' && source[i + 1] === '{') {
        // Skip the interpolation, nested braces and template literals included.
        let depth = 1;
        i += 2;
        while (i < source.length && depth > 0) {
          if (source[i] === '{') depth++;
          else if (source[i] === '}') depth--;
          else if (source[i] === '`') {
            i++;
            while (i < source.length && source[i] !== '`') i += source[i] === '\\' ? 2 : 1;
          }
          i++;
        }
        text += ' $ ';
      } else {
        text += source[i];
        i++;
      }
    }
    out.push(text);
  }
  return out;
}

/** The tables a source file names in Kysely calls and in raw SQL. */
export function referencedTables(source: string): Set<string> {
  const found = new Set<string>();
  for (const m of source.matchAll(KYSELY_CALL)) {
    for (const q of m[2]!.matchAll(QUOTED)) {
      const table = q[1]!
        .trim()
        .split(/\s+as\s+/i)[0]!
        .trim();
      if (/^[a-z_][a-z0-9_]*$/.test(table)) found.add(table);
    }
  }
  for (const text of sqlTemplates(source)) {
    for (const m of text.matchAll(SQL_TABLE)) found.add(m[1]!.toLowerCase());
    for (const m of text.matchAll(SQL_TABLE_LIST)) {
      for (const item of m[1]!.split(',').slice(1)) {
        const table = /^\s*(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)/i.exec(item)?.[1];
        if (table) found.add(table.toLowerCase());
      }
    }
  }
  for (const m of source.matchAll(SQL_HELPER)) found.add(m[1]!);
  return found;
}

/** True when a file must not query: services, sagas, routes and module index files. */
export function mustNotQuery(file: string): boolean {
  const name = basename(file);
  return /\.service\.ts$|-saga\.ts$|\.routes\.ts$/.test(name) || name === 'index.ts';
}

/** True when a file decides by time and must take it from the injected clock: services, sagas, jobs. */
export function mustUseClock(file: string): boolean {
  return /\.service\.ts$|-saga\.ts$|\.job\.ts$/.test(basename(file));
}

/** `Date.now()` or an argument-less `new Date()`: the wall clock, which a test cannot move. */
const WALL_CLOCK = /\bDate\.now\(\)|\bnew Date\(\s*\)/;

/** Checks one module file against the rules; `owners` maps table → owning module. */
export function checkFile(
  file: string,
  module: string,
  source: string,
  owners: Map<string, string>,
): Offence[] {
  const out: Offence[] = [];
  for (const table of referencedTables(source)) {
    const owner = owners.get(table);
    if (owner !== undefined && owner !== module) {
      out.push({ file, module, rule: 'foreign-table', detail: `${table} (owned by ${owner})` });
    }
  }
  if (mustNotQuery(file) && QUERY_USE.test(source)) {
    out.push({ file, module, rule: 'sql-outside-repository', detail: 'query builder or sql`` in this file' });
  }
  // Events go through appendEvent (events/outbox.ts), typed and checked by name; only it may use
  // the raw infra writer.
  if (module !== 'events' && /\bappendOutbox\b/.test(source)) {
    out.push({ file, module, rule: 'untyped-event', detail: 'appendOutbox used directly; use appendEvent' });
  }
  // Services, sagas and jobs read time from infra.clock (docs/CONVENTIONS.md), so a test can move a
  // ManualClock past a deadline instead of sleeping.
  if (mustUseClock(file) && WALL_CLOCK.test(source)) {
    out.push({
      file,
      module,
      rule: 'wall-clock',
      detail: 'Date.now() or new Date(); use the injected clock',
    });
  }
  if (/\.routes\.ts$/.test(file)) {
    for (const m of source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
      if (/repository(\.ts)?$/.test(m[1]!)) {
        out.push({ file, module, rule: 'route-imports-repository', detail: m[1]! });
      }
    }
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Table ownership from every module's `*.tables.ts`. */
export function tableOwners(modulesDir: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const module of readdirSync(modulesDir)) {
    for (const file of walk(join(modulesDir, module)).filter((f) => f.endsWith('.tables.ts'))) {
      for (const table of declaredTables(readFileSync(file, 'utf8'))) owners.set(table, module);
    }
  }
  return owners;
}

/** Every offence in `src/modules` (test files excluded). */
export function scanModules(modulesDir: string, root = modulesDir): Offence[] {
  const owners = tableOwners(modulesDir);
  const out: Offence[] = [];
  for (const module of readdirSync(modulesDir)) {
    for (const file of walk(join(modulesDir, module))) {
      if (file.endsWith('.test.ts')) continue;
      out.push(...checkFile(relative(root, file), module, readFileSync(file, 'utf8'), owners));
    }
  }
  return out;
}
