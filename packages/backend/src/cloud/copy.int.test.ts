import { unwrap } from '@pandesk/contract';
import type { CloudTask, ConflictPolicy } from '@pandesk/contract';
import { createManualClock } from '@pandesk/contract/testing';
import type { FakePan } from '@pandesk/fake-pan';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness, HarnessOptions } from '../testing/backend-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Live children of a folder as name → md5 ('' for folders), sorted by name. */
function listing(fake: FakePan, path: string): [string, string][] {
  return fake.state
    .list(path)
    .filter((n) => !n.trashed)
    .map((n): [string, string] => [n.name, n.md5])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** Starts a copy and waits until its task is finished; answers the finished task. */
async function copyAndWait(
  harness: Harness,
  ids: number[],
  targetFolderId: number,
  conflict: ConflictPolicy,
): Promise<CloudTask> {
  const started = unwrap(await harness.client.files.copy({ ids, targetFolderId, conflict }));
  if (started.state !== 'running') return started;
  const snapshot = await harness.waitFor('cloud:changed', (s) =>
    s.tasks.some((t) => t.id === started.id && t.state !== 'running'),
  );
  return snapshot.tasks.find((t) => t.id === started.id)!;
}

async function world(options: HarnessOptions = {}) {
  h = await startHarness(options);
  const a = await h.fake.state.addFile('/Src/a.txt', 'alpha from source');
  const b = await h.fake.state.addFile('/Src/b.txt', 'bravo');
  const c = await h.fake.state.addFile('/Src/c.bin', new Uint8Array(5000).fill(7));
  await h.fake.state.addFile('/Src/docs/inner/deep.md', '# deep');
  const docs = h.fake.state.find('/Src/docs')!;
  const dest = h.fake.state.addFolder('/Dest');
  return { h, a, b, c, docs, dest };
}

describe('copy over fake-pan', () => {
  it('copies three files and a folder with its contents into another folder', async () => {
    const { h, a, b, c, docs, dest } = await world();
    const changed = h.waitFor('folder:changed', (f) => f.folderIds.includes(dest.id));
    const task = await copyAndWait(h, [a.id, b.id, c.id, docs.id], dest.id, 'keep_both');
    expect(task).toMatchObject({
      kind: 'copy',
      state: 'completed',
      title: 'a.txt (+3)',
      problems: [],
      counts: { total: 4, copied: 4, skipped: 0, failed: 0 },
    });
    await changed;
    expect(listing(h.fake, '/Dest')).toEqual(listing(h.fake, '/Src'));
    expect(listing(h.fake, '/Dest/docs/inner')).toEqual(listing(h.fake, '/Src/docs/inner'));
    // The sources are untouched and no staging folder is left anywhere.
    expect(listing(h.fake, '/Src').map(([n]) => n)).toEqual(['a.txt', 'b.txt', 'c.bin', 'docs']);
    expect(h.fake.state.list('/Dest').some((n) => n.name.startsWith('.pandesk-copy'))).toBe(false);
  });

  for (const clash of ['keep_both', 'error'] as const) {
    describe(`when the service ${clash === 'error' ? 'refuses' : 'renames'} clashing copies`, () => {
      const options = { fake: { switches: { copyNameClash: clash } } };

      it('keep both: copies get free names, the items already there stay', async () => {
        const { h, a, docs } = await world(options);
        const old = await h.fake.state.addFile('/Dest/a.txt', 'old a');
        h.fake.state.addFolder('/Dest/docs');
        const task = await copyAndWait(h, [a.id, docs.id], h.fake.state.find('/Dest')!.id, 'keep_both');
        expect(task).toMatchObject({
          state: 'completed',
          counts: { total: 2, copied: 2, skipped: 0, failed: 0 },
        });
        expect(listing(h.fake, '/Dest').map(([n]) => n)).toEqual(['a.txt', 'a(1).txt', 'docs', 'docs(1)']);
        expect(h.fake.state.find('/Dest/a.txt')?.id).toBe(old.id);
        expect(h.fake.state.find('/Dest/a(1).txt')?.md5).toBe(a.md5);
        expect(listing(h.fake, '/Dest/docs(1)/inner')).toEqual(listing(h.fake, '/Src/docs/inner'));
        expect(h.fake.state.list('/Dest').some((n) => n.name.startsWith('.pandesk-copy'))).toBe(false);
      });

      it('overwrite: the item holding the name goes to the recycle bin after its copy exists', async () => {
        const { h, a, b } = await world(options);
        const old = await h.fake.state.addFile('/Dest/a.txt', 'old a');
        const dest = h.fake.state.find('/Dest')!;
        const trashChanged = h.waitFor(
          'folder:changed',
          (f) => f.trashChanged && f.folderIds.includes(dest.id),
        );
        const task = await copyAndWait(h, [a.id, b.id], dest.id, 'overwrite');
        expect(task).toMatchObject({ state: 'completed', counts: { total: 2, copied: 2, failed: 0 } });
        await trashChanged;
        expect(listing(h.fake, '/Dest')).toEqual([
          ['a.txt', a.md5],
          ['b.txt', b.md5],
        ]);
        expect(h.fake.state.get(old.id)?.trashed).toBe(true);
        // PanDesk's recycle bin shows the replaced file (it is not in the root).
        const bin = unwrap(await h.client.files.listTrash({})).items.map((e) => e.id);
        expect(bin).toContain(old.id);
        expect(bin.some((id) => h!.fake.state.get(id)?.name.startsWith('.pandesk-copy'))).toBe(false);
      });

      it('skip: clashing items are left out and counted', async () => {
        const { h, a, b } = await world(options);
        const old = await h.fake.state.addFile('/Dest/a.txt', 'old a');
        const task = await copyAndWait(h, [a.id, b.id], h.fake.state.find('/Dest')!.id, 'skip');
        expect(task).toMatchObject({
          state: 'completed',
          counts: { total: 2, copied: 1, skipped: 1, failed: 0 },
        });
        expect(listing(h.fake, '/Dest')).toEqual([
          ['a.txt', old.md5],
          ['b.txt', b.md5],
        ]);
      });
    });
  }

  it('copying an item into its own folder makes a second copy', async () => {
    const { h, a } = await world({ fake: { switches: { copyNameClash: 'error' } } });
    const task = await copyAndWait(h, [a.id], a.parentId, 'skip');
    expect(task.state).toBe('completed');
    expect(listing(h.fake, '/Src').slice(0, 2)).toEqual([
      ['a.txt', a.md5],
      ['a(1).txt', a.md5],
    ]);
  });

  it('copies one file with the async copy where the single copy is not offered', async () => {
    const { h, b, dest } = await world({ fake: { switches: { copyOneAvailable: false } } });
    const task = await copyAndWait(h, [b.id], dest.id, 'keep_both');
    expect(task.state).toBe('completed');
    expect(listing(h.fake, '/Dest')).toEqual([['b.txt', b.md5]]);
  });

  it("follows the async copy's progress: pending, running, done", async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 3, 1) });
    const { h, docs, dest } = await world({
      fake: { clock, faults: { asyncCopyPendingMs: 1000, asyncCopyRunMs: 1000 } },
    });
    const started = unwrap(
      await h.client.files.copy({ ids: [docs.id], targetFolderId: dest.id, conflict: 'skip' }),
    );
    const status = (s: { tasks: readonly CloudTask[] }) => s.tasks.find((t) => t.id === started.id);
    await h.waitFor('cloud:changed', (s) => status(s)?.serviceStatus === 0);
    expect(status({ tasks: unwrap(await h.client.cloud.tasks()) })).toMatchObject({
      state: 'running',
      phase: 'copying',
    });
    await clock.advance(1000);
    await h.waitFor('cloud:changed', (s) => status(s)?.serviceStatus === 1);
    expect(h.fake.state.find('/Dest/docs')).toBeUndefined();
    await clock.advance(1000);
    const done = await h.waitFor('cloud:changed', (s) => status(s)?.state === 'completed');
    expect(status(done)?.serviceStatus).toBe(2);
    expect(listing(h.fake, '/Dest/docs/inner')).toEqual(listing(h.fake, '/Src/docs/inner'));
  });

  it('a copy PanDesk was following when it stopped is marked interrupted after the restart', async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 3, 1) });
    const { h, docs, dest } = await world({ fake: { clock, faults: { asyncCopyPendingMs: 60_000 } } });
    const started = unwrap(
      await h.client.files.copy({ ids: [docs.id], targetFolderId: dest.id, conflict: 'skip' }),
    );
    await h.waitFor('cloud:changed', (s) =>
      s.tasks.some((t) => t.id === started.id && t.serviceStatus === 0),
    );
    await h.restart();
    const [task] = unwrap(await h.client.cloud.tasks());
    expect(task).toMatchObject({
      id: started.id,
      state: 'failed',
      problems: [{ code: 'cancelled', reason: 'cloud_task_interrupted' }],
    });
  });

  it('fails the task with the reason when the service refuses, and copies nothing', async () => {
    const { h, c, dest } = await world();
    h.fake.faults.set({ quotaBytes: h.fake.state.spaceUsed() + 10 });
    const task = await copyAndWait(h, [c.id], dest.id, 'keep_both');
    expect(task).toMatchObject({ state: 'failed', counts: { copied: 0, failed: 1 } });
    // The service's refusal keeps open-api's reason and the service's own words for the details.
    expect(task.problems).toMatchObject([
      { code: 'quota', reason: 'space_exhausted', detail: { serviceMessage: expect.any(String) } },
    ]);
    expect(listing(h.fake, '/Dest')).toEqual([]);
  });

  it('brings a replaced original back when its copy cannot be moved in', async () => {
    // Trashed items still hold their names here, so the move of the copy is refused.
    const { h, a } = await world({ fake: { switches: { trashedBlocksNames: true } } });
    const old = await h.fake.state.addFile('/Dest/a.txt', 'old a');
    const task = await copyAndWait(h, [a.id], h.fake.state.find('/Dest')!.id, 'overwrite');
    expect(task).toMatchObject({ state: 'failed', counts: { copied: 0, failed: 1 } });
    expect(task.problems).toMatchObject([
      { reason: 'copy_placement_failed', params: { count: 1 }, retryable: false },
    ]);
    expect(h.fake.state.get(old.id)?.trashed).toBe(false);
    expect(listing(h.fake, '/Dest')).toEqual([['a.txt', old.md5]]);
  });

  it('refuses a copy whose items are all gone', async () => {
    const { h, dest } = await world();
    const refused = await h.client.files.copy({
      ids: [987654321],
      targetFolderId: dest.id,
      conflict: 'skip',
    });
    expect(refused).toMatchObject({
      ok: false,
      // The service itself says the id names nothing.
      error: { code: 'not_found', reason: 'item_not_found' },
    });
  });
});
