import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../testing/fake-bridge';
import { createBrowserStore } from './browser-store';
import type { BrowserStore } from './browser-store';

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`timed out waiting for ${what}`);
};
const names = (store: BrowserStore): string[] => store.getState().entries.map((e) => e.name);

describe('browser store', () => {
  it('shows the first page at once and streams the rest', async () => {
    const bridge = createFakeBridge({ pageSize: 10, seed: false });
    bridge.drive.addMany(0, 35);
    const release = bridge.holdListMore();
    const store = createBrowserStore(bridge);
    store.getState().setRoot(0);
    await until(() => store.getState().status === 'streaming', 'first page');
    expect(store.getState().entries).toHaveLength(10);
    release();
    await until(() => store.getState().status === 'complete', 'complete listing');
    expect(store.getState().entries).toHaveLength(35);
    expect(names(store)[0]).toBe('file-00001.bin');
    expect(bridge.calls.filter((c) => c === 'files.listMore')).toHaveLength(3);
  });

  it('ignores pages of a folder it already left', async () => {
    const bridge = createFakeBridge({ pageSize: 5 });
    const docs = [...bridge.drive.items.values()].find((i) => i.entry.name === 'Documents')!.entry;
    bridge.drive.addMany(0, 20);
    const release = bridge.holdListMore();
    const store = createBrowserStore(bridge);
    store.getState().setRoot(0);
    await until(() => store.getState().status === 'streaming', 'first page');
    store.getState().navigate({ kind: 'folder', folderId: docs.id });
    release();
    await until(() => store.getState().status === 'complete', 'docs listing');
    expect(names(store)).toEqual(['Reports', 'notes.txt']);
  });

  it('keeps history for back, forward and up, and learns folder names for breadcrumbs', async () => {
    const bridge = createFakeBridge();
    const store = createBrowserStore(bridge);
    store.getState().setRoot(0);
    await until(() => store.getState().status === 'complete', 'root');
    const docs = store.getState().entries.find((e) => e.name === 'Documents')!;
    expect(store.getState().known.get(docs.id)?.name).toBe('Documents');
    store.getState().navigate({ kind: 'folder', folderId: docs.id });
    await until(() => names(store).includes('notes.txt'), 'docs');
    store.getState().goBack();
    await until(() => names(store).includes('readme.md'), 'back at root');
    store.getState().goForward();
    await until(() => names(store).includes('notes.txt'), 'forward to docs');
    store.getState().goUp();
    await until(() => names(store).includes('readme.md'), 'up to root');
    expect(store.getState().back.map((l) => (l.kind === 'folder' ? l.folderId : -1))).toEqual([0, docs.id]);
  });

  it('serves a visited folder from cache and revalidates it after a change', async () => {
    const bridge = createFakeBridge();
    const store = createBrowserStore(bridge);
    store.getState().setRoot(0);
    await until(() => store.getState().status === 'complete', 'root');
    const docs = store.getState().entries.find((e) => e.name === 'Documents')!;
    store.getState().navigate({ kind: 'folder', folderId: docs.id });
    await until(() => names(store).includes('notes.txt'), 'docs');
    store.getState().goBack();
    expect(names(store)).toContain('readme.md');
    await until(() => !store.getState().revalidating, 'revalidated');
    bridge.drive.add({ name: 'new.txt', parentId: 0 });
    store.getState().onFolderChange({ folderIds: [0], trashChanged: false });
    await until(() => names(store).includes('new.txt'), 'reload after change');
  });

  it('reports a listing failure and recovers on refresh', async () => {
    const bridge = createFakeBridge();
    bridge.failNext('files.list', { code: 'network', message: 'Connection reset.', retryable: true });
    const store = createBrowserStore(bridge);
    store.getState().setRoot(0);
    await until(() => store.getState().status === 'error', 'error');
    expect(store.getState().error?.code).toBe('network');
    store.getState().refresh();
    await until(() => store.getState().status === 'complete', 'recovered');
    expect(names(store)).toContain('readme.md');
  });

  it('lists the recycle bin and search results through the same stream', async () => {
    const bridge = createFakeBridge();
    const readme = [...bridge.drive.items.values()].find((i) => i.entry.name === 'readme.md')!.entry;
    bridge.drive.trash([readme.id]);
    const store = createBrowserStore(bridge);
    store.getState().setRoot(0);
    await until(() => store.getState().status === 'complete', 'root');
    expect(names(store)).not.toContain('readme.md');
    store.getState().navigate({ kind: 'trash' });
    await until(() => store.getState().status === 'complete' && names(store).includes('readme.md'), 'trash');
    store.getState().navigate({ kind: 'search', query: 'beach' });
    await until(
      () => store.getState().status === 'complete' && names(store).join() === 'beach.jpg',
      'search',
    );
  });
});
