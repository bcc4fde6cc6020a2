import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packages the app for real with electron-builder (`--dir`, Linux), using a placeholder
 * `electronDist` (a folder with a fake `electron` executable) because the Electron zip cannot
 * be downloaded here, then inspects the asar: the built app only, every dependency bundled,
 * no node_modules, no sources, no source maps. Installer targets (AppImage, deb, dmg, nsis)
 * need downloads and are not exercised.
 */

const run = promisify(execFile);
const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const BUILDER_CLI = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');

interface Asar {
  listPackage(archive: string, options?: unknown): string[];
  extractFile(archive: string, filename: string): Buffer;
}
/** @electron/asar ships with electron-builder (through app-builder-lib); resolve it from there. */
function loadAsar(): Asar {
  const fromBuilder = createRequire(require.resolve('electron-builder'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
  return fromLib('@electron/asar') as Asar;
}

const onLinux = process.platform === 'linux';
let work = '';
let archive = '';
let files: string[] = [];
const asar = loadAsar();

beforeAll(async () => {
  if (!onLinux) return;
  work = await mkdtemp(path.join(os.tmpdir(), 'pandesk-pack-'));
  const electronDist = path.join(work, 'electron-dist');
  await mkdir(electronDist);
  await writeFile(path.join(electronDist, 'electron'), '#!/bin/sh\necho placeholder electron\n');
  await chmod(path.join(electronDist, 'electron'), 0o755);
  await run(process.execPath, ['scripts/build.mjs'], { cwd: APP, timeout: 240_000 });
  await run(
    process.execPath,
    [BUILDER_CLI, '--config', 'electron-builder.yml', '--linux', 'dir', '--x64', `-c.electronDist=${electronDist}`, `-c.directories.output=${path.join(work, 'out')}`],
    { cwd: APP, timeout: 240_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  archive = path.join(work, 'out', 'linux-unpacked', 'resources', 'app.asar');
  files = asar.listPackage(archive).map((f) => f.replaceAll('\\', '/'));
}, 300_000);

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
});

describe.skipIf(!onLinux)('electron-builder package (linux --dir, placeholder Electron)', () => {
  it('produces the pandesk executable next to resources/app.asar', async () => {
    expect((await stat(path.join(work, 'out', 'linux-unpacked', 'pandesk'))).isFile()).toBe(true);
    expect((await stat(archive)).size).toBeGreaterThan(0);
  });

  it('holds the built app: main, preload, renderer, SQLite wasm, icon', () => {
    for (const f of ['/package.json', '/main/index.cjs', '/main/node-sqlite3-wasm.wasm', '/main/icon.png', '/preload/index.cjs', '/renderer/index.html']) {
      expect(files, f).toContain(f);
    }
    expect(files.some((f) => /^\/renderer\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
  });

  it('holds nothing else: no node_modules, no sources, no source maps, no dotfiles', () => {
    const top = new Set(files.map((f) => f.split('/')[1]));
    expect([...top].sort()).toEqual(['main', 'package.json', 'preload', 'renderer']);
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|map)$/.test(f) || /\/\./.test(f))).toEqual([]);
  });

  it('ships a manifest without dependencies that starts the bundled main', () => {
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(manifest.main).toBe('main/index.cjs');
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
  });

  it('bundles every production dependency: main and preload require only electron and Node built-ins', () => {
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const bundle of ['main/index.cjs', 'preload/index.cjs']) {
      const code = asar.extractFile(archive, bundle).toString('utf8');
      // Strings such as ajv's code templates mention require("…") without calling it.
      const required = [...code.matchAll(/(?<![\w."'`])require\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
      expect(required.filter((name) => !allowed.has(name)), bundle).toEqual([]);
      expect(code).not.toMatch(/sourceMappingURL=/);
    }
    const preload = asar.extractFile(archive, 'preload/index.cjs').toString('utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });

  it('carries the same CSP in the packaged index.html as the header the main process sends', async () => {
    const html = asar.extractFile(archive, 'renderer/index.html').toString('utf8');
    const { buildCspMeta } = await import('../src/main/security/csp');
    expect(html).toContain(`content="${buildCspMeta()}"`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('contains no development secrets or local paths of this machine', async () => {
    const main = asar.extractFile(archive, 'main/index.cjs').toString('utf8');
    expect(main).not.toContain(APP);
    expect(main).not.toMatch(/BEGIN (RSA |EC )?PRIVATE KEY/);
    // Bundlers can leak absolute build paths (e.g. in __filename shims); none may reach the package.
    const raw = await readFile(archive);
    expect(raw.includes(Buffer.from(path.dirname(APP)))).toBe(false);
  });
});
