import { createRequire } from 'node:module';
import { defineConfig } from 'vite';

/**
 * The thread of the transfer engine's hashing workers, built on its own into
 * `dist/main/hash-thread.cjs`, next to `index.cjs`, where the workers start it from. A separate
 * build, so the thread loads nothing of the main bundle.
 */

// The transfer engine is a dependency of the back end; resolve it from there (pnpm keeps every
// package's dependencies private to it).
const require = createRequire(import.meta.url);
const fromBackend = createRequire(require.resolve('@pandesk/backend'));

export default defineConfig({
  build: {
    ssr: fromBackend.resolve('@pandesk/transfer/hash-thread'),
    outDir: 'dist/main',
    emptyOutDir: false,
    target: 'node22',
    sourcemap: false,
    minify: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'hash-thread.cjs' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
