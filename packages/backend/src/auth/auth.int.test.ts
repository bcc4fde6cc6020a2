import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unwrap } from '@pandesk/contract';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { disposeDemoTemplate, startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(disposeDemoTemplate);

describe('auth and connection settings', () => {
  it('opens the demo drive when no credentials are set, and switches to the real drive with one settings change', async () => {
    h = await startHarness({ signIn: false });
    const demo = unwrap(await h.client.auth.status());
    expect(demo.state).toBe('demo');
    const root = unwrap(await h.client.files.list({ folderId: 0 }));
    expect(root.items.length).toBeGreaterThan(0);
    const signedIn = h.waitFor('auth:changed', (s) => s.state === 'signed_in');
    const view = unwrap(
      await h.client.settings.setConnection({ clientId: h.fake.clientId, clientSecret: h.fake.clientSecret }),
    );
    expect(view.connection).toMatchObject({ clientId: h.fake.clientId, hasClientSecret: true });
    await signedIn;
    // The real (fake-pan) drive starts empty, unlike the demo drive.
    expect(unwrap(await h.client.files.list({ folderId: 0 })).items).toEqual([]);
    expect(unwrap(await h.client.auth.useDemo()).state).toBe('demo');
    expect(unwrap(await h.client.files.list({ folderId: 0 })).items.length).toBeGreaterThan(0);
    expect(unwrap(await h.client.auth.signIn()).state).toBe('signed_in');
  });

  it('reuses the stored token across restarts instead of minting another', async () => {
    h = await startHarness();
    const token = h.vault.entries()['pandesk.auth.token'];
    expect(token).toBeDefined();
    await h.restart();
    expect(unwrap(await h.client.auth.status()).state).toBe('signed_in');
    expect(h.vault.entries()['pandesk.auth.token']).toBe(token);
  });

  it('says the credentials were refused', async () => {
    h = await startHarness();
    const refused = h.waitFor('auth:changed', (s) => s.state === 'auth_required');
    // A changed secret drops the stored token, so the new secret is really tested.
    unwrap(await h.client.settings.setConnection({ clientSecret: 'wrong-secret-123' }));
    await refused;
    expect(h.vault.entries()['pandesk.auth.token']).toBeUndefined();
    const status = unwrap(await h.client.auth.signIn());
    expect(status).toMatchObject({
      state: 'auth_required',
      problem: 'rejected',
      reason: 'credentials_rejected',
    });
    if (status.state === 'auth_required') expect(status.message).toMatch(/client ID and client secret/);
    expect(await h.client.files.list({ folderId: 0 })).toMatchObject({
      ok: false,
      error: { code: 'auth_required', reason: 'credentials_rejected' },
    });
    await h.backend.close();
    const logDir = join(h.dir, 'logs');
    const logs = (
      await Promise.all((await readdir(logDir)).map((f) => readFile(join(logDir, f), 'utf8')))
    ).join('');
    expect(logs).toMatch(/api auth\.\S+ attempt 1: auth_required/);
    expect(logs).toContain('sign-in failed (rejected)');
    expect(logs).not.toContain('wrong-secret-123');
  });

  it('says the service is unreachable', async () => {
    h = await startHarness({ signIn: false });
    await h.restart({ apiBaseUrl: 'http://127.0.0.1:9' });
    unwrap(await h.client.settings.setConnection({ clientId: 'someone', clientSecret: 'some-secret-1' }));
    const status = unwrap(await h.client.auth.signIn());
    expect(status).toMatchObject({
      state: 'auth_required',
      problem: 'unreachable',
      reason: 'service_unreachable',
      params: { host: '127.0.0.1:9' },
    });
    if (status.state === 'auth_required') expect(status.message).toMatch(/Could not reach/);
    // Other calls say the same cause, as a network problem (transfers wait; nothing to fix in settings).
    expect(await h.client.files.list({ folderId: 5 })).toMatchObject({
      ok: false,
      error: { code: 'network', reason: 'service_unreachable' },
    });
  });

  it('refuses a root folder that is missing or a file, and reports it on sign-in', async () => {
    h = await startHarness();
    const file = await h.fake.state.addFile('/note.txt', 'x');
    const folder = h.fake.state.addFolder('/Work');
    const missing = await h.client.settings.setConnection({ rootFolderId: 99999999 });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', reason: 'root_folder_missing', params: { id: 99999999 } },
    });
    const notFolder = await h.client.settings.setConnection({ rootFolderId: file.id });
    expect(notFolder).toMatchObject({
      ok: false,
      error: { reason: 'root_folder_is_file', params: { id: file.id, name: 'note.txt' } },
    });
    expect(
      unwrap(await h.client.settings.setConnection({ rootFolderId: folder.id })).connection.rootFolderId,
    ).toBe(folder.id);
    // Stored directly (e.g. before the folder was deleted): sign-in reports it.
    await h.store.save({
      ...h.store.current(),
      connection: { clientId: h.fake.clientId, rootFolderId: 88888888 },
    });
    await h.restart();
    const status = unwrap(await h.client.auth.status());
    expect(status).toMatchObject({
      state: 'auth_required',
      problem: 'rejected',
      reason: 'root_folder_missing',
      params: { id: 88888888 },
    });
  });

  it('refuses to store secrets without OS encryption and says so in the status', async () => {
    h = await startHarness({ signIn: false, encryptionAvailable: false });
    expect(unwrap(await h.client.settings.get()).secretStorage).toBe('unavailable');
    const refused = await h.client.settings.setConnection({ clientId: 'abc', clientSecret: 'some-secret-1' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'unsupported', reason: 'secret_storage_unavailable' },
    });
    expect(h.vault.entries()).toEqual({});
    const status = unwrap(await h.client.auth.signIn());
    expect(status).toMatchObject({
      state: 'auth_required',
      problem: 'no_credentials',
      reason: 'secret_storage_unavailable',
    });
    if (status.state === 'auth_required') expect(status.message).toMatch(/only until PanDesk stops/);
  });

  it('signs in until the app stops without secret storage; the next start asks again', async () => {
    h = await startHarness({ signIn: false, encryptionAvailable: false });
    const signedIn = h.waitFor('auth:changed', (s) => s.state === 'signed_in');
    const view = unwrap(
      await h.client.settings.setConnection({
        clientId: h.fake.clientId,
        clientSecret: h.fake.clientSecret,
        sessionOnly: true,
      }),
    );
    expect(view).toMatchObject({ secretStorage: 'session', connection: { hasClientSecret: true } });
    await signedIn;
    expect(unwrap(await h.client.files.list({ folderId: 0 })).items).toEqual([]);
    // Neither the secret nor the minted token reached the vault or the settings document.
    expect(h.vault.entries()).toEqual({});
    expect(JSON.stringify(h.store.current())).not.toContain(h.fake.clientSecret);
    await h.restart();
    const after = unwrap(await h.client.settings.get());
    expect(after).toMatchObject({ secretStorage: 'unavailable', connection: { hasClientSecret: false } });
    // Without a secret the app opens on the demo drive; the client id is still filled in.
    expect(unwrap(await h.client.auth.status()).state).toBe('demo');
    expect(after.connection.clientId).toBe(h.fake.clientId);
  });

  it('signs out: forgets secrets and tokens, keeps the client id', async () => {
    h = await startHarness();
    const status = unwrap(await h.client.auth.signOut());
    expect(status).toMatchObject({ state: 'auth_required', reason: 'signed_out' });
    const view = unwrap(await h.client.settings.get());
    expect(view.secretStorage).toBe('encrypted');
    expect(view.connection).toMatchObject({
      clientId: h.fake.clientId,
      hasClientSecret: false,
      hasAccessToken: false,
      hasRefreshToken: false,
    });
    expect(Object.keys(h.vault.entries())).toEqual([]);
  });

  it('validates settings changes with clear messages', async () => {
    h = await startHarness();
    const bad = await h.client.settings.update({ downloadFolder: join(h.dir, 'missing') });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        reason: 'local_folder_missing',
        params: { path: join(h.dir, 'missing') },
      },
    });
    await writeFile(join(h.dir, 'file.bin'), 'x');
    expect(await h.client.settings.update({ downloadFolder: join(h.dir, 'file.bin') })).toMatchObject({
      ok: false,
    });
    const proxy = await h.client.settings.update({ downloadMethod: 'proxy_url' });
    expect(proxy).toMatchObject({
      ok: false,
      error: { reason: 'invalid_setting', params: { field: 'downloadProxyUrl' } },
    });
    const changed = h.waitFor('settings:changed', (v) => v.theme === 'dark');
    expect(unwrap(await h.client.settings.update({ theme: 'dark', uploadConcurrency: 2 })).theme).toBe(
      'dark',
    );
    await changed;
  });
});
