import { defineConfig } from 'vite';

/**
 * The preload: sandboxed preloads can only `require('electron')` (and a few polyfilled
 * modules), so it must be one self-contained CommonJS file with `electron` external.
 */
export default defineConfig({
  build: {
    ssr: 'src/preload/index.ts',
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    minify: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false } },
  },
  ssr: { noExternal: true, external: ['electron'] },
});
