import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSecretVault } from './file-secret-vault';
import { createJsonSettingsStore } from './json-settings-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandesk-stores-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createJsonSettingsStore', () => {
  it('answers undefined first, then what was saved, across instances', async () => {
    const file = join(dir, 'data', 'settings.json');
    expect(await createJsonSettingsStore(file).load()).toBeUndefined();
    await createJsonSettingsStore(file).save({ theme: 'dark', nested: { a: 1 } });
    expect(await createJsonSettingsStore(file).load()).toEqual({ theme: 'dark', nested: { a: 1 } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('moves a corrupt file aside and starts from defaults', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '{ not json');
    expect(await createJsonSettingsStore(file).load()).toBeUndefined();
    expect((await readdir(dir)).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('serialises concurrent saves (the last one wins, no temp files left)', async () => {
    const file = join(dir, 'settings.json');
    const store = createJsonSettingsStore(file);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save({ n: i })));
    expect(await store.load()).toEqual({ n: 19 });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});

describe('createFileSecretVault', () => {
  it('by default says there is no encryption and refuses to store', async () => {
    const vault = createFileSecretVault(join(dir, 'secrets.json'), { allowFileStorage: false });
    expect(vault.isEncryptionAvailable()).toBe(false);
    await expect(vault.set('k', 'v')).rejects.toThrow('--store-secrets-in-file');
    expect(await readdir(dir)).toEqual([]);
  });

  it('with file storage allowed, keeps values in a 0600 file across instances', async () => {
    const file = join(dir, 'secrets.json');
    const vault = createFileSecretVault(file, { allowFileStorage: true });
    expect(vault.isEncryptionAvailable()).toBe(true);
    await vault.set('pandesk.a', 'secret-1');
    await vault.set('pandesk.b', 'secret-2');
    await vault.delete('pandesk.a');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const again = createFileSecretVault(file, { allowFileStorage: true });
    expect(await again.get('pandesk.a')).toBeUndefined();
    expect(await again.get('pandesk.b')).toBe('secret-2');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ 'pandesk.b': 'secret-2' });
  });
});
