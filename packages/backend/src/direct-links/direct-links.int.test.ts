import { createHash } from 'node:crypto';
import { unwrap } from '@pandesk/contract';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { disposeDemoTemplate, startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';
import type { HarnessOptions } from '../testing/backend-harness';
import { SECRET_KEYS } from '../settings/secret-keys';

let h: Harness | undefined;
afterAll(disposeDemoTemplate);
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');
const fetchBytes = async (url: string): Promise<{ status: number; md5: string }> => {
  const res = await fetch(url);
  return { status: res.status, md5: md5(new Uint8Array(await res.arrayBuffer())) };
};

async function vipDrive(options: HarnessOptions = {}) {
  h = await startHarness({ ...options, fake: { vip: true, ...options.fake } });
  const folder = h.fake.state.addFolder('/public');
  const node = await h.fake.state.addFile('/public/photos/图 1.png', 'png bytes of the picture');
  return { h, folder, node };
}

describe('direct links over fake-pan', () => {
  it('enables a folder, remembers it per drive, hands out a link the CDN serves, and disables it', async () => {
    const { h, folder, node } = await vipDrive();
    expect(unwrap(await h.client.directLinks.status())).toEqual({
      enabledFolderIds: [],
      hasPrivateKey: false,
      signedLinkMinutes: 1440,
    });
    const outside = await h.client.directLinks.url({ fileId: node.id });
    expect(outside).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不在已开启直链') },
    });

    expect(unwrap(await h.client.directLinks.enable({ folderId: folder.id })).enabledFolderIds).toEqual([
      folder.id,
    ]);
    expect(h.fake.cloud.directLinks.isEnabled(folder.id)).toBe(true);
    const link = unwrap(await h.client.directLinks.url({ fileId: node.id }));
    expect(link).toMatchObject({ fileId: node.id, signed: false, expiresAt: null });
    expect(await fetchBytes(link.url)).toEqual({ status: 200, md5: node.md5 });

    // A new launch remembers the folder.
    await h.restart();
    expect(unwrap(await h.client.directLinks.status()).enabledFolderIds).toEqual([folder.id]);

    expect(unwrap(await h.client.directLinks.disable({ folderId: folder.id })).enabledFolderIds).toEqual([]);
    expect(h.fake.cloud.directLinks.isEnabled(folder.id)).toBe(false);
    expect((await h.client.directLinks.url({ fileId: node.id })).ok).toBe(false);
  });

  it('signs links with the stored private key, valid for the chosen minutes', async () => {
    const key = 'Url-Auth-Key-7391';
    const { h, folder, node } = await vipDrive({ fake: { directLinkPrivateKey: key } });
    unwrap(await h.client.directLinks.enable({ folderId: folder.id }));
    const unsigned = unwrap(await h.client.directLinks.url({ fileId: node.id }));
    expect((await fetchBytes(unsigned.url)).status).toBe(403);

    const status = unwrap(await h.client.directLinks.setSigning({ privateKey: key, signedLinkMinutes: 30 }));
    expect(status).toMatchObject({ hasPrivateKey: true, signedLinkMinutes: 30 });
    expect(h.vault.entries()[SECRET_KEYS.directLinkPrivateKey]).toBe(key);
    const before = Date.now();
    const signed = unwrap(await h.client.directLinks.url({ fileId: node.id }));
    expect(signed.signed).toBe(true);
    expect(signed.expiresAt).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(signed.expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    const authKey = new URL(signed.url).searchParams.get('auth_key') ?? '';
    expect(authKey).toMatch(
      new RegExp(`^${Math.floor(signed.expiresAt! / 1000)}-[0-9a-f]{32}-\\d+-[0-9a-f]{32}$`),
    );
    expect(await fetchBytes(signed.url)).toEqual({ status: 200, md5: node.md5 });

    // The key survives a restart, then forgetting it hands out unsigned links again.
    await h.restart();
    expect(unwrap(await h.client.directLinks.status()).hasPrivateKey).toBe(true);
    expect(unwrap(await h.client.directLinks.url({ fileId: node.id })).signed).toBe(true);
    unwrap(await h.client.directLinks.setSigning({ privateKey: null }));
    expect(h.vault.entries()[SECRET_KEYS.directLinkPrivateKey]).toBeUndefined();
    expect(unwrap(await h.client.directLinks.url({ fileId: node.id })).signed).toBe(false);
  });

  it('refuses to keep the private key without encrypted storage, and says why', async () => {
    h = await startHarness({ encryptionAvailable: false, signIn: false });
    const refused = await h.client.directLinks.setSigning({ privateKey: 'some-key-1234' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(JSON.stringify(refused)).not.toContain('some-key-1234');
    expect(unwrap(await h.client.directLinks.status()).hasPrivateKey).toBe(false);
  });

  it("passes a free account's refusal on in words", async () => {
    h = await startHarness();
    const folder = h.fake.state.addFolder('/public');
    const refused = await h.client.directLinks.enable({ folderId: folder.id });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('VIP') } });
    expect(unwrap(await h.client.directLinks.status()).enabledFolderIds).toEqual([]);
  });
});
