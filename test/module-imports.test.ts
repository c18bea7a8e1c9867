import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Module dependencies run one way. Two modules that import each other are one module in two folders:
 * neither can be built, tested or replaced without the other (auth and users were such a pair). A
 * module that needs something from another declares a port in its own `ports.ts`; the providing side
 * may import that port's types, which is why type-only imports of a `ports.ts` are no dependency here.
 * `events` is the shared event catalogue every module writes and reads through, so it is left out.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const EXEMPT_MODULES = new Set(['events']);

interface ModuleImport {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Module specifiers of a file, each marked when it brings in types only. */
function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause !== undefined &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) {
        found.push({ specifier: arg.literal.text, typeOnly: true });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every import from one module into another under `<root>/src/modules`, with the exemptions above. */
function moduleImports(root: string): ModuleImport[] {
  const modulesDir = path.join(root, 'src', 'modules');
  const result: ModuleImport[] = [];
  for (const file of sourceFiles(modulesDir)) {
    const from = path.relative(modulesDir, file).split(path.sep)[0]!;
    for (const { specifier, typeOnly } of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier);
      const rel = path.relative(modulesDir, target);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const to = rel.split(path.sep)[0]!;
      if (to === from || EXEMPT_MODULES.has(from) || EXEMPT_MODULES.has(to)) continue;
      if (typeOnly && path.basename(target) === 'ports.ts') continue;
      result.push({ from, to, file: path.relative(root, file), specifier });
    }
  }
  return result;
}

/** Pairs of modules that import each other, each pair once, with the files on both sides. */
function mutualImports(imports: ModuleImport[]): string[] {
  const edges = new Map<string, ModuleImport[]>();
  for (const i of imports) {
    const key = `${i.from}->${i.to}`;
    edges.set(key, [...(edges.get(key) ?? []), i]);
  }
  const pairs: string[] = [];
  for (const [key, there] of edges) {
    const [a, b] = key.split('->') as [string, string];
    const back = edges.get(`${b}->${a}`);
    if (!back || a > b) continue;
    const files = (list: ModuleImport[]) => list.map((i) => `${i.file} (${i.specifier})`).join(', ');
    pairs.push(`${a} <-> ${b}: ${files(there)} / ${files(back)}`);
  }
  return pairs.sort();
}

describe('module imports', () => {
  const imports = moduleImports(ROOT);

  it('sees the imports between modules (the scan is not empty)', () => {
    expect(imports.some((i) => i.from === 'auth' && i.to === 'users')).toBe(true);
  });

  it('has no two modules importing each other', () => {
    expect(mutualImports(imports)).toEqual([]);
  });

  it('keeps users independent of auth: auth depends on users, never the reverse', () => {
    expect(imports.filter((i) => i.from === 'users' && i.to === 'auth')).toEqual([]);
  });

  it('fails on a pair that imports each other, and ignores type-only port imports and events', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'module-imports-'));
    try {
      const write = (file: string, text: string) => {
        const full = path.join(root, 'src', 'modules', file);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
      };
      write('a/a.service.ts', "import { B } from '../b/b.service.ts';\nexport const A = B;\n");
      write(
        'b/b.service.ts',
        "import {\n  type AThing,\n} from '../a/index.ts';\nexport const B = 1;\nexport type X = AThing;\n",
      );
      write('a/index.ts', 'export type AThing = number;\n');
      write('c/ports.ts', 'export interface Need { n(): number }\n');
      write('d/d.ts', "import type { Need } from '../c/ports.ts';\nexport const d: Need | null = null;\n");
      write('c/c.ts', "import { d } from '../d/d.ts';\nexport const c = d;\n");
      write('e/e.ts', "import { ev } from '../events/outbox.ts';\nexport const e = ev;\n");
      write('events/outbox.ts', "import { e } from '../e/e.ts';\nexport const ev = e;\n");
      write('a/a.test.ts', "import { c } from '../c/c.ts';\n");
      write('c/c.test.ts', "import { A } from '../a/a.service.ts';\n");
      const found = mutualImports(moduleImports(root));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^a <-> b: /);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
