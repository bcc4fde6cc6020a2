import { ApiException, ok } from '@pandesk/contract';
import type { PanDeskApi } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { appInfo, createAppApi } from './app-api';
import { makeSafe } from './safe-api';
import type { OpenFiles } from '../open/open-files';
import type { Thumbnails } from '../thumbnails/thumbnails';

const paths = { userData: '/u', logs: '/u/logs', downloads: '/d' };
const never = async (): Promise<never> => Promise.reject(new Error('not used here'));
const opener: OpenFiles = {
  available: false,
  openFile: never,
  openDownload: never,
  info: never,
  clear: never,
};
const thumbnails: Thumbnails = { get: never, store: never, traffic: never };

describe('app api', () => {
  it('reports the host and the capabilities its hooks provide', () => {
    const desktop = appInfo({
      host: 'electron',
      platform: { startDrag: () => undefined, revealInFolder: async () => undefined },
      app: { version: '1.2.3', versions: { electron: '40.0.0' } },
    });
    expect(desktop).toMatchObject({
      host: 'desktop',
      version: '1.2.3',
      capabilities: {
        startDrag: true,
        revealInFolder: true,
        nativeDialogs: false,
        keepAwake: false,
        openFiles: false,
      },
    });
    expect(desktop.versions).toMatchObject({ electron: '40.0.0' });
    expect(appInfo({ host: 'web' }).host).toBe('web');
  });

  it('opens the log folder through the platform, or says it cannot', async () => {
    const opened: string[] = [];
    const withHook = createAppApi(
      {
        host: 'electron',
        paths,
        platform: { openPath: async (p) => void opened.push(p) },
      },
      opener,
      thumbnails,
    );
    expect(await withHook.openLogFolder()).toEqual(ok(null));
    expect(opened).toEqual(['/u/logs']);
    const without = createAppApi({ host: 'web', paths }, opener, thumbnails);
    await expect(without.startDrag({ paths: ['/x'] })).rejects.toMatchObject({ code: 'unsupported' });
    await expect(without.downloadLink({ fileId: 1 })).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('makeSafe', () => {
  it('turns throws into Results and logs unexpected ones', async () => {
    const logged: string[] = [];
    const api = {
      auth: {
        status: async () => Promise.reject(new ApiException('auth_required', 'sign in')),
        signIn: async () => Promise.reject(new Error('boom token=abc')),
      },
    } as unknown as PanDeskApi;
    const safe = makeSafe(
      {
        ...api,
        settings: {},
        files: {},
        transfers: {},
        places: {},
        app: {},
        shares: {},
        directLinks: {},
        cloud: {},
        sync: {},
      } as unknown as PanDeskApi,
      (_e, ctx) => logged.push(ctx),
    );
    expect(await safe.auth.status()).toEqual({
      ok: false,
      error: { code: 'auth_required', message: 'sign in', retryable: false },
    });
    const internal = await safe.auth.signIn();
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!internal.ok) expect(internal.error.message).not.toContain('abc');
    expect(logged).toEqual(['auth:signIn']);
  });
});

describe('resolveApiBaseUrl', () => {
  it('prefers the port, then PANDESK_API_BASE_URL, then the real service', async () => {
    const { resolveApiBaseUrl } = await import('../backend');
    expect(
      resolveApiBaseUrl({
        apiBaseUrl: 'http://127.0.0.1:1',
        env: { PANDESK_API_BASE_URL: 'http://127.0.0.1:2' },
      }),
    ).toBe('http://127.0.0.1:1');
    expect(resolveApiBaseUrl({ env: { PANDESK_API_BASE_URL: 'http://127.0.0.1:2' } })).toBe(
      'http://127.0.0.1:2',
    );
    expect(resolveApiBaseUrl({ env: {} })).toBe('https://open-api.123pan.com');
  });
});
