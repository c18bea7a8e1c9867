/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of the built web app,
 * so the server sends them as they are (@fastify/static `preCompressed`) instead of compressing on
 * every request. Run by the Vite build (web/vite.config.ts); `tsx scripts/precompress.ts [dir]`
 * does it by hand.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|xml|webmanifest|map|ico)$/i;
/** Below this a compressed copy saves less than the extra header costs. */
const MIN_BYTES = 512;

export interface Precompressed {
  file: string;
  bytes: number;
  br: number;
  gz: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // Vite's build manifest (.vite/) is never served.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

export async function precompressDir(dir: string): Promise<Precompressed[]> {
  const done: Precompressed[] = [];
  for (const file of await filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const body = await readFile(file);
    if (body.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gzipAsync(body, { level: 9 }),
    ]);
    // A copy that is not smaller is not worth sending; the server then sends the file itself.
    if (br.length < body.length) await writeFile(`${file}.br`, br);
    if (gz.length < body.length) await writeFile(`${file}.gz`, gz);
    done.push({ file, bytes: body.length, br: br.length, gz: gz.length });
  }
  return done;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(import.meta.dirname, '..', 'web', 'dist');
  const done = await precompressDir(dir);
  console.log(`precompressed ${done.length} files in ${dir}`);
}
