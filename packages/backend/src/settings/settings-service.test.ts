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

async function setup(
  options: { encryption?: boolean; initial?: Record<string, unknown>; host?: 'electron' | 'web' } = {},
) {
  const dir = await temp.make();
  const store = createMemorySettingsStore(options.initial);
  const vault = createMemorySecretVault({ encryptionAvailable: options.encryption ?? true });
  const learned: string[] = [];
  const service = await createSettingsService({
    store,
    vault,
    ...(options.host === undefined ? {} : { host: options.host }),
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

  it('without storage, keeps secrets in memory until the process ends once the user chooses so', async () => {
    const { service, vault, store, learned } = await setup({ encryption: false });
    const e = await refusal(service.setConnection({ clientId: 'cid', clientSecret: 'first-secret' }));
    expect(e.message).toMatch(/only until PanDesk stops/);
    await service.setConnection({ clientId: 'cid', clientSecret: 'first-secret', sessionOnly: true });
    expect(service.view().secretStorage).toBe('session');
    expect(service.connection()).toMatchObject({ clientId: 'cid', clientSecret: 'first-secret' });
    expect(service.view().connection.hasClientSecret).toBe(true);
    expect(learned).toContain('first-secret');
    // Later changes need no flag; proxy passwords and tokens stay in memory too.
    await service.setConnection({ accessToken: 'token-value' });
    await service.update({ httpProxy: 'http://user:proxy-pw@proxy.local:3128' });
    await service.vault.set(SECRET_KEYS.token, '{"record":1}');
    expect(await service.vault.get(SECRET_KEYS.token)).toBe('{"record":1}');
    expect(service.effectiveProxy('httpProxy')).toContain('user:proxy-pw@proxy.local:3128');
    // Nothing reached the host's vault or the settings document.
    expect(vault.entries()).toEqual({});
    const stored = JSON.stringify(store.current());
    for (const secret of ['first-secret', 'token-value', 'proxy-pw', 'record'])
      expect(stored).not.toContain(secret);
    // A late keychain does not pick them up: the user was told they would be asked again.
    vault.setEncryptionAvailable(true);
    expect(service.view().secretStorage).toBe('session');
    await service.setConnection({ refreshToken: 'refresh-value' });
    expect(vault.entries()).toEqual({});
  });

  it('forgets session secrets at the next start (a new process)', async () => {
    const first = await setup({ encryption: false });
    await first.service.setConnection({ clientId: 'cid', clientSecret: 'gone-later', sessionOnly: true });
    const next = await createSettingsService({
      store: first.store,
      vault: first.vault,
      defaultDownloadFolder: first.dir,
      checkDownloadFolder: async () => undefined,
      onSecret: () => undefined,
    });
    expect(next.view().secretStorage).toBe('unavailable');
    expect(next.connection()).toMatchObject({ clientId: 'cid', clientSecret: null });
  });

  it('refuses "session only" where secrets are stored encrypted, and stays unavailable when the change is refused', async () => {
    const encrypted = await setup();
    const e = await refusal(encrypted.service.setConnection({ clientSecret: 'x1', sessionOnly: true }));
    expect(e.code).toBe('invalid_input');
    expect(encrypted.service.view().secretStorage).toBe('encrypted');
    const plain = await setup({ encryption: false });
    await refusal(
      plain.service.setConnection({ clientSecret: 'x2', sessionOnly: true }, async () =>
        Promise.reject(new ApiException('invalid_input', 'root folder missing')),
      ),
    );
    expect(plain.service.view().secretStorage).toBe('unavailable');
    expect(plain.service.connection().clientSecret).toBeNull();
  });

  it('says what to do in the words of each host: no keyring talk in the browser host', async () => {
    const web = await setup({ encryption: false, host: 'web' });
    const webWords = (await refusal(web.service.setConnection({ clientSecret: 'abcdef' }))).message;
    expect(webWords).toMatch(/--store-secrets-in-file/);
    expect(webWords).toMatch(/only until PanDesk stops/);
    expect(webWords).not.toMatch(/keyring|keychain|GNOME|KWallet/i);
    const desktop = await setup({ encryption: false, host: 'electron' });
    const desktopWords = (await refusal(desktop.service.setConnection({ clientSecret: 'abcdef' }))).message;
    expect(desktopWords).toMatch(/keychain/);
    expect(desktopWords).toMatch(/only until PanDesk stops/);
    expect(desktop.service.noStorageMessage()).toBe(desktopWords);
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
