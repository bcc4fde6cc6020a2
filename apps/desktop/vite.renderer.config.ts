import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { buildCspMeta } from './src/main/security/csp';

/**
 * Fails the build when index.html's CSP meta tag differs from the policy the main process sends
 * as a header. The tag is written out literally (not injected) so static scanners read it too.
 */
function cspMetaCheck(): Plugin {
  return {
    name: 'pandesk-csp-meta-check',
    transformIndexHtml(html) {
      const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
      if (meta !== buildCspMeta())
        throw new Error('index.html: the CSP meta tag differs from buildCspMeta(); copy it over.');
      return html;
    },
  };
}

/**
 * The renderer: index.html + assets under `dist/renderer`, loaded from `pandesk://app/`.
 * Relative asset URLs; no module-preload polyfill (it would be an inline script the CSP forbids
 * and Chromium needs none).
 */
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), cspMetaCheck()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 4096,
  },
});
