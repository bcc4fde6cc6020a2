import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSilentServer } from '@pandesk/fake-pan/testing';
import type { SilentServer } from '@pandesk/fake-pan/testing';
import { createApiClient, createTextTransport } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebApp } from './start-web-app';
import type { WebApp, WebAppOptions } from './start-web-app';
import { connectWs, mintDownloadLink } from './testing/host-kit';
import { toTextPort } from './ws-bridge';

let dir: string | undefined;
let app: WebApp | undefined;
let silent: SilentServer | undefined;
afterEach(async () => {
  await app?.close();
  await silent?.close();
  silent = undefined;
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  app = undefined;
  dir = undefined;
});

async function start(
  storeSecretsInFile: boolean,
  extra: Pick<WebAppOptions, 'apiBaseUrl' | 'credentials'> = {},
): Promise<WebApp> {
  dir = await mkdtemp(join(tmpdir(), 'pandesk-webapp-'));
  const staticDir = join(dir, 'dist');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>PanDesk</title>');
  app = await startWebApp({
    userData: join(dir, 'user-data'),
    downloadDir: join(dir, 'downloads'),
    staticDir,
    storeSecretsInFile,
    ...extra,
  });
  return app;
}

describe('startWebApp (the real back end behind the host)', () => {
  it('serves the demo drive over the WebSocket on a first start', async () => {
    const web = await start(false);
    const { socket } = await connectWs(web.host);
    const client = createApiClient(createTextTransport(toTextPort(socket!)));
    const status = await client.auth.status();
    expect(status.ok && status.value.state).toBe('demo');
    const root = await client.files.list({ folderId: 0 });
    expect(root.ok && root.value.items.length).toBeGreaterThan(0);
    const info = await client.app.info();
    expect(info.ok && info.value.host).toBe('web');
    client.close();
  });

  it('serves the page at once with credentials from the environment, while the service never answers', async () => {
    silent = await startSilentServer();
    const web = await start(true, {
      apiBaseUrl: silent.url,
      credentials: { clientId: 'env-client', clientSecret: 'env-secret-value' },
    });
    expect(web.notes).toContain('Signing in with client ID env-client in the background.');
    expect((await fetch(`${web.host.origin}/`)).status).toBe(200);
    const status = await web.backend.api.auth.status();
    expect(status.ok && status.value).toEqual({ state: 'connecting' });
    // Stored for the next start; the demo drive was never opened.
    const view = await web.backend.api.settings.get();
    expect(view.ok && view.value.connection).toMatchObject({ clientId: 'env-client', hasClientSecret: true });
    expect(await readdir(join(dir!, 'user-data'))).not.toContain('demo-drive');
  });

  it('without --store-secrets-in-file uses environment credentials only until it stops', async () => {
    silent = await startSilentServer();
    const web = await start(false, {
      apiBaseUrl: silent.url,
      credentials: { clientId: 'env-client', clientSecret: 'env-secret-value' },
    });
    expect(web.notes.join('\n')).toMatch(/used only until PanDesk stops/);
    expect(web.notes).toContain('Signing in with client ID env-client in the background.');
    expect(web.notes.join('\n')).not.toContain('env-secret-value');
    const status = await web.backend.api.auth.status();
    expect(status.ok && status.value).toEqual({ state: 'connecting' });
    const view = await web.backend.api.settings.get();
    expect(view.ok && view.value.secretStorage).toBe('session');
    expect(await readdir(join(dir!, 'user-data'))).not.toContain('secrets.json');
  });

  it('without --store-secrets-in-file keeps secrets only when the user chooses so, in memory, never on disk', async () => {
    const web = await start(false);
    const set = await web.backend.api.settings.setConnection({
      clientId: 'my-client',
      clientSecret: 'my-secret-value',
    });
    expect(set.ok ? undefined : set.error.code).toBe('unsupported');
    expect(set.ok ? '' : set.error.message).not.toMatch(/keyring|keychain|GNOME|KWallet/i);
    const session = await web.backend.api.settings.setConnection({
      clientId: 'my-client',
      clientSecret: 'my-secret-value',
      sessionOnly: true,
    });
    expect(session.ok && session.value.secretStorage).toBe('session');
    expect(await readdir(join(dir!, 'user-data'))).not.toContain('secrets.json');
  });

  it('with --store-secrets-in-file keeps them in a file, never in settings.json', async () => {
    const web = await start(true);
    expect(web.notes.join('\n')).toContain('UNENCRYPTED');
    const set = await web.backend.api.settings.setConnection({
      clientId: 'my-client',
      clientSecret: 'my-secret-value',
    });
    expect(set.ok).toBe(true);
    const files = await readdir(join(dir!, 'user-data'));
    expect(files).toContain('secrets.json');
    expect(await readFile(join(dir!, 'user-data', 'settings.json'), 'utf8')).not.toContain('my-secret-value');
    expect(await readFile(join(dir!, 'user-data', 'secrets.json'), 'utf8')).toContain('my-secret-value');
  });

  it('uploads only staged files: a link planted in the staging folder or any other path is refused', async () => {
    const web = await start(false);
    const staging = join(dir!, 'user-data', 'staging', 'batch');
    await mkdir(staging, { recursive: true });
    await symlink('/etc/hostname', join(staging, 'hostname'));
    await writeFile(join(dir!, 'user-data', 'private.txt'), 'not staged');
    const { socket } = await connectWs(web.host);
    const client = createApiClient(createTextTransport(toTextPort(socket!)));
    for (const path of [join(staging, 'hostname'), '/etc/hostname', join(dir!, 'user-data', 'private.txt')]) {
      const result = await client.transfers.upload({
        localPaths: [path],
        remoteParentId: 0,
        conflict: 'keep_both',
      });
      expect(result, path).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const summary = await client.transfers.summary();
    expect(summary.ok && summary.value.total).toBe(0);
    client.close();
  });

  it('tells the page that browser downloads work (the back end hands out links)', async () => {
    const web = await start(false);
    const res = await fetch(`${web.host.origin}/api/config`, {
      headers: { 'x-pandesk-key': web.host.secret },
    });
    expect(await res.json()).toEqual({ browserDownloads: true });
  });

  it('serves browser downloads of a demo file by each download method', async () => {
    const web = await start(false);
    const root = await web.backend.api.files.list({ folderId: 0 });
    const folder = root.ok ? root.value.items.find((e) => e.kind === 'folder') : undefined;
    const inFolder = folder ? await web.backend.api.files.list({ folderId: folder.id }) : undefined;
    const all = [...(root.ok ? root.value.items : []), ...(inFolder?.ok ? inFolder.value.items : [])];
    const file = all.find((e) => e.kind === 'file' && e.size > 10);
    expect(file).toBeDefined();
    // Each request follows a fresh single-use link, minted over the socket as the page does.
    const get = async (headers: Record<string, string> = {}) => {
      const link = await mintDownloadLink(web.host, file!.id);
      return fetch(`${web.host.origin}${link.url}`, { headers, redirect: 'manual' });
    };

    const direct = await get();
    expect(direct.status).toBe(302);
    expect(direct.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);

    expect((await web.backend.api.settings.update({ downloadMethod: 'local_proxy' })).ok).toBe(true);
    const whole = await get();
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(file!.size);
    const part = await get({ range: 'bytes=2-9' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-9/${file!.size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(8);

    expect(
      (
        await web.backend.api.settings.update({
          downloadMethod: 'proxy_url',
          downloadProxyUrl: 'https://dl-proxy.example/',
        })
      ).ok,
    ).toBe(true);
    const proxied = await get();
    expect(proxied.status).toBe(302);
    expect(proxied.headers.get('location')).toMatch(
      /^https:\/\/dl-proxy\.example\/http:\/\/127\.0\.0\.1:\d+\//,
    );
  });
});
