import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CHANNELS } from '@pandesk/contract';
import type { Result } from '@pandesk/contract';
import { CLIPBOARD_CHANNEL } from '../src/common/host-channels';
import { buildCspHeader } from '../src/main/security/csp';
import { BUILDER_DEFAULT_DEB_DEPENDS, FUSES, identity } from '../scripts/builder-config.mjs';
import { APP, buildApp, installFakeElectron, loadAsar, loadFuses, packageDir, until } from './built-app-kit';
import { createFakeElectron } from './fake-electron';
import type { FakeElectron, FakeWindow } from './fake-electron';

/**
 * The built app, built once into a temporary folder (never the developer's dist/):
 *
 * 1. Packaged for real with electron-builder (`--dir`, Linux) using a placeholder
 *    `electronDist` (a folder with a fake `electron` executable) because the Electron zip cannot
 *    be downloaded here; the asar must hold the bundled app only: no node_modules, no sources,
 *    no source maps. Installer targets (AppImage, deb, dmg, nsis) need downloads and are not run.
 * 2. The real main bundle (with the real back end, electron-store and SQLite as WebAssembly) run
 *    in plain Node against a fake `electron` module, checking the wiring unit tests cannot:
 *    every channel bound and guarded, the demo drive reachable over IPC, events forwarded,
 *    secrets stored only as ciphertext, the renderer served with its CSP, window state saved,
 *    and a clean quit.
 */

const require = createRequire(import.meta.url);

interface LoadedConfig {
  appId?: string;
  productName?: string;
  executableName?: string;
  linux?: Record<string, unknown>;
  deb?: { depends?: string[] };
  appImage?: unknown;
  electronFuses?: unknown;
  publish?: unknown;
  mac?: Record<string, unknown>;
  win?: Record<string, unknown>;
}

/** electron-builder's own loading and validation of electron-builder.config.mjs, and its deb defaults. */
async function loadBuilderConfig(): Promise<{ config: LoadedConfig; fpmDefaults: string[] }> {
  const fromBuilder = createRequire(require.resolve('electron-builder'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
  const { getConfig, validateConfiguration } = fromLib('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, file: string, extra: null): Promise<LoadedConfig>;
    validateConfiguration(config: LoadedConfig, debug: unknown): Promise<void>;
  };
  const config = await getConfig(APP, 'electron-builder.config.mjs', null);
  await validateConfiguration(config, { add: () => undefined, isEnabled: false });
  const fpm = fromLib('app-builder-lib/out/targets/FpmTarget') as {
    default: { prototype: { getDefaultDepends(target: string): string[] } };
  };
  return { config, fpmDefaults: fpm.default.prototype.getDefaultDepends('deb') };
}
const onLinux = process.platform === 'linux';
const asar = loadAsar();

let work = '';
let dist = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pandesk-built-'));
  dist = path.join(work, 'dist');
  await buildApp(dist);
}, 300_000);

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
});

describe.skipIf(!onLinux)('electron-builder package (linux --dir, placeholder Electron)', () => {
  let archive = '';
  let files: string[] = [];

  beforeAll(async () => {
    archive = await packageDir(dist, work);
    files = asar.listPackage(archive).map((f) => f.replaceAll('\\', '/'));
  }, 300_000);

  it('produces the pandesk executable next to resources/app.asar', async () => {
    expect((await stat(path.join(work, 'out', 'linux-unpacked', 'pandesk'))).isFile()).toBe(true);
    expect((await stat(archive)).size).toBeGreaterThan(0);
  });

  it('flips the fuses in the packaged binary: no RunAsNode, NODE_OPTIONS or --inspect; asar only, checked', async () => {
    const { getCurrentFuseWire, FuseV1Options } = loadFuses();
    const wire = await getCurrentFuseWire(path.join(work, 'out', 'linux-unpacked', 'pandesk'));
    const state = (option: string): string => String.fromCharCode(Number(wire[FuseV1Options[option] ?? -1]));
    expect(state('RunAsNode')).toBe('0');
    expect(state('EnableNodeOptionsEnvironmentVariable')).toBe('0');
    expect(state('EnableNodeCliInspectArguments')).toBe('0');
    expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe('1');
    expect(state('OnlyLoadAppFromAsar')).toBe('1');
    expect(state('GrantFileProtocolExtraPrivileges')).toBe('0');
    expect(state('EnableCookieEncryption')).toBe('1');
    expect(FUSES.runAsNode).toBe(false);
  });

  it('is configured as the release needs, read back the way electron-builder loads it', async () => {
    const { config, fpmDefaults } = await loadBuilderConfig();
    expect(config.appId).toBe(identity.appId);
    expect(config.productName).toBe('PanDesk');
    // On Linux only: at the top level it would name the macOS bundle pandesk.app.
    expect(config.executableName).toBeUndefined();
    expect(config.linux).toMatchObject({
      executableName: 'pandesk',
      syncDesktopName: true,
      icon: 'build/icons',
    });
    // electron-builder's own deb list is kept whole (a `depends` entry replaces it), plus Chromium's.
    expect(BUILDER_DEFAULT_DEB_DEPENDS).toEqual(fpmDefaults);
    expect(config.deb?.depends).toEqual(expect.arrayContaining([...fpmDefaults, 'libgbm1', 'libasound2']));
    expect(config.appImage).toEqual({ executableArgs: [] });
    expect(config.electronFuses).toEqual(FUSES);
    expect(config.publish).toBeNull();
    expect(config.mac).toMatchObject({
      target: ['dmg', 'zip'],
      hardenedRuntime: true,
      icon: 'build/icon.icns',
    });
    expect(config.win).toMatchObject({ target: ['nsis'], icon: 'build/icon.ico' });
  });

  it('names the desktop entry, Wayland app id and window class alike (desktopName)', () => {
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      name: 'pandesk',
      productName: 'PanDesk',
      desktopName: 'pandesk.desktop',
    });
  });

  it('keeps the Secret Service library outside the asar, where Electron can load it', async () => {
    const unpacked = path.join(
      work,
      'out',
      'linux-unpacked',
      'resources',
      'app.asar.unpacked',
      'main',
      'native',
    );
    const libs = await readdir(unpacked);
    expect(libs).toContain(`keyring.linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}-gnu.node`);
  });

  it('holds the built app: main, preload, renderer, SQLite wasm, icon', () => {
    for (const f of [
      '/package.json',
      '/main/index.cjs',
      '/main/node-sqlite3-wasm.wasm',
      '/main/icon.png',
      '/main/drag.png',
      '/main/drag@2x.png',
      '/preload/index.cjs',
      '/renderer/index.html',
    ]) {
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
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.main).toBe('main/index.cjs');
    expect(manifest.desktopName).toBe(identity.desktopName);
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
  });

  it('bundles every production dependency: main and preload require only electron and Node built-ins', () => {
    // The tests run on Node 20, but the bundle runs on Electron's newer Node, whose built-ins also
    // include `node:sqlite` (undici probes for it lazily, behind a feature check).
    const electronNodeOnly = ['node:sqlite'];
    const allowed = new Set([
      'electron',
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
      ...electronNodeOnly,
    ]);
    for (const bundle of ['main/index.cjs', 'preload/index.cjs']) {
      const code = asar.extractFile(archive, bundle).toString('utf8');
      // Strings such as ajv's code templates mention require("…") without calling it.
      const required = [...code.matchAll(/(?<![\w."'`])require\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
      expect(
        required.filter((name) => !allowed.has(name)),
        bundle,
      ).toEqual([]);
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

let fake: FakeElectron;
let win: FakeWindow;
let uninstall: () => void = () => undefined;

function trusted() {
  return {
    sender: { id: win.webContents.id },
    senderFrame: { url: 'pandesk://app/index.html', parent: null },
  };
}

async function call(channel: string, input?: unknown, event: unknown = trusted()): Promise<Result<unknown>> {
  const args = input === undefined ? [] : [input];
  return (await fake.invoke(channel, event, ...args)) as Result<unknown>;
}

describe('built main bundle on a fake Electron', () => {
  beforeAll(async () => {
    fake = createFakeElectron(path.join(work, 'home'));
    uninstall = installFakeElectron(fake.module);
    process.env.PANDESK_USER_DATA = path.join(work, 'profile');
    require(path.join(dist, 'main', 'index.cjs'));
    win = await until(() => fake.windows[0], 'the main window');
  }, 120_000);

  afterAll(() => {
    uninstall();
    delete process.env.PANDESK_USER_DATA;
  });

  it('starts hardened: privileged app scheme, guarded session, secure window on the app URL', async () => {
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'pandesk', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      {
        scheme: 'pandesk-media',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
      },
    ]);
    expect(fake.app.paths.userData).toBe(path.join(work, 'profile'));
    expect(fake.session.request).toBeTypeOf('function');
    expect(fake.session.check?.()).toBe(false);
    expect(win.loaded).toEqual(['pandesk://app/index.html']);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
    expect(win.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    expect(fake.ipcOnListeners.has('electron-store-get-data')).toBe(false);
    // The window opens first; the menu (which needs the back end) follows once it is composed.
    expect(await until(() => fake.menu, 'the application menu')).toBeInstanceOf(Array);
    // Nothing failed on the way (a Windows-only call here would have: the fake has none on Linux).
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.app.exitCodes).toEqual([]);
    // Shown only once the first paint is ready.
    await until(() => (win.calls.includes('show') ? true : undefined), 'the window to show');
    expect(win.calls.indexOf('ready-to-show')).toBeLessThan(win.calls.indexOf('show'));
  });

  it('binds every channel and refuses a foreign sender', async () => {
    // The contract's channels, plus the host's own clipboard channel (not part of the back end's API).
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(
      [...API_CHANNELS.map((c) => c.channel), CLIPBOARD_CHANNEL].sort(),
    );
    const foreign = {
      sender: { id: win.webContents.id },
      senderFrame: { url: 'https://evil.example/', parent: null },
    };
    expect(await call('app:info', undefined, foreign)).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(await call('files:list', { folderId: -5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('reports a desktop host with every OS capability', async () => {
    const info = await call('app:info');
    expect(info).toMatchObject({
      ok: true,
      value: {
        host: 'desktop',
        capabilities: {
          startDrag: true,
          nativeDialogs: true,
          revealInFolder: true,
          keepAwake: true,
          openFiles: true,
          preview: true,
        },
      },
    });
  });

  it('opens the demo drive, lists and changes it over IPC, and forwards the events to the window', async () => {
    // With no credentials the back end opens the demo drive by itself; asking again is a no-op.
    expect(await call('auth:useDemo')).toMatchObject({ ok: true, value: { state: 'demo' } });
    const page = await call('files:list', { folderId: 0 });
    expect(page.ok).toBe(true);
    const names = page.ok ? (page.value as { items: Array<{ name: string }> }).items.map((i) => i.name) : [];
    expect(names).toEqual(expect.arrayContaining(['Documents', 'Photos', 'Music', 'Videos']));
    expect(await call('files:mkdir', { parentId: 0, name: 'Made over IPC' })).toMatchObject({ ok: true });
    const change = await until(
      () => win.webContents.sent.find((m) => m.channel === 'folder:changed'),
      'folder:changed',
    );
    expect(change.payload).toMatchObject({ folderIds: expect.arrayContaining([0]) });
    // The back end's requests went through Chromium's stack (the session's fetch), cookie-less.
    expect(fake.sessionRequests.length).toBeGreaterThan(0);
    expect(fake.sessionRequests.every((r) => r.init.credentials === 'omit')).toBe(true);
  });

  it('opens a demo file with shell.openPath from the open cache, the second time without a download', async () => {
    const listed = await call('files:list', { folderId: 0 });
    const items = listed.ok
      ? (listed.value as { items: Array<{ id: number; name: string; kind: string }> }).items
      : [];
    const docs = items.find((i) => i.name === 'Documents');
    const inner = await call('files:list', { folderId: docs?.id });
    const file = (inner.ok ? (inner.value as { items: Array<{ id: number; kind: string }> }).items : []).find(
      (i) => i.kind === 'file',
    );
    expect(file).toBeDefined();
    const first = await call('app:openFile', { fileId: file?.id });
    expect(first).toMatchObject({ ok: true, value: { fromCache: false } });
    const opened = first.ok ? (first.value as { path: string }).path : '';
    expect(opened.startsWith(path.join(work, 'profile', 'open-cache', 'demo'))).toBe(true);
    expect(fake.opened).toEqual([opened]);
    expect((await stat(opened)).isFile()).toBe(true);
    const second = await call('app:openFile', { fileId: file?.id });
    expect(second).toMatchObject({ ok: true, value: { path: opened, fromCache: true } });
    expect(fake.opened).toEqual([opened, opened]);
  });

  it('streams a demo file to the quick preview over pandesk-media:// with Range, never handing out the CDN URL', async () => {
    const listed = await call('files:list', { folderId: 0 });
    const items = listed.ok ? (listed.value as { items: Array<{ id: number; name: string }> }).items : [];
    const docs = items.find((i) => i.name === 'Documents');
    const inner = await call('files:list', { folderId: docs?.id });
    const file = (
      inner.ok ? (inner.value as { items: Array<{ id: number; kind: string; size: number }> }).items : []
    ).find((i) => i.kind === 'file' && i.size > 20);
    expect(file).toBeDefined();
    const answer = await call('app:previewUrl', { fileId: file?.id });
    expect(answer).toMatchObject({
      ok: true,
      value: { url: expect.stringMatching(/^pandesk-media:\/\/preview\/[\w-]{22}$/) },
    });
    const url = answer.ok ? (answer.value as { url: string }).url : '';
    const handler = fake.protocolHandlers.get('pandesk-media') as unknown as (
      r: Request,
    ) => Promise<Response>;
    const head = await handler(new Request(url, { headers: { range: 'bytes=0-9' } }));
    expect(head.status).toBe(206);
    expect((await head.arrayBuffer()).byteLength).toBe(10);
    const rest = await handler(new Request(url, { headers: { range: 'bytes=5-' } }));
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes 5-${(file?.size ?? 0) - 1}/${file?.size}`);
    expect(rest.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await rest.arrayBuffer()).byteLength).toBe((file?.size ?? 0) - 5);
    expect((await handler(new Request('pandesk-media://preview/unknown-grant'))).status).toBe(410);
  });

  it('View > Preview Pane switches the remembered preview pane setting, and the window hears of it', async () => {
    type Item = { label?: string; submenu?: Item[]; click?: () => void };
    const view = (fake.menu as Item[]).find((m) => m.label === 'View');
    const item = view?.submenu?.find((m) => m.label === 'Preview Pane');
    expect(item).toBeDefined();
    const before = await call('settings:get');
    const shown = before.ok && (before.value as { previewPane: boolean }).previewPane;
    item?.click?.();
    await until(
      () =>
        win.webContents.sent.find(
          (m) =>
            m.channel === 'settings:changed' && (m.payload as { previewPane: boolean }).previewPane !== shown,
        ),
      'settings:changed with the pane switched',
    );
    expect(await call('settings:get')).toMatchObject({ ok: true, value: { previewPane: !shown } });
  });

  it('serves the renderer from the app scheme with the CSP header, and nothing outside it', async () => {
    const handler = fake.protocolHandlers.get('pandesk') as unknown as (r: {
      url: string;
      method: string;
    }) => Promise<Response>;
    const page = await handler({ url: 'pandesk://app/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(buildCspHeader());
    expect(await page.text()).toContain('<div id="root">');
    expect((await handler({ url: 'pandesk://app/../main/index.cjs', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'pandesk://app/index.html', method: 'POST' })).status).toBe(404);
  });

  it('stores secrets only as OS ciphertext in the electron-store file', async () => {
    const answer = await call('settings:setConnection', {
      clientId: 'client-abc',
      clientSecret: 'TopSecretValue123',
    });
    expect(answer.ok).toBe(true);
    const file = await readFile(path.join(work, 'profile', 'pandesk-store.json'), 'utf8');
    expect(file).not.toContain('TopSecretValue123');
    const stored = JSON.parse(file) as {
      schemaVersion: number;
      secrets: Record<string, string>;
      settings: unknown;
    };
    expect(stored.schemaVersion).toBe(1);
    expect(Object.keys(stored.secrets).length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.settings)).toContain('client-abc');
  });

  it('refuses to drag files from outside PanDesk folders', async () => {
    const answer = await call('app:startDrag', { paths: [path.join(work, 'profile', 'pandesk-store.json')] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(win.webContents.drags).toEqual([]);
  });

  it('keeps sync pairs running in the tray with the window closed, and pauses them from the tray', async () => {
    type TrayItem = { label?: string; click?: () => void };
    type FakeTray = { tooltip: string; menu: TrayItem[] | null };
    const tray = (await until(() => fake.trays[0], 'the tray icon')) as unknown as FakeTray;
    const folder = path.join(work, 'synced');
    await mkdir(folder);
    const added = await call('sync:add', {
      localPath: folder,
      remoteFolderId: 0,
      remotePath: '/',
      mode: 'backup',
      deletions: 'ignore',
      schedule: { kind: 'interval', minutes: 60 },
      confirmAbove: 50,
    });
    expect(added.ok).toBe(true);
    const labels = (): string[] => (tray.menu ?? []).map((i) => i.label ?? '');
    await until(
      () => (labels().some((l) => l.startsWith('synced ↔ /')) ? true : undefined),
      'the pair in the tray',
    );
    expect(tray.tooltip).toMatch(/^PanDesk — 1 sync pairs: /);
    // The window closes; with a pair that is not paused the app keeps running.
    const quits = fake.app.quitCalls;
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalls).toBe(quits);
    (tray.menu ?? []).find((i) => i.label === 'Pause all sync')?.click?.();
    await until(() => (labels().includes('Resume all sync') ? true : undefined), 'the pairs paused');
    const listed = await call('sync:list');
    expect(listed).toMatchObject({ ok: true, value: [{ paused: true, state: 'paused' }] });
    const id = listed.ok ? (listed.value as Array<{ id: string }>)[0]?.id : undefined;
    expect(await call('sync:remove', { id })).toMatchObject({ ok: true });
  });

  it('saves the window state on close and stops the back end on quit', async () => {
    win.bounds = { x: 42, y: 43, width: 1111, height: 777 };
    win.close();
    const file = JSON.parse(await readFile(path.join(work, 'profile', 'pandesk-store.json'), 'utf8')) as {
      windowState: unknown;
    };
    expect(file.windowState).toEqual({
      bounds: { x: 42, y: 43, width: 1111, height: 777 },
      maximized: false,
    });
    fake.app.emit('window-all-closed');
    await until(
      () => (fake.app.quitCalls >= 2 ? true : undefined),
      'the back end to close and the app to quit',
      30_000,
    );
  });
});
