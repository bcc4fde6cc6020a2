import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CHANNELS } from '@pandesk/contract';
import type { Result } from '@pandesk/contract';
import { buildCspHeader } from '../src/main/security/csp';
import { createFakeElectron } from './fake-electron';
import type { FakeElectron, FakeWindow } from './fake-electron';

/**
 * Runs the real, built main bundle (Vite output with the real back end, electron-store,
 * SQLite-as-WebAssembly) in plain Node against a fake `electron` module, since no Electron
 * binary can run here. It checks the wiring the unit tests cannot: every channel bound and
 * guarded, the demo drive reachable over IPC, events forwarded to the window, secrets stored
 * only as ciphertext, the renderer served with its CSP, the window state saved, and a clean quit.
 */

const run = promisify(execFile);
const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const FAKE_ID = '\0fake-electron';

type ModuleInternals = typeof Module & {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
  _cache: Record<string, unknown>;
};
const internals = Module as ModuleInternals;
const originalResolve = internals._resolveFilename;

let work = '';
let fake: FakeElectron;
let win: FakeWindow;

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function trusted() {
  return { sender: { id: win.webContents.id }, senderFrame: { url: 'pandesk://app/index.html', parent: null } };
}

async function call(channel: string, input?: unknown, event: unknown = trusted()): Promise<Result<unknown>> {
  const handler = fake.ipcHandlers.get(channel);
  if (handler === undefined) throw new Error(`${channel} is not bound`);
  const args = input === undefined ? [event] : [event, input];
  return (await (handler as unknown as (...a: unknown[]) => Promise<Result<unknown>>)(...args));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pandesk-main-'));
  const dist = path.join(work, 'dist');
  await run(process.execPath, ['scripts/build.mjs', '--out', dist], { cwd: APP, timeout: 240_000 });
  fake = createFakeElectron(path.join(work, 'home'));
  internals._resolveFilename = function resolve(request: string, ...rest: unknown[]) {
    return request === 'electron' ? FAKE_ID : originalResolve.call(this, request, ...rest);
  };
  internals._cache[FAKE_ID] = { id: FAKE_ID, filename: FAKE_ID, loaded: true, exports: fake.module };
  process.env.PANDESK_USER_DATA = path.join(work, 'profile');
  require(path.join(dist, 'main', 'index.cjs'));
  win = await until(() => fake.windows[0], 'the main window');
}, 300_000);

afterAll(async () => {
  internals._resolveFilename = originalResolve;
  delete internals._cache[FAKE_ID];
  delete process.env.PANDESK_USER_DATA;
  if (work !== '') await rm(work, { recursive: true, force: true });
});

describe('built main bundle on a fake Electron', () => {
  it('starts hardened: privileged app scheme, guarded session, secure window on the app URL', () => {
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'pandesk', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.app.paths.userData).toBe(path.join(work, 'profile'));
    expect(fake.session.request).toBeTypeOf('function');
    expect(fake.session.check?.()).toBe(false);
    expect(win.loaded).toEqual(['pandesk://app/index.html']);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    expect(fake.ipcOnListeners.has('electron-store-get-data')).toBe(false);
    expect(fake.menu).toBeInstanceOf(Array);
  });

  it('binds every channel and refuses a foreign sender', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(API_CHANNELS.map((c) => c.channel).sort());
    const foreign = { sender: { id: win.webContents.id }, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await call('app:info', undefined, foreign)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await call('files:list', { folderId: -5 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('reports a desktop host with every OS capability', async () => {
    const info = await call('app:info');
    expect(info).toMatchObject({
      ok: true,
      value: { host: 'desktop', capabilities: { startDrag: true, nativeDialogs: true, revealInFolder: true, keepAwake: true } },
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
    const change = await until(() => win.webContents.sent.find((m) => m.channel === 'folder:changed'), 'folder:changed');
    expect(change.payload).toMatchObject({ folderIds: expect.arrayContaining([0]) });
  });

  it('serves the renderer from the app scheme with the CSP header, and nothing outside it', async () => {
    const handler = fake.protocolHandlers.get('pandesk') as unknown as (r: { url: string; method: string }) => Promise<Response>;
    const page = await handler({ url: 'pandesk://app/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(buildCspHeader());
    expect(await page.text()).toContain('<div id="root">');
    expect((await handler({ url: 'pandesk://app/../main/index.cjs', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'pandesk://app/index.html', method: 'POST' })).status).toBe(404);
  });

  it('stores secrets only as OS ciphertext in the electron-store file', async () => {
    const answer = await call('settings:setConnection', { clientId: 'client-abc', clientSecret: 'TopSecretValue123' });
    expect(answer.ok).toBe(true);
    const file = await readFile(path.join(work, 'profile', 'pandesk-store.json'), 'utf8');
    expect(file).not.toContain('TopSecretValue123');
    const stored = JSON.parse(file) as { schemaVersion: number; secrets: Record<string, string>; settings: unknown };
    expect(stored.schemaVersion).toBe(1);
    expect(Object.keys(stored.secrets).length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.settings)).toContain('client-abc');
  });

  it('refuses to drag files from outside PanDesk folders', async () => {
    const answer = await call('app:startDrag', { paths: [path.join(work, 'profile', 'pandesk-store.json')] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(win.webContents.drags).toEqual([]);
  });

  it('saves the window state on close and stops the back end on quit', async () => {
    win.bounds = { x: 42, y: 43, width: 1111, height: 777 };
    win.close();
    const file = JSON.parse(await readFile(path.join(work, 'profile', 'pandesk-store.json'), 'utf8')) as { windowState: unknown };
    expect(file.windowState).toEqual({ bounds: { x: 42, y: 43, width: 1111, height: 777 }, maximized: false });
    fake.app.emit('window-all-closed');
    await until(() => (fake.app.quitCalls >= 2 ? true : undefined), 'the back end to close and the app to quit', 30_000);
  });
});
