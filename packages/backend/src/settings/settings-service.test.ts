import { writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { ApiException } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDirs } from '../testing/temp-dirs';
import { createMemorySecretVault, createMemorySettingsStore } from '../testing';
import { checkWritableFolder } from './check-folder';
import { SECRET_KEYS } from './secret-keys';
import { createSettingsService } from './settings-service';

const temp = createTempDirs('pandesk-settings-');
afterEach(() => temp.cleanup());

async function setup(options: { encryption?: boolean; initial?: Record<string, unknown> } = {}) {
  const dir = await temp.make();
  const store = createMemorySettingsStore(options.initial);
  const vault = createMemorySecretVault({ encryptionAvailable: options.encryption ?? true });
  const learned: string[] = [];
  const service = await createSettingsService({
    store,
    vault,
    defaultDownloadFolder: dir,
    checkDownloadFolder: (p) => checkWritableFolder(fsp, p),
    onSecret: (v) => learned.push(v),
  });
  return { dir, store, vault, service, learned };
}

async function refusal(p: Promise<unknown>): Promise<ApiException> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiException);
  return error as ApiException;
}

describe('settings service', () => {
  it('starts from defaults and saves patches', async () => {
    const { service, store, dir } = await setup();
    expect(service.settings().downloadFolder).toBe(dir);
    const view = await service.update({ theme: 'dark', uploadConcurrency: 5 });
    expect(view.theme).toBe('dark');
    expect((store.current()?.settings as Record<string, unknown>).uploadConcurrency).toBe(5);
  });

  it('refuses invalid merged settings with the field name', async () => {
    const { service } = await setup();
    const e = await refusal(service.update({ downloadMethod: 'proxy_url' }));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('downloadProxyUrl');
  });

  it('refuses a download folder that is missing or a file', async () => {
    const { service, dir } = await setup();
    expect((await refusal(service.update({ downloadFolder: join(dir, 'nope') }))).message).toMatch(
      /does not exist/,
    );
    const file = join(dir, 'f.txt');
    await writeFile(file, 'x');
    expect((await refusal(service.update({ downloadFolder: file }))).message).toMatch(/is a file/);
  });

  it('keeps proxy passwords only in the vault and shows the URL without them', async () => {
    const { service, store, vault } = await setup();
    const view = await service.update({ httpProxy: 'http://alice:pa55word@proxy.local:8080' });
    expect(view.httpProxy).toBe('http://alice@proxy.local:8080/');
    expect(JSON.stringify(store.current())).not.toContain('pa55word');
    expect(vault.entries()[SECRET_KEYS.httpProxyPassword]).toBe('pa55word');
    expect(service.effectiveProxy('httpProxy')).toBe('http://alice:pa55word@proxy.local:8080/');
    // Sending the shown URL back keeps the stored password; another host drops it.
    await service.update({ httpProxy: view.httpProxy });
    expect(service.effectiveProxy('httpProxy')).toContain('pa55word');
    await service.update({ httpProxy: 'http://alice@other.local:8080' });
    expect(service.effectiveProxy('httpProxy')).not.toContain('pa55word');
    expect(vault.entries()[SECRET_KEYS.httpProxyPassword]).toBeUndefined();
  });

  it('stores connection secrets in the vault, never in the settings store', async () => {
    const { service, store, vault, learned } = await setup();
    await service.setConnection({ clientId: 'cid', clientSecret: 'the-secret-1', rootFolderId: 7 });
    expect(service.view().connection).toEqual({
      clientId: 'cid',
      hasClientSecret: true,
      hasAccessToken: false,
      hasRefreshToken: false,
      rootFolderId: 7,
    });
    expect(JSON.stringify(store.current())).not.toContain('the-secret-1');
    expect(vault.entries()[SECRET_KEYS.clientSecret]).toBe('the-secret-1');
    expect(learned).toContain('the-secret-1');
    await service.setConnection({ clientSecret: null });
    expect(vault.entries()[SECRET_KEYS.clientSecret]).toBeUndefined();
  });

  it('validates connection patches even without the dispatcher', async () => {
    const { service } = await setup();
    const e = await refusal(service.setConnection({ rootFolderId: -1 }));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('rootFolderId');
    expect((await refusal(service.setConnection({ clientSecret: 'has space' }))).message).not.toContain(
      'has space',
    );
  });

  it('does not save a connection the accept step refuses', async () => {
    const { service } = await setup();
    const e = await refusal(
      service.setConnection({ rootFolderId: 9 }, async () =>
        Promise.reject(new ApiException('invalid_input', 'missing')),
      ),
    );
    expect(e.message).toBe('missing');
    expect(service.connection().rootFolderId).toBe(0);
  });

  it('tells the renderer whether secrets can be stored encrypted', async () => {
    const { service } = await setup();
    expect(service.view().secretStorage).toBe('encrypted');
    expect((await service.update({ theme: 'dark' })).secretStorage).toBe('encrypted');
  });

  it('refuses to store secrets without OS encryption, and says so', async () => {
    const { service, vault } = await setup({ encryption: false });
    expect(service.view().secretStorage).toBe('unavailable');
    const e = await refusal(service.setConnection({ clientId: 'cid', clientSecret: 'abcdef' }));
    expect(e.code).toBe('unsupported');
    expect(e.message).toMatch(/secure storage/);
    expect(vault.entries()).toEqual({});
    await expect(service.setConnection({ clientId: 'cid' })).resolves.toMatchObject({ clientId: 'cid' });
    expect((await refusal(service.update({ httpProxy: 'http://u:pw@h.local' }))).code).toBe('unsupported');
  });

  it('reads a damaged document field by field', async () => {
    const { service } = await setup({
      initial: {
        settings: { theme: 'dark', uploadConcurrency: 999 },
        connection: { clientId: 'x', rootFolderId: -3 },
        places: [{ id: 'a', name: 'A', path: '/a' }, 5],
      },
    });
    expect(service.settings().theme).toBe('dark');
    expect(service.settings().uploadConcurrency).toBe(3);
    expect(service.connection()).toMatchObject({ clientId: 'x', rootFolderId: 0 });
    expect(service.places()).toEqual([{ id: 'a', name: 'A', path: '/a' }]);
  });
});
