import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './processes.ts';

/** Every PromQL expression under ops/: alert/recording rules and Grafana panel targets. */
export interface OpsExpression {
  file: string;
  expr: string;
}

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function collectExprs(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectExprs(item, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'expr' && typeof value === 'string') out.push(value);
      else collectExprs(value, out);
    }
  }
}

export async function opsExpressions(): Promise<OpsExpression[]> {
  const result: OpsExpression[] = [];
  const sources: [string, (text: string) => unknown][] = [];
  for (const file of await filesUnder(path.join(ROOT, 'ops/prometheus'), '.yml')) sources.push([file, parse]);
  for (const file of await filesUnder(path.join(ROOT, 'ops/grafana'), '.json'))
    sources.push([file, JSON.parse]);
  for (const [file, parseFile] of sources) {
    const exprs: string[] = [];
    collectExprs(parseFile(await readFile(file, 'utf8')), exprs);
    for (const expr of exprs) result.push({ file: path.relative(ROOT, file), expr });
  }
  return result;
}

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'atan2',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression selects. A small scanner, enough for the expressions we
 * write: it drops strings, label matchers, ranges, Grafana variables and grouping clauses, then
 * keeps identifiers that are not functions, aggregations or keywords.
 */
export function metricNames(expr: string): string[] {
  const rest = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\$\{[^}]*\}|\$\w+/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  const token = /(\d+(?:\.\d+)?(?:e[+-]?\d+)?[a-z]*)|([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g;
  for (const m of rest.matchAll(token)) {
    const [, number, ident, call] = m;
    if (number || !ident || call || KEYWORDS.has(ident.toLowerCase())) continue;
    names.add(ident);
  }
  return [...names];
}
