/**
 * Fails when the JavaScript a first visit loads (the entry chunk and everything it imports
 * statically) exceeds the budget, gzipped. Lazy chunks (other pages, the admin console) do not count.
 * Run after `vite build` (npm run build:web does both).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const DIST = join(import.meta.dirname, '..', 'web', 'dist');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

const initial = new Set<string>();
const visit = (key: string): void => {
  if (initial.has(key)) return;
  initial.add(key);
  for (const dep of manifest[key]?.imports ?? []) visit(dep);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

let total = 0;
const rows: string[] = [];
for (const key of initial) {
  const file = manifest[key]!.file;
  if (!file.endsWith('.js')) continue;
  const gz = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
  total += gz;
  rows.push(`  ${(gz / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
console.log(`initial JS (gzipped):\n${rows.join('\n')}\n  total ${kb(total)} of ${kb(BUDGET_BYTES)} budget`);
if (initial.size === 0) {
  console.error('no entry chunk found in the Vite manifest');
  process.exit(1);
}
if (total > BUDGET_BYTES) {
  console.error(`initial JS is ${kb(total)} gzipped, over the ${kb(BUDGET_BYTES)} budget`);
  process.exit(1);
}
