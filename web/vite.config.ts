import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { precompressDir } from '../scripts/precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Brotli and gzip copies of every text file in the build, served as they are by the server. */
function precompress(): Plugin {
  return {
    name: 'culture-ticket:precompress',
    apply: 'build',
    async closeBundle() {
      const done = await precompressDir(fileURLToPath(new URL('dist/', import.meta.url)));
      const raw = done.reduce((n, f) => n + f.bytes, 0);
      const br = done.reduce((n, f) => n + f.br, 0);
      this.info(`precompressed ${done.length} files: ${raw} bytes, ${br} with brotli`);
    },
  };
}

/** The web app: built to web/dist, which the API process serves at `/`. */
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The bundle-size check reads this to know which chunks load first.
    manifest: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    // In development the API runs on :3000; the dev server forwards API calls to it.
    // ws: the chat's WebSocket goes through the same proxy.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', ws: true } },
  },
});
