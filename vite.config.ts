import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './web/build/precompress.js';

/**
 * The web app (staff app and client portal) is built into dist/web, which the server serves on
 * its own port. `npm run dev:web` serves it with hot reload and sends /api to `npm run dev`.
 */
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // Read by `npm run bench` to measure what the first page downloads.
    manifest: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
