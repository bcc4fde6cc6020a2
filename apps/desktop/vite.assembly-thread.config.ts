import { createRequire } from 'node:module';
import { defineConfig } from 'vite';

/**
 * The thread of fake-pan's assembly worker (the demo drive runs inside the main process), built
 * on its own into `dist/main/assembly-thread.cjs`, next to `index.cjs`, where the worker starts
 * it from. A separate build, so the thread loads nothing of the main bundle.
 */

// fake-pan is a dependency of the back end; resolve it from there (pnpm keeps every package's
// dependencies private to it).
const require = createRequire(import.meta.url);
const fromBackend = createRequire(require.resolve('@pandesk/backend'));

export default defineConfig({
  build: {
    ssr: fromBackend.resolve('@pandesk/fake-pan/assembly-thread'),
    outDir: 'dist/main',
    emptyOutDir: false,
    target: 'node22',
    sourcemap: false,
    minify: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'assembly-thread.cjs' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
