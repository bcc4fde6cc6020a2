/**
 * Changes on both sides between two runs, names differing only in case, names the service
 * refuses, and the plan that waits for confirmation, against fake-pan.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPair } from '@pandesk/sync';
import type { SyncKit } from '../testing/sync-kit';
import { startSyncKit } from '../testing/sync-kit';

let kit: SyncKit;
afterEach(async () => kit?.close());

const COPY = /^a \(conflict, test-host, \d{4}-\d\d-\d\d \d\d-\d\d-\d\d\)\.txt$/;

async function seeded(): Promise<void> {
  kit = await startSyncKit({ mode: 'two_way' });
  kit.writeLocal('a.txt', 'A');
  await kit.sync();
}

describe('two-way with changes on both sides', () => {
  it('keeps both versions of a file changed on both sides, on both sides', async () => {
    await seeded();
    kit.writeLocal('a.txt', 'local edit');
    await kit.writeRemote('a.txt', 'cloud edit');
    await kit.sync();
    const local = kit.localTree();
    expect(local).toEqual(kit.remoteTree());
    expect(local.get('a.txt')).toBe('cloud edit');
    const copy = [...local.keys()].find((k) => COPY.test(k));
    expect(copy, [...local.keys()].join(', ')).toBeDefined();
    expect(local.get(copy as string)).toBe('local edit');
    expect(kit.store.runs.conflicts('pair-1')).toEqual([
      expect.objectContaining({ path: 'a.txt', copyPath: copy }),
    ]);
    expect(await kit.sync()).toBe('nothing');
  });

  it('lets a change beat a deletion, and a rename meet a change', async () => {
    await seeded();
    kit.writeLocal('b.txt', 'B');
    await kit.sync();
    renameSync(join(kit.local, 'a.txt'), join(kit.local, 'renamed.txt'));
    await kit.writeRemote('a.txt', 'A2');
    await kit.client.files.trash([(kit.pan.state.find('/pair/b.txt') as { id: number }).id]);
    kit.writeLocal('b.txt', 'B2');
    await kit.sync();
    const want = new Map([
      ['renamed.txt', 'A2'],
      ['b.txt', 'B2'],
    ]);
    expect(kit.localTree()).toEqual(want);
    expect(kit.remoteTree()).toEqual(want);
    expect(kit.localTrash()).toContain('A');
  });

  it('makes a folder deleted on one side again when a file in it changed on the other', async () => {
    kit = await startSyncKit({ mode: 'two_way' });
    kit.writeLocal('d/c.txt', 'C1');
    kit.writeLocal('d/e.txt', 'E1');
    kit.writeLocal('f/g.txt', 'G1');
    kit.writeLocal('f/h.txt', 'H1');
    await kit.sync();
    // The cloud loses d while d/c.txt changes here; this computer loses f while f/g.txt changes in the cloud.
    await kit.client.files.trash([(kit.pan.state.find('/pair/d') as { id: number }).id]);
    kit.writeLocal('d/c.txt', 'C2');
    rmSync(join(kit.local, 'f'), { recursive: true });
    await kit.writeRemote('f/g.txt', 'G2');
    expect(await kit.sync()).toBe('finished');
    const want = new Map([
      ['d', 'dir'],
      ['d/c.txt', 'C2'],
      ['f', 'dir'],
      ['f/g.txt', 'G2'],
    ]);
    expect(kit.localTree()).toEqual(want);
    expect(kit.remoteTree()).toEqual(want);
    expect(kit.store.runs.history('pair-1', 1)[0]?.outcome).toBe('completed');
    // The unchanged files of the deleted folders follow the deletion, into the trash and the bin.
    expect(kit.localTrash()).toContain('E1');
    expect(kit.remoteBin()).toEqual(expect.arrayContaining(['H1', 'C1']));
    expect(await kit.sync()).toBe('nothing');
  });

  it('keeps both of two new files made under one name', async () => {
    await seeded();
    kit.writeLocal('n.txt', 'mine');
    await kit.writeRemote('n.txt', 'theirs');
    await kit.sync();
    const local = kit.localTree();
    expect(local).toEqual(kit.remoteTree());
    expect([...local.values()]).toEqual(expect.arrayContaining(['mine', 'theirs']));
  });
});

describe('names', () => {
  it('syncs names that differ only in case where the local file system tells them apart', async () => {
    kit = await startSyncKit({ mode: 'two_way' });
    kit.writeLocal('Case.txt', 'upper');
    await kit.writeRemote('case.txt', 'lower');
    await kit.sync();
    const want = new Map([
      ['Case.txt', 'upper'],
      ['case.txt', 'lower'],
    ]);
    expect(kit.localTree()).toEqual(want);
    expect(kit.remoteTree()).toEqual(want);
  });

  it('reports a cloud name that differs only in case where the local file system folds case, and does not loop on it', async () => {
    kit = await startSyncKit({ mode: 'mirror_down', caseInsensitive: true });
    await kit.writeRemote('Photo.jpg', 'one');
    await kit.writeRemote('photo.jpg', 'two');
    await kit.sync();
    expect(kit.localTree()).toEqual(new Map([['Photo.jpg', 'one']]));
    expect(kit.pair.itemProblems).toEqual([
      expect.objectContaining({
        path: 'photo.jpg',
        reason: 'sync_case_clash',
        params: { other: 'Photo.jpg' },
      }),
    ]);
    expect(await kit.sync()).toBe('nothing');
  });

  it('reports local names the service refuses, without trying them again and again', async () => {
    kit = await startSyncKit({ mode: 'backup' });
    kit.writeLocal('good.txt', 'G');
    kit.writeLocal('bad:name.txt', 'X');
    kit.writeLocal('what?/inside.txt', 'Y');
    await kit.sync();
    expect(kit.remoteTree()).toEqual(new Map([['good.txt', 'G']]));
    expect(kit.pair.itemProblems.map((p) => [p.path, p.code, p.reason, p.params])).toEqual([
      ['bad:name.txt', 'invalid_name', 'sync_name_refused', { name: 'bad:name.txt' }],
      ['what?', 'invalid_name', 'sync_name_refused', { name: 'what?' }],
    ]);
    const items = kit.engine.getSummary().total;
    expect(await kit.sync()).toBe('nothing');
    expect(kit.engine.getSummary().total).toBe(items);
    const [run] = kit.store.runs.history('pair-1', 1);
    expect(run?.outcome).toBe('completed');
  });
});

describe('confirmation', () => {
  it('waits with the first plan, and with one that would trash more than the pair allows', async () => {
    kit = await startSyncKit({ mode: 'two_way', confirmAbove: 1 });
    kit.writeLocal('a.txt', 'A');
    kit.writeLocal('b.txt', 'B');
    const hooks = {
      signal: new AbortController().signal,
      scope: null,
      manual: false,
      onPhase: () => undefined,
      onProgress: () => undefined,
    };
    expect(await runPair(kit.deps, kit.pair, hooks)).toBe('awaiting_confirmation');
    expect(kit.remoteTree()).toEqual(new Map());
    expect(kit.store.runs.open('pair-1')).toMatchObject({
      reason: 'first_run',
      state: 'awaiting_confirmation',
    });
    // A scheduled run leaves the waiting plan alone; confirming does it.
    expect(await runPair(kit.deps, kit.pair, hooks)).toBe('awaiting_confirmation');
    await kit.sync();
    expect(kit.remoteTree().size).toBe(2);
    // One deletion is allowed without asking; two are not.
    await kit.client.files.trash([(kit.pan.state.find('/pair/a.txt') as { id: number }).id]);
    expect(await runPair(kit.deps, kit.pair, hooks)).toBe('finished');
    kit.writeLocal('c.txt', 'C');
    await kit.sync();
    for (const name of ['b.txt', 'c.txt'])
      await kit.client.files.trash([(kit.pan.state.find(`/pair/${name}`) as { id: number }).id]);
    expect(await runPair(kit.deps, kit.pair, hooks)).toBe('awaiting_confirmation');
    expect(kit.store.runs.open('pair-1')?.reason).toBe('above_threshold');
    expect(kit.localTree().size).toBe(2);
  });
});
