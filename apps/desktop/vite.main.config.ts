import { defineConfig } from 'vite';

/**
 * The main process: one CommonJS file (`dist/main/index.cjs`) with every dependency bundled
 * (the workspace packages are TypeScript sources; electron-store and conf are ESM-only) and
 * only `electron` and Node's built-ins left to `require`. So the packaged app needs no
 * node_modules at all. SQLite's WebAssembly file is copied next to it by `scripts/build.mjs`.
 */
export default defineConfig({
  build: {
    ssr: 'src/main/index.ts',
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: false,
    minify: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'index.cjs', inlineDynamicImports: true } },
  },
  ssr: { noExternal: true, external: ['electron'], target: 'node' },
});
