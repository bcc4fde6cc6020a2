import { unwrap } from '@pandesk/contract';
import type { FileEntry } from '@pandesk/contract';
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

async function listAll(folderId: number): Promise<FileEntry[]> {
  let page = unwrap(await h.client.files.list({ folderId }));
  const items = [...page.items];
  while (page.cursor !== null) {
    page = unwrap(await h.client.files.listMore({ folderId, cursor: page.cursor }));
    items.push(...page.items);
  }
  return items;
}

/** Restarts the back end with a proxy fetch that records the proxy of every request, then goes direct. */
async function restartWithRecordingProxy(): Promise<string[]> {
  const proxied: string[] = [];
  await h.restart({
    proxyFetch: (proxyUrl) =>
      ((input, init) => {
        proxied.push(proxyUrl);
        return fetch(input, init);
      }) as typeof fetch,
  });
  return proxied;
}

describe('files against fake-pan', () => {
  it('signs in with the stored developer credentials', async () => {
    const status = unwrap(await h.client.auth.status());
    expect(status.state).toBe('signed_in');
    if (status.state === 'signed_in') expect(status.account.quota.totalBytes).toBeGreaterThan(0);
  });

  it('streams a large folder page by page, then answers from the cache', async () => {
    const folder = h.fake.state.addFolder('/big');
    for (let i = 0; i < 230; i++)
      await h.fake.state.addFile(`/big/f${String(i).padStart(3, '0')}.txt`, `x${i}`);
    const first = unwrap(await h.client.files.list({ folderId: folder.id }));
    expect(first.items.length).toBeLessThanOrEqual(100);
    expect(first.cursor).not.toBeNull();
    const all = await listAll(folder.id);
    expect(all).toHaveLength(230);
    expect(new Set(all.map((e) => e.id)).size).toBe(230);
    // Second visit: from the cache (one page, bigger than the service's), still complete.
    const cached = await listAll(folder.id);
    expect(cached.map((e) => e.id).sort()).toEqual(all.map((e) => e.id).sort());
  });

  it('revalidates a cached folder and emits folder:changed when it changed elsewhere', async () => {
    const folder = h.fake.state.addFolder('/reval');
    await h.fake.state.addFile('/reval/a.txt', 'a');
    expect(await listAll(folder.id)).toHaveLength(1);
    await h.fake.state.addFile('/reval/b.txt', 'b');
    const changed = h.waitFor('folder:changed', (c) => c.folderIds.includes(folder.id));
    const stale = unwrap(await h.client.files.list({ folderId: folder.id }));
    expect(stale.items).toHaveLength(1);
    await changed;
    expect((await listAll(folder.id)).map((e) => e.name).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('answers a fresh listing past the cache, and says so when the service fails', async () => {
    const folder = h.fake.state.addFolder('/fresh');
    await h.fake.state.addFile('/fresh/a.txt', 'a');
    expect(await listAll(folder.id)).toHaveLength(1);
    await h.fake.state.addFile('/fresh/b.txt', 'b');
    const current = unwrap(await h.client.files.list({ folderId: folder.id, fresh: true }));
    expect(current.items.map((e) => e.name).sort()).toEqual(['a.txt', 'b.txt']);
    h.fake.faults.set({ rawHttpErrorNext: 1000, rawHttpErrorStatus: 502 });
    // The cached listing still answers a plain visit; a refresh the user asked for reports the outage.
    expect(unwrap(await h.client.files.list({ folderId: folder.id })).items).toHaveLength(2);
    expect(await h.client.files.list({ folderId: folder.id, fresh: true })).toMatchObject({
      ok: false,
      error: { code: 'network', reason: 'service_unavailable', retryable: true, detail: { httpStatus: 502 } },
    });
  });

  it('searches inside the root folder only, answering the folders on the way to each hit', async () => {
    const work = h.fake.state.addFolder('/Work');
    const deep = h.fake.state.addFolder('/Work/2025/Q1');
    await h.fake.state.addFile('/Work/2025/Q1/report.txt', 'in');
    await h.fake.state.addFile('/Work/report top.txt', 'in');
    await h.fake.state.addFile('/Private/report.txt', 'out');
    const everywhere = unwrap(await h.client.files.search({ query: 'report' }));
    expect(everywhere.items.map((e) => e.name).sort()).toEqual([
      'report top.txt',
      'report.txt',
      'report.txt',
    ]);
    unwrap(await h.client.settings.setConnection({ rootFolderId: work.id }));
    await h.waitFor('auth:changed', (s) => s.state === 'signed_in');
    const inside = unwrap(await h.client.files.search({ query: 'report' }));
    expect(inside.items.map((e) => e.name).sort()).toEqual(['report top.txt', 'report.txt']);
    expect(inside.items.find((e) => e.name === 'report.txt')?.parentId).toBe(deep.id);
    expect(inside.folders.map((f) => f.name).sort()).toEqual(['2025', 'Q1']);
    expect(inside.folders.find((f) => f.name === '2025')?.parentId).toBe(work.id);
  });

  it('creates, renames, moves and lists the tree, announcing each change', async () => {
    const made = h.waitFor('folder:changed', (c) => c.folderIds.includes(0));
    const { id: a } = unwrap(await h.client.files.mkdir({ parentId: 0, name: 'Alpha' }));
    await made;
    const { id: b } = unwrap(await h.client.files.mkdir({ parentId: 0, name: 'Beta' }));
    const tree = unwrap(await h.client.files.treeChildren({ folderId: 0 }));
    expect(tree.map((n) => n.name)).toEqual(expect.arrayContaining(['Alpha', 'Beta']));
    unwrap(await h.client.files.rename({ id: a, name: 'Alpha 2' }));
    expect(unwrap(await h.client.files.detail({ id: a })).name).toBe('Alpha 2');
    const moved = h.waitFor('folder:changed', (c) => c.folderIds.includes(b) && c.folderIds.includes(0));
    unwrap(await h.client.files.move({ ids: [a], targetFolderId: b }));
    await moved;
    expect((await listAll(b)).map((e) => e.name)).toEqual(['Alpha 2']);
    expect((await listAll(0)).some((e) => e.id === a)).toBe(false);
  });

  it('refuses bad names before any request and reports conflicts', async () => {
    const bad = await h.backend.api.files.mkdir({ parentId: 0, name: 'a/b' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_name' } });
    unwrap(await h.client.files.mkdir({ parentId: 0, name: 'Same' }));
    expect(await h.client.files.mkdir({ parentId: 0, name: 'Same' })).toMatchObject({
      ok: false,
      error: { code: 'name_conflict' },
    });
  });

  it('trashes, lists the bin, restores and deletes for good; trashed items never show as live', async () => {
    const node = await h.fake.state.addFile('/bin-test.txt', 'hello');
    expect((await listAll(0)).some((e) => e.id === node.id)).toBe(true);
    const trashed = h.waitFor('folder:changed', (c) => c.trashChanged && c.folderIds.includes(0));
    unwrap(await h.client.files.trash({ ids: [node.id] }));
    await trashed;
    expect((await listAll(0)).some((e) => e.id === node.id)).toBe(false);
    const bin = unwrap(await h.client.files.listTrash({}));
    expect(bin.items.map((e) => e.id)).toContain(node.id);
    expect(unwrap(await h.client.files.detail({ id: node.id })).trashed).toBe(true);
    expect(unwrap(await h.client.files.restore({ ids: [node.id] }))).toEqual({
      restored: [node.id],
      needsTarget: [],
    });
    expect((await listAll(0)).some((e) => e.id === node.id)).toBe(true);
    unwrap(await h.client.files.trash({ ids: [node.id] }));
    unwrap(await h.client.files.deleteForever({ ids: [node.id] }));
    const after = unwrap(await h.client.files.listTrash({}));
    expect(after.items.map((e) => e.id)).not.toContain(node.id);
  });

  it('searches the drive and reports the quota', async () => {
    await h.fake.state.addFile('/docs/holiday-plan.txt', 'plan');
    const found = unwrap(await h.client.files.search({ query: 'holiday' }));
    expect(found.items.map((e) => e.name)).toContain('holiday-plan.txt');
    const quota = unwrap(await h.client.files.quota());
    expect(quota.usedBytes).toBe(h.fake.state.spaceUsed());
    expect(quota.totalBytes).toBeGreaterThan(quota.usedBytes);
  });

  it('answers not_found for a missing item and refuses foreign cursors', async () => {
    expect(await h.client.files.detail({ id: 987654321 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await h.client.files.listMore({ folderId: 0, cursor: 't.2' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('sends service traffic through the host-provided proxy fetch once httpProxy is set', async () => {
    const proxied = await restartWithRecordingProxy();
    unwrap(await h.client.files.list({ folderId: 0 }));
    expect(proxied).toEqual([]);
    unwrap(await h.client.settings.update({ httpProxy: 'http://user:proxy-pw-1@proxy.test:3128' }));
    unwrap(await h.client.files.mkdir({ parentId: 0, name: 'via proxy' }));
    expect(proxied.length).toBeGreaterThan(0);
    expect(proxied[0]).toBe('http://user:proxy-pw-1@proxy.test:3128/');
  });

  it('streams the bytes hosts fetch themselves (cdnFetch) as web Responses, through the proxy once httpProxy is set', async () => {
    const proxied = await restartWithRecordingProxy();
    const file = await h.fake.state.addFile('/via-proxy.txt', 'proxied bytes');
    const url = unwrap(await h.backend.downloadUrl(file.id));
    // A WHATWG Response with a web stream: the hosts' routes pipe it with Readable.fromWeb.
    const direct = await h.backend.cdnFetch(url, { headers: { range: 'bytes=8-' } });
    expect(direct).toBeInstanceOf(Response);
    expect(direct.status).toBe(206);
    const reader = direct.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(Buffer.concat(chunks).toString()).toBe('bytes');
    expect(proxied).toEqual([]);
    unwrap(await h.client.settings.update({ httpProxy: 'http://proxy.test:3128' }));
    const again = unwrap(await h.backend.downloadUrl(file.id));
    proxied.length = 0;
    expect(await (await h.backend.cdnFetch(again)).text()).toBe('proxied bytes');
    expect(proxied).toEqual(['http://proxy.test:3128']);
  });
});
