/**
 * The sync service against fake-pan: adding a pair (its first plan waits), confirming,
 * watcher-started runs of only the changed folders, lost sign-in and network (waiting, then
 * catching up), resuming a run left open, settling conflicts, pausing and removing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncPairView } from '@pandesk/contract';
import { countActions, createSyncService, planPair } from '@pandesk/sync';
import type { SyncService } from '@pandesk/sync';
import type { SyncKit } from '../testing/sync-kit';
import { startSyncKit } from '../testing/sync-kit';

let kit: SyncKit;
let service: SyncService;
afterEach(async () => {
  await service?.close();
  await kit?.close();
});

interface Harness {
  changes: SyncPairView[][];
  fireWatch: (paths: string[]) => void;
  /** Cloud folders listed, in order. */
  listed: number[];
}

function startService(extra: { retryBaseMs?: number } = {}): Harness {
  const h: Harness = { changes: [], fireWatch: () => undefined, listed: [] };
  const remote = kit.deps.remote;
  service = createSyncService({
    ...kit.deps,
    remote: {
      ...remote,
      list(folderId, signal) {
        h.listed.push(folderId);
        return remote.list(folderId, signal);
      },
    },
    watch: (_root, onChange) => {
      h.fireWatch = onChange;
      return async () => undefined;
    },
    onChange: (pairs) => h.changes.push([...pairs]),
    ...extra,
  });
  service.start();
  return h;
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const view = (id: string) => service.list().find((p) => p.id === id) as SyncPairView;

describe('sync service', () => {
  it('adds a pair whose first plan waits, does it once confirmed, and records the run', async () => {
    kit = await startSyncKit({ mode: 'backup' });
    kit.store.pairs.remove('pair-1');
    const h = startService();
    kit.writeLocal('a.txt', 'A');
    const pair = await service.add(baseConfig(kit));
    await service.whenIdle();
    expect(view(pair.id).state).toBe('awaiting_confirmation');
    const plan = service.plan(pair.id);
    expect(plan).toMatchObject({ reason: 'first_run', counts: { uploads: 1, bytesUp: 1 }, totalActions: 1 });
    expect(plan?.actions[0]).toMatchObject({ kind: 'upload', path: 'a.txt', state: 'pending' });
    expect(kit.remoteTree().size).toBe(0);
    service.confirmPlan(pair.id, plan?.planId as string, true);
    await until('the run', () => view(pair.id).lastRun !== null);
    await service.whenIdle();
    expect(kit.remoteTree()).toEqual(new Map([['a.txt', 'A']]));
    expect(view(pair.id)).toMatchObject({
      state: 'idle',
      lastRun: { outcome: 'completed', counts: { uploads: 1 } },
    });
    expect(service.history(pair.id)).toHaveLength(1);
    expect(h.changes.some((c) => c.some((p) => p.state === 'running'))).toBe(true);
    // Adding the same folder or the same cloud folder again is refused.
    await expect(service.add(baseConfig(kit))).rejects.toThrow(/overlaps|already syncs/);
  });

  it('runs only the changed folders when the watcher reports, and does nothing for an unchanged tree', async () => {
    kit = await startSyncKit({ mode: 'two_way' });
    kit.store.pairs.setConfig('pair-1', {
      ...kit.pair.config,
      schedule: { kind: 'continuous', minutes: 60 },
    });
    kit.writeLocal('docs/old.txt', 'O');
    await kit.sync();
    const h = startService();
    await service.whenIdle();
    const items = kit.engine.getSummary().total;
    h.listed.length = 0;
    kit.writeLocal('docs/new.txt', 'N');
    h.fireWatch(['docs/new.txt']);
    await until('the upload', () => kit.remoteTree().has('docs/new.txt'));
    await service.whenIdle();
    expect(kit.engine.getSummary().total).toBe(items + 1);
    // Only the changed folder was listed in the cloud, not the pair's root.
    expect(h.listed).toEqual([kit.pan.state.find('/pair/docs')?.id]);
    expect(view('pair-1').lastRun?.counts.uploads).toBe(1);
  });

  it('waits while signed out or offline and catches up afterwards', async () => {
    kit = await startSyncKit({ mode: 'backup' });
    kit.writeLocal('a.txt', 'A');
    await kit.sync();
    startService({ retryBaseMs: 50 });
    await service.whenIdle();
    service.setOnline(false);
    kit.writeLocal('b.txt', 'B');
    service.runNow('pair-1');
    expect(view('pair-1')).toMatchObject({ state: 'waiting', problem: { code: 'auth_required' } });
    service.setOnline(true);
    await until('b.txt in the cloud', () => kit.remoteTree().has('b.txt'));
    await service.whenIdle();
    kit.pan.faults.set({ rawHttpErrorNext: 1000, rawHttpErrorStatus: 503 });
    kit.writeLocal('c.txt', 'C');
    service.runNow('pair-1');
    await until('waiting on the network', () => view('pair-1').state === 'waiting');
    expect(view('pair-1').problem?.code).toBe('network');
    kit.pan.faults.reset();
    await until('c.txt in the cloud', () => kit.remoteTree().has('c.txt'));
    await service.whenIdle();
    expect(view('pair-1')).toMatchObject({ state: 'idle', problem: null });
  });

  it('resumes at start a run that was left open', async () => {
    kit = await startSyncKit({ mode: 'backup' });
    kit.writeLocal('x.txt', 'X');
    await kit.sync();
    kit.writeLocal('y.txt', 'Y');
    const planned = await planPair(kit.deps, kit.pair, null, new AbortController().signal);
    kit.store.runs.create(
      {
        id: 'left-open',
        pairId: 'pair-1',
        startedAt: 1,
        state: 'running',
        counts: countActions(planned.plan.actions),
        reason: null,
        problems: [],
        scan: null,
      },
      planned.plan.actions,
    );
    startService();
    await until('the resumed run', () => kit.remoteTree().has('y.txt'));
    await service.whenIdle();
    expect(kit.store.runs.get('left-open')?.outcome).toBe('completed');
  });

  it('settles conflicts: keep the local version, or the cloud one, on both sides', async () => {
    kit = await startSyncKit({ mode: 'two_way' });
    kit.writeLocal('a.txt', 'A');
    kit.writeLocal('b.txt', 'B');
    await kit.sync();
    kit.writeLocal('a.txt', 'A local');
    kit.writeLocal('b.txt', 'B local');
    await kit.writeRemote('a.txt', 'A cloud');
    await kit.writeRemote('b.txt', 'B cloud');
    await kit.sync();
    startService();
    const conflicts = service.conflicts('pair-1');
    expect(conflicts.map((c) => c.path).sort()).toEqual(['a.txt', 'b.txt']);
    const a = conflicts.find((c) => c.path === 'a.txt');
    const b = conflicts.find((c) => c.path === 'b.txt');
    service.resolveConflict('pair-1', a?.id as string, 'keep_local');
    await service.whenIdle();
    service.resolveConflict('pair-1', b?.id as string, 'keep_cloud');
    await service.whenIdle();
    const want = new Map([
      ['a.txt', 'A local'],
      ['b.txt', 'B cloud'],
    ]);
    expect(kit.localTree()).toEqual(want);
    expect(kit.remoteTree()).toEqual(want);
    expect(kit.remoteBin()).toEqual(expect.arrayContaining(['A cloud', 'B local']));
    expect(kit.localTrash()).toEqual(expect.arrayContaining(['A cloud', 'B local']));
    expect(service.conflicts('pair-1')).toEqual([]);
  });

  it('pauses every pair, and forgets a removed pair without touching its files', async () => {
    kit = await startSyncKit({ mode: 'backup' });
    kit.writeLocal('a.txt', 'A');
    await kit.sync();
    startService();
    await service.whenIdle();
    service.pauseAll(true);
    expect(view('pair-1')).toMatchObject({ state: 'paused', paused: true, nextRunAt: null });
    service.pauseAll(false);
    expect(view('pair-1').nextRunAt).not.toBeNull();
    await service.remove('pair-1');
    expect(service.list()).toEqual([]);
    expect(kit.store.base.count('pair-1')).toBe(0);
    expect(kit.localTree().get('a.txt')).toBe('A');
    expect(kit.remoteTree().get('a.txt')).toBe('A');
  });
});

function baseConfig(k: SyncKit) {
  return {
    localPath: k.local,
    remoteFolderId: k.remoteId,
    remotePath: '/pair',
    mode: 'backup' as const,
    deletions: 'ignore' as const,
    schedule: { kind: 'interval' as const, minutes: 60 },
    confirmAbove: 50,
  };
}
