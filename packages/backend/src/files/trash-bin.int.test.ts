import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unwrap } from '@pandesk/contract';
import type { FileEntry } from '@pandesk/contract';
import { createMemoryTokenStore, createPanClient } from '@pandesk/open-api';
import type { PanClient } from '@pandesk/open-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function binIds(): Promise<number[]> {
  let page = unwrap(await h.client.files.listTrash({}));
  const items: FileEntry[] = [...page.items];
  while (page.cursor !== null) {
    page = unwrap(await h.client.files.listTrash({ cursor: page.cursor }));
    items.push(...page.items);
  }
  const ids = items.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  return ids;
}

async function folderIds(folderId: number): Promise<number[]> {
  let page = unwrap(await h.client.files.list({ folderId }));
  const ids = page.items.map((e) => e.id);
  while (page.cursor !== null) {
    page = unwrap(await h.client.files.listMore({ folderId, cursor: page.cursor }));
    ids.push(...page.items.map((e) => e.id));
  }
  return ids;
}

async function ledgerIds(): Promise<number[]> {
  const uid = (await otherClient().user.info()).uid;
  const text = await readFile(join(h.dir, 'user-data', `trash-ledger-${uid}.json`), 'utf8');
  return (JSON.parse(text) as { ids: number[] }).ids;
}

/** Another client of the same drive (the web, a phone app). */
function otherClient(): PanClient {
  return createPanClient({
    baseUrl: h.fake.baseUrl,
    credentials: { kind: 'client', clientId: h.fake.clientId, clientSecret: h.fake.clientSecret },
    tokenStore: createMemoryTokenStore(),
    rateTable: false,
  });
}

describe('recycle bin with items trashed in sub-folders', () => {
  it('lists a file trashed from a nested folder, restores it, then deletes it for good', async () => {
    const nested = await h.fake.state.addFile('/projects/2026/notes.txt', 'nested');
    const atRoot = await h.fake.state.addFile('/top.txt', 'top');
    unwrap(await h.client.files.trash({ ids: [nested.id, atRoot.id] }));
    expect(await ledgerIds()).toEqual([nested.id, atRoot.id]);

    const bin = await binIds();
    expect(bin).toContain(nested.id);
    expect(bin).toContain(atRoot.id);
    const entry = unwrap(await h.client.files.listTrash({})).items.find((e) => e.id === nested.id);
    expect(entry).toMatchObject({ name: 'notes.txt', parentId: nested.parentId });

    // The ledger survives a restart of the back end.
    await h.restart();
    expect(await binIds()).toContain(nested.id);

    expect(unwrap(await h.client.files.restore({ ids: [nested.id] }))).toEqual({
      restored: [nested.id],
      needsTarget: [],
    });
    expect(await folderIds(nested.parentId)).toContain(nested.id);
    expect(await binIds()).not.toContain(nested.id);
    expect(await ledgerIds()).not.toContain(nested.id);

    unwrap(await h.client.files.trash({ ids: [nested.id] }));
    expect(await binIds()).toContain(nested.id);
    unwrap(await h.client.files.deleteForever({ ids: [nested.id] }));
    expect(await binIds()).not.toContain(nested.id);
    expect(await ledgerIds()).not.toContain(nested.id);
    expect(await h.client.files.detail({ id: nested.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('forgets items restored or deleted by another client when the bin is listed', async () => {
    const a = await h.fake.state.addFile('/deep/a/one.txt', '1');
    const b = await h.fake.state.addFile('/deep/b/two.txt', '2');
    const c = await h.fake.state.addFile('/deep/c/three.txt', '3');
    unwrap(await h.client.files.trash({ ids: [a.id, b.id, c.id] }));
    const other = otherClient();
    await other.files.recover([a.id]);
    await other.files.deleteForever([b.id]);

    const bin = await binIds();
    expect(bin).toContain(c.id);
    expect(bin).not.toContain(a.id);
    expect(bin).not.toContain(b.id);
    expect(await ledgerIds()).toEqual([c.id]);

    // All remembered ids gone at once (infos answers 5066 for the whole call): the ledger empties.
    await other.files.deleteForever([c.id]);
    expect(await binIds()).not.toContain(c.id);
    expect(await ledgerIds()).toEqual([]);
  });

  it('restoring into a chosen folder also clears the ledger entry', async () => {
    const node = await h.fake.state.addFile('/old/place/file.txt', 'x');
    const target = h.fake.state.addFolder('/new-place');
    unwrap(await h.client.files.trash({ ids: [node.id] }));
    unwrap(await h.client.files.restore({ ids: [node.id], targetFolderId: target.id }));
    expect(await ledgerIds()).toEqual([]);
    expect(await folderIds(target.id)).toContain(node.id);
    expect(await binIds()).not.toContain(node.id);
  });
});
