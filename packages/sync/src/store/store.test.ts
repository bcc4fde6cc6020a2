import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_SYNC_COUNTS } from '@pandesk/contract';
import type { TestJournal } from '../testing/journal-db';
import { openTestJournal } from '../testing/journal-db';
import { baseFile, baseFolder } from '../testing/trees';
import { openSyncStore } from './sync-store';

let j: TestJournal;
afterEach(async () => j?.close());

describe('sync store', () => {
  it('moves and forgets base entries by folder prefix, even with LIKE wildcards in names', () => {
    j = openTestJournal();
    const { base } = openSyncStore(j.db());
    for (const e of [
      baseFolder('a%', 1, 10),
      baseFile('a%/x.txt', 'x', 2, 11),
      baseFile('ab/y.txt', 'y', 3, 12),
      baseFile('a_/z.txt', 'z', 4, 13),
      baseFile('b/old.txt', 'o', 5, 14),
    ])
      base.set('p', e);
    base.set('other', baseFile('a%/x.txt', 'x', 2, 99));
    base.rekey('p', 'a%', 'b');
    expect([...base.load('p').keys()].sort()).toEqual(['a_/z.txt', 'ab/y.txt', 'b', 'b/x.txt']);
    expect(base.get('p', 'b/x.txt')?.remoteId).toBe(11);
    base.forget('p', 'b');
    expect([...base.load('p').keys()].sort()).toEqual(['a_/z.txt', 'ab/y.txt']);
    expect(base.count('other')).toBe(1);
    base.forget('p', '');
    expect(base.count('p')).toBe(0);
  });

  it('keeps hashes, refusals, pairs and runs across reopening the journal', async () => {
    j = openTestJournal();
    let store = openSyncStore(j.db());
    store.base.rememberHashes('p', [{ path: 'a.bin', size: 3, mtimeMs: 12.5, ino: 7, md5: 'abc' }]);
    store.base.refuse('p', 'bad.bin', 9, 1.5, 'refused');
    store.pairs.add({
      id: 'p',
      config: {
        localPath: '/l',
        remoteFolderId: 5,
        remotePath: '/r',
        mode: 'two_way',
        deletions: 'ignore',
        schedule: { kind: 'interval', minutes: 5 },
        confirmAbove: 10,
      },
      paused: false,
      createdAt: 1,
      caseInsensitive: true,
    });
    store.runs.create(
      {
        id: 'r1',
        pairId: 'p',
        startedAt: 2,
        state: 'running',
        counts: EMPTY_SYNC_COUNTS,
        reason: null,
        problems: [],
        scan: null,
      },
      [
        { kind: 'record', path: 'x', entry: null, rekeyFrom: 'y' },
        { kind: 'trash_remote', path: 'gone.txt', fileId: 3, basePath: 'gone.txt' },
      ],
    );
    await j.engine.close();
    j.reopen();
    store = openSyncStore(j.db());
    expect(store.base.hashes('p').get('a.bin')).toEqual({ size: 3, mtimeMs: 12.5, ino: 7, md5: 'abc' });
    expect(store.base.refused('p').get('bad.bin')?.message).toBe('refused');
    expect(store.pairs.get('p')).toMatchObject({ caseInsensitive: true, paused: false });
    expect(store.runs.open('p')?.id).toBe('r1');
    expect(store.runs.actions('r1').map((a) => a.action.kind)).toEqual(['record', 'trash_remote']);
    expect(store.runs.actionsPage('r1', 10)).toEqual([
      { kind: 'trash_remote', path: 'gone.txt', state: 'pending', size: 0, replaces: false },
    ]);
    const problem = {
      code: 'not_found',
      reason: 'sync_gone_in_cloud',
      message: 'gone',
      path: 'gone.txt',
    } as const;
    store.runs.markAction('r1', 1, 'failed', problem);
    expect(store.runs.stateCounts('r1')).toEqual({ pending: 0, done: 0, failed: 1, skipped: 0 });
    // A step's problem comes back as it was stored, for the plan and history views.
    expect(openSyncStore(j.db()).runs.actionsPage('r1', 10)).toEqual([
      { kind: 'trash_remote', path: 'gone.txt', state: 'failed', size: 0, replaces: false, error: problem },
    ]);
  });

  it('keeps only the newest finished runs of a pair', () => {
    j = openTestJournal();
    const { runs } = openSyncStore(j.db());
    for (let i = 0; i < 5; i++) {
      runs.create(
        {
          id: `r${i}`,
          pairId: 'p',
          startedAt: i,
          state: 'running',
          counts: EMPTY_SYNC_COUNTS,
          reason: null,
          problems: [],
          scan: null,
        },
        [{ kind: 'forget', path: 'x' }],
      );
      runs.finish(`r${i}`, i + 1, 'completed', null);
    }
    runs.prune('p', 2);
    expect(runs.history('p', 10).map((r) => r.id)).toEqual(['r4', 'r3']);
    expect(runs.actions('r0')).toEqual([]);
  });
});
