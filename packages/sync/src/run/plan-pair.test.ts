import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncRemoteError } from '../ports';
import type { SyncRemote } from '../ports';
import type { PairRecord } from '../store/pair-store';
import { openSyncStore } from '../store/sync-store';
import type { SyncStore } from '../store/sync-store';
import { createMemoryRemote } from '../testing/memory-remote';
import type { TestJournal } from '../testing/journal-db';
import { openTestJournal } from '../testing/journal-db';
import { planPair } from './plan-pair';

let j: TestJournal;
let local: string;
afterEach(async () => {
  await j?.close();
  rmSync(local, { recursive: true, force: true });
});

function pairIn(store: SyncStore, remoteFolderId: number): PairRecord {
  store.pairs.add({
    id: 'p',
    config: {
      localPath: local,
      remoteFolderId,
      remotePath: '/r',
      mode: 'two_way',
      deletions: 'ignore',
      schedule: { kind: 'interval', minutes: 5 },
      confirmAbove: 10,
    },
    paused: false,
    createdAt: 1,
    caseInsensitive: false,
  });
  return store.pairs.get('p') as PairRecord;
}

describe('planning a pair', () => {
  it('reports a failed cloud scan as itself (not as the abort of the local side it causes), and remembers no hash', async () => {
    j = openTestJournal();
    local = mkdtempSync(join(tmpdir(), 'pandesk-plan-'));
    for (let d = 0; d < 20; d++) {
      mkdirSync(join(local, `d${d}`));
      for (let f = 0; f < 20; f++) writeFileSync(join(local, `d${d}`, `f${f}.txt`), `file ${d}/${f}`);
    }
    const store = openSyncStore(j.db());
    const memory = createMemoryRemote();
    const signedOut: SyncRemote = {
      ...memory,
      // A listing that fails before its first page.
      // eslint-disable-next-line require-yield
      async *list() {
        throw new SyncRemoteError('auth', 'Signed out.');
      },
    };
    const hashed: number[] = [];
    const planning = planPair(
      {
        store,
        remote: signedOut,
        host: 'h',
        now: () => 0,
        listRate: () => 5,
        onHashed: (n) => hashed.push(n),
      },
      pairIn(store, memory.rootId),
      null,
      new AbortController().signal,
    );
    await expect(planning).rejects.toMatchObject({ name: 'SyncRemoteError', kind: 'auth' });
    expect(hashed).toEqual([]);
    expect(store.base.hashes('p').size).toBe(0);
  });

  it('hashes every new local file once and plans them against the cloud', async () => {
    j = openTestJournal();
    local = mkdtempSync(join(tmpdir(), 'pandesk-plan-'));
    writeFileSync(join(local, 'a.txt'), 'A');
    writeFileSync(join(local, 'b.txt'), 'B');
    const store = openSyncStore(j.db());
    const remote = createMemoryRemote();
    remote.addFile(remote.rootId, 'c.txt', 1, 'cc');
    const hashed: number[] = [];
    const deps = {
      store,
      remote,
      host: 'h',
      now: () => 0,
      listRate: () => 5,
      onHashed: (n: number) => hashed.push(n),
    };
    const pair = pairIn(store, remote.rootId);
    const first = await planPair(deps, pair, null, new AbortController().signal);
    expect(first.plan.actions.map((a) => `${a.kind} ${a.path}`).sort()).toEqual([
      'download c.txt',
      'upload a.txt',
      'upload b.txt',
    ]);
    expect(first.scan).toMatchObject({ listCalls: 1, folders: 1 });
    await planPair(deps, pair, null, new AbortController().signal);
    expect(hashed).toEqual([2, 0]);
  });
});
