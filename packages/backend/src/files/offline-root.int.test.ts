/**
 * The root's last listing, kept on disk, answers while the service cannot be reached: at the
 * next start against a silent service the root and its tree children come from it, bound to
 * the same drive and root; other folders still say the service is not there.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unwrap } from '@pandesk/contract';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { disposeDemoTemplate, signInSettled, startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(disposeDemoTemplate);

const offlineTuning = {
  rateLimits: false,
  retryBaseMs: 20,
  snapshotIntervalMs: 40,
  signIn: { requestTimeoutMs: 600_000, unreachableAfterMs: 600_000 },
};

describe('the root listing for offline use', () => {
  it('answers the root and its folders from the last listing while the service is silent', async () => {
    h = await startHarness({ settleSignIn: false });
    await signInSettled(h.backend);
    const photos = h.fake.state.addFolder('/Photos');
    await h.fake.state.addFile('/notes.txt', 'hello');
    h.fake.state.addFolder('/Photos/2026');
    expect(
      unwrap(await h.client.files.list({ folderId: 0 }))
        .items.map((e) => e.name)
        .sort(),
    ).toEqual(['Photos', 'notes.txt']);

    // The same service, now accepting connections and never answering.
    h.fake.faults.set({ responseDelayMs: 600_000 });
    await h.restart({ tuning: offlineTuning });
    expect(unwrap(await h.client.auth.status()).state).toBe('connecting');
    const page = unwrap(await h.client.files.list({ folderId: 0 }));
    expect(page.items.map((e) => e.name).sort()).toEqual(['Photos', 'notes.txt']);
    expect(page.cursor).toBeNull();
    expect(unwrap(await h.client.files.treeChildren({ folderId: 0 }))).toEqual([
      { id: photos.id, name: 'Photos', parentId: 0 },
    ]);
    expect(await h.client.files.list({ folderId: photos.id })).toMatchObject({
      ok: false,
      error: { code: 'network' },
    });

    const kept = await readFile(join(h.dir, 'user-data', 'root-listing.json'), 'utf8');
    expect(kept).toContain('notes.txt');
    expect(kept).not.toContain(h.fake.clientSecret);
    const token = JSON.parse(h.vault.entries()['pandesk.auth.token']!) as { accessToken: string };
    expect(kept).not.toContain(token.accessToken);
  });

  it('never shows the listing of another client id or root folder', async () => {
    h = await startHarness({ settleSignIn: false });
    await signInSettled(h.backend);
    await h.fake.state.addFile('/mine.txt', 'x');
    unwrap(await h.client.files.list({ folderId: 0 }));
    h.fake.faults.set({ responseDelayMs: 600_000 });
    await h.store.save({ ...h.store.current(), connection: { clientId: 'someone-else', rootFolderId: 0 } });
    await h.restart({ tuning: offlineTuning });
    expect(unwrap(await h.client.auth.status()).state).toBe('connecting');
    expect(await h.client.files.list({ folderId: 0 })).toMatchObject({
      ok: false,
      error: { code: 'network' },
    });
  });

  it('ignores a damaged file, and keeps nothing for the demo drive', async () => {
    h = await startHarness({ signIn: false, settleSignIn: false });
    unwrap(await h.client.files.list({ folderId: 0 }));
    await h.backend.close();
    expect(await readdir(join(h.dir, 'user-data'))).not.toContain('root-listing.json');

    await h.vault.set('pandesk.connection.clientSecret', 'some-secret-1');
    await h.store.save({ ...h.store.current(), connection: { clientId: 'someone', rootFolderId: 0 } });
    h.fake.faults.set({ responseDelayMs: 600_000 });
    const key = JSON.stringify([h.fake.baseUrl, 'someone', 0]);
    for (const damaged of [
      `{"version":1,"key":${JSON.stringify(key)},"items":[{"id":`,
      JSON.stringify({ version: 1, key, savedAt: 1, items: [{ id: 'x', name: 7 }] }),
    ]) {
      await writeFile(join(h.dir, 'user-data', 'root-listing.json'), damaged);
      await h.restart({ tuning: offlineTuning });
      expect(unwrap(await h.client.auth.status()).state).toBe('connecting');
      expect(await h.client.files.list({ folderId: 0 })).toMatchObject({
        ok: false,
        error: { code: 'network' },
      });
    }
  });
});
