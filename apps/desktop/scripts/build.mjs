// Builds main (with the transfer engine's hashing thread and fake-pan's assembly thread beside
// it), preload and renderer with Vite into dist/ (or `--out <dir>`, used by tests so
// parallel builds never share a folder), then copies the files the main bundle loads from its
// own folder at run time (SQLite's WebAssembly, the window and drag icons, the Secret Service
// binding) and writes the app
// manifest electron-builder packages.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// The renderer config imports the CSP module without an extension (the repo's TypeScript
// convention); Vite 8's default config loader handles it and only warns about a future one.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

const here = path.dirname(fileURLToPath(import.meta.url));
const appDir = path.resolve(here, '..');
process.chdir(appDir);
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag === -1 ? path.join(appDir, 'dist') : path.resolve(process.argv[outFlag + 1] ?? 'dist');

const parts = [
  ['vite.main.config.ts', 'main'],
  ['vite.assembly-thread.config.ts', 'main'],
  ['vite.hash-thread.config.ts', 'main'],
  ['vite.preload.config.ts', 'preload'],
  ['vite.renderer.config.ts', 'renderer'],
];
for (const [config, sub] of parts) {
  await build({
    configFile: path.join(appDir, config),
    logLevel: 'warn',
    build: { outDir: path.join(outDir, sub) },
  });
}

// node-sqlite3-wasm is a dependency of @pandesk/transfer; resolve it from there (pnpm keeps
// every package's dependencies private to it).
const fromBackend = createRequire(
  createRequire(path.join(appDir, 'package.json')).resolve('@pandesk/backend'),
);
const fromTransfer = createRequire(fromBackend.resolve('@pandesk/transfer'));
const wasm = path.join(path.dirname(fromTransfer.resolve('node-sqlite3-wasm')), 'node-sqlite3-wasm.wasm');
mkdirSync(path.join(outDir, 'main'), { recursive: true });
copyFileSync(wasm, path.join(outDir, 'main', 'node-sqlite3-wasm.wasm'));
copyFileSync(path.join(appDir, 'build', 'icons', '512x512.png'), path.join(outDir, 'main', 'icon.png'));
copyFileSync(path.join(appDir, 'build', 'drag.png'), path.join(outDir, 'main', 'drag.png'));
copyFileSync(path.join(appDir, 'build', 'drag@2x.png'), path.join(outDir, 'main', 'drag@2x.png'));

// The Secret Service binding (used on Linux where safeStorage has no keyring): Node-API, so one
// prebuilt library works in any Node or Electron. pnpm installs only this machine's platform
// package; every one present is copied to dist/main/native and loaded from there at run time.
const fromDesktop = createRequire(path.join(appDir, 'package.json'));
const keyringDir = path.dirname(fromDesktop.resolve('@napi-rs/keyring/package.json'));
const fromKeyring = createRequire(path.join(keyringDir, 'package.json'));
mkdirSync(path.join(outDir, 'main', 'native'), { recursive: true });
for (const target of ['linux-x64-gnu', 'linux-arm64-gnu']) {
  let binding;
  try {
    binding = fromKeyring.resolve(`@napi-rs/keyring-${target}/keyring.${target}.node`);
  } catch {
    continue;
  }
  copyFileSync(binding, path.join(outDir, 'main', 'native', `keyring.${target}.node`));
}

// dist/ is electron-builder's app directory: its own package.json without dependencies (the
// main bundle carries them), so nothing from node_modules is collected or packaged.
const project = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'));
const identity = JSON.parse(readFileSync(path.join(appDir, 'app-identity.json'), 'utf8'));
const appManifest = {
  name: identity.executableName,
  productName: identity.productName,
  // Electron names the Wayland app id and the window class after it; the .desktop file matches.
  desktopName: identity.desktopName,
  version: project.version,
  description: project.description,
  author: project.author,
  homepage: project.homepage,
  license: 'MIT',
  main: 'main/index.cjs',
};
writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(appManifest, null, 2)}\n`);
console.log(`built ${path.relative(appDir, outDir) || '.'}: main, preload, renderer`);
