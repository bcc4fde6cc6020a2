import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../testing/fake-bridge';
import { createTreeStore } from './tree-store';

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  if (!check()) throw new Error('timed out');
};

describe('tree store', () => {
  it('loads children lazily, sorted, and flattens only expanded folders', async () => {
    const bridge = createFakeBridge();
    const tree = createTreeStore(bridge);
    tree.getState().reset(0, 'My drive');
    await until(() => tree.getState().nodes.get(0)?.children !== null);
    const names = () =>
      tree
        .getState()
        .visible()
        .map((v) => tree.getState().nodes.get(v.id)?.name);
    expect(names()).toEqual(['My drive', 'Documents', 'Photos']);
    const [docs, photos] = tree.getState().nodes.get(0)!.children!;
    // The shown folders are looked into quietly: a leaf is known before anyone opens it.
    await until(() => tree.getState().nodes.get(photos!)?.children !== null);
    await until(() => tree.getState().nodes.get(docs!)?.children !== null);
    expect(tree.getState().nodes.get(photos!)?.children).toEqual([]);
    expect(tree.getState().nodes.get(docs!)?.children).toHaveLength(1);
    expect(tree.getState().nodes.get(docs!)?.loading).toBe(false);
    const treeCalls = () => bridge.calls.filter((c) => c === 'files.treeChildren').length;
    expect(treeCalls()).toBe(3);
    await tree.getState().expand(docs!);
    expect(names()).toEqual(['My drive', 'Documents', 'Reports', 'Photos']);
    expect(tree.getState().visible()[2]?.depth).toBe(2);
    // Opening Documents looks into Reports; collapsing and opening again asks nothing more.
    await until(() => treeCalls() === 4);
    tree.getState().collapse(docs!);
    await tree.getState().expand(docs!);
    expect(treeCalls()).toBe(4);
  });

  it('reloads loaded folders after a change and keeps errors per node', async () => {
    const bridge = createFakeBridge();
    const tree = createTreeStore(bridge);
    tree.getState().reset(0, 'root');
    await until(() => tree.getState().nodes.get(0)?.children !== null);
    bridge.drive.add({ name: 'Music', parentId: 0, kind: 'folder' });
    await tree.getState().reload([0, 12345]);
    expect(tree.getState().nodes.get(0)?.children).toHaveLength(3);
    const music = tree.getState().nodes.get(0)!.children![1]!;
    expect(tree.getState().nodes.get(music)?.name).toBe('Music');
    bridge.failNext('files.treeChildren', { code: 'rate_limited', message: 'Slow down.' });
    await tree.getState().expand(music);
    expect(tree.getState().nodes.get(music)?.error?.code).toBe('rate_limited');
  });
});

describe('tree reveal', () => {
  it('expands the ancestors of a folder opened elsewhere and focuses it', async () => {
    const bridge = createFakeBridge();
    const tree = createTreeStore(bridge);
    tree.getState().reset(0, 'root');
    await until(() => tree.getState().nodes.get(0)?.children !== null);
    const docs = tree.getState().nodes.get(0)!.children![0]!;
    await tree.getState().expand(docs);
    const reports = tree.getState().nodes.get(docs)!.children![0]!;
    tree.getState().collapse(docs);
    tree.getState().collapse(0);
    await tree.getState().reveal([0, docs, reports]);
    expect(
      tree
        .getState()
        .visible()
        .map((v) => v.id),
    ).toContain(reports);
    expect(tree.getState().focusedId).toBe(reports);
    await tree.getState().reveal([0, 999_999, 5]);
    expect(tree.getState().focusedId).toBe(reports);
  });
});
