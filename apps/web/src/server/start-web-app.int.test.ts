import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, createTextTransport } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebApp } from './start-web-app';
import type { WebApp } from './start-web-app';
import { connectWs } from './testing/host-kit';
import { toTextPort } from './ws-bridge';

let dir: string | undefined;
let app: WebApp | undefined;
afterEach(async () => {
  await app?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  app = undefined;
  dir = undefined;
});

async function start(storeSecretsInFile: boolean): Promise<WebApp> {
  dir = await mkdtemp(join(tmpdir(), 'pandesk-webapp-'));
  const staticDir = join(dir, 'dist');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>PanDesk</title>');
  app = await startWebApp({ userData: join(dir, 'user-data'), downloadDir: join(dir, 'downloads'), staticDir, storeSecretsInFile });
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

  it('without --store-secrets-in-file refuses to keep secrets, and says why', async () => {
    const web = await start(false);
    const set = await web.backend.api.settings.setConnection({ clientId: 'my-client', clientSecret: 'my-secret-value' });
    expect(set.ok ? undefined : set.error.code).toBe('unsupported');
    expect(await readdir(join(dir!, 'user-data'))).not.toContain('secrets.json');
  });

  it('with --store-secrets-in-file keeps them in a file, never in settings.json', async () => {
    const web = await start(true);
    expect(web.notes.join('\n')).toContain('UNENCRYPTED');
    const set = await web.backend.api.settings.setConnection({ clientId: 'my-client', clientSecret: 'my-secret-value' });
    expect(set.ok).toBe(true);
    const files = await readdir(join(dir!, 'user-data'));
    expect(files).toContain('secrets.json');
    expect(await readFile(join(dir!, 'user-data', 'settings.json'), 'utf8')).not.toContain('my-secret-value');
    expect(await readFile(join(dir!, 'user-data', 'secrets.json'), 'utf8')).toContain('my-secret-value');
  });

  it('tells the page whether browser downloads work', async () => {
    const web = await start(false);
    const res = await fetch(`${web.host.origin}/api/config`, { headers: { 'x-pandesk-key': web.host.secret } });
    expect(await res.json()).toEqual({ browserDownloads: false });
  });
});
