import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the browser UI into `dist/` (served by the web host). No inline scripts or styles end
 * up in index.html, so the host's strict CSP (`script-src 'self'`, `style-src 'self'`) holds.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Keep CSS out of JS so no <style> elements are injected at run time.
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
