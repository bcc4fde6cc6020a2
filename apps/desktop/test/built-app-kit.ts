import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * What built-app.int.test.ts and bundle-contents.int.test.ts share: build the app, package it with a placeholder Electron,
 * read the asar, and make `require('electron')` return a fake inside this process.
 */

export const run = promisify(execFile);
export const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const BUILDER_CLI = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
const FAKE_ID = '\0fake-electron';

export interface Asar {
  listPackage(archive: string, options?: unknown): string[];
  extractFile(archive: string, filename: string): Buffer;
}

/** @electron/asar ships with electron-builder (through app-builder-lib); resolve it from there. */
export function loadAsar(): Asar {
  const fromBuilder = createRequire(require.resolve('electron-builder'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
  return fromLib('@electron/asar') as Asar;
}

/** `scripts/build.mjs --out <dist>`: the same build `pnpm build` runs, into a folder of the test's own. */
export async function buildApp(dist: string): Promise<void> {
  await run(process.execPath, ['scripts/build.mjs', '--out', dist], { cwd: APP, timeout: 240_000 });
}

/** The sentinel @electron/fuses looks for in an Electron binary, followed by the fuse wire. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron 45's fuse wire as shipped: version 1, nine fuses (RunAsNode on, cookie encryption
 * off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot
 * off, file:// privileges on, WebAssembly trap handlers on).
 */
export const SHIPPED_FUSES = '101100011';

/** A placeholder `electron` executable carrying a real fuse wire, so packaging can flip it. */
export function placeholderElectron(): Buffer {
  return Buffer.concat([
    Buffer.from('#!/bin/sh\necho placeholder electron\nexit 0\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, SHIPPED_FUSES.length]),
    Buffer.from(SHIPPED_FUSES),
    Buffer.from('\n'),
  ]);
}

/** @electron/fuses as electron-builder loads it (a dependency of app-builder-lib). */
export function loadFuses(): {
  getCurrentFuseWire(file: string): Promise<Record<string, number | string>>;
  FuseV1Options: Record<string, number>;
} {
  const fromBuilder = createRequire(require.resolve('electron-builder'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
  return fromLib('@electron/fuses') as ReturnType<typeof loadFuses>;
}

/**
 * electron-builder `--linux dir` on `dist` with a placeholder `electronDist` (a fake `electron`
 * executable carrying a fuse wire); answers the path of the produced app.asar. `env` is the
 * environment the configuration is built from (release variables).
 */
export async function packageDir(
  dist: string,
  work: string,
  env: Record<string, string> = {},
): Promise<string> {
  const electronDist = path.join(work, 'electron-dist');
  await mkdir(electronDist);
  await writeFile(path.join(electronDist, 'electron'), placeholderElectron());
  await chmod(path.join(electronDist, 'electron'), 0o755);
  const config = [
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${path.join(work, 'out')}`,
    `-c.directories.app=${dist}`,
  ];
  await run(
    process.execPath,
    [BUILDER_CLI, '--config', 'electron-builder.config.mjs', '--linux', 'dir', '--x64', ...config],
    {
      cwd: APP,
      timeout: 240_000,
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ...env },
    },
  );
  return path.join(work, 'out', 'linux-unpacked', 'resources', 'app.asar');
}

type ModuleInternals = typeof Module & {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
  _cache: Record<string, unknown>;
};

/** Makes `require('electron')` answer `fake` in this process; returns the undo. */
export function installFakeElectron(fake: Record<string, unknown>): () => void {
  const internals = Module as ModuleInternals;
  const originalResolve = internals._resolveFilename;
  internals._resolveFilename = function resolve(request: string, ...rest: unknown[]) {
    return request === 'electron' ? FAKE_ID : originalResolve.call(this, request, ...rest);
  };
  internals._cache[FAKE_ID] = { id: FAKE_ID, filename: FAKE_ID, loaded: true, exports: fake };
  return () => {
    internals._resolveFilename = originalResolve;
    delete internals._cache[FAKE_ID];
  };
}

/** Polls `probe` every 50 ms until it answers something other than `undefined`. */
export async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
