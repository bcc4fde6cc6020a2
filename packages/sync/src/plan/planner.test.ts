import { describe, expect, it } from 'vitest';
import type { SyncDeletions, SyncMode } from '@pandesk/contract';
import type { BaseEntry, LocalEntry, RemoteItem } from '../model';
import {
  baseFile,
  baseFolder,
  linkParents,
  localFile,
  localFolder,
  md5,
  remoteFile,
  remoteFolder,
  tree,
} from '../testing/trees';
import type { PlanAction } from './actions';
import { countActions } from './actions';
import { planSync } from './planner';

const NOW = new Date(2026, 2, 1, 10, 15, 30).getTime();

function plan(
  mode: SyncMode,
  base: BaseEntry[],
  local: LocalEntry[],
  remote: RemoteItem[],
  extra: { deletions?: SyncDeletions; caseInsensitive?: boolean } = {},
) {
  return planSync({
    mode,
    deletions: extra.deletions ?? 'ignore',
    base: tree(...base),
    local: tree(...local),
    remote: linkParents(remote),
    host: 'laptop',
    now: NOW,
    caseInsensitive: extra.caseInsensitive ?? false,
  });
}

/** Visible steps as short strings, in plan order. */
function steps(actions: PlanAction[]): string[] {
  return actions.flatMap((a) => {
    switch (a.kind) {
      case 'upload':
        return [`upload ${a.path}${a.replaceId === null ? '' : ` replacing #${a.replaceId}`}`];
      case 'download':
        return [`download ${a.path}${a.replace === null ? '' : ' replacing local'}`];
      case 'move_local':
      case 'move_remote':
        return [`${a.kind} ${a.path} -> ${a.to}`];
      case 'conflict':
        return [`conflict ${a.path} -> ${a.to}`];
      case 'trash_local':
      case 'trash_remote':
      case 'mkdir_local':
      case 'mkdir_remote':
        return [`${a.kind} ${a.path}`];
      default:
        return [];
    }
  });
}

const COPY = 'a (conflict, laptop, 2026-03-01 10-15-30).txt';

describe('two-way plans', () => {
  const base = [baseFile('a.txt', 'A', 11, 101)];
  const same = { local: [localFile('a.txt', 'A', 11)], remote: [remoteFile('a.txt', 'A', 101)] };

  it('does nothing for an unchanged tree', () => {
    expect(plan('two_way', base, same.local, same.remote).actions).toEqual([]);
  });

  it('uploads a new local file and downloads a new cloud file', () => {
    const p = plan(
      'two_way',
      base,
      [...same.local, localFile('new.txt', 'N', 12)],
      [...same.remote, remoteFile('cloud.txt', 'C', 102)],
    );
    expect(steps(p.actions)).toEqual(['upload new.txt', 'download cloud.txt']);
  });

  it('replaces the side that did not change, keeping the old version aside', () => {
    const up = plan('two_way', base, [localFile('a.txt', 'A2', 11, 2000)], same.remote);
    expect(steps(up.actions)).toEqual(['upload a.txt replacing #101']);
    const down = plan('two_way', base, same.local, [remoteFile('a.txt', 'A3', 101)]);
    expect(steps(down.actions)).toEqual(['download a.txt replacing local']);
    expect(down.actions[0]).toMatchObject({ replace: { size: 1, mtimeMs: 1000, ino: 11 } });
  });

  it('keeps both versions when both sides changed the content differently', () => {
    const p = plan('two_way', base, [localFile('a.txt', 'L', 11, 2000)], [remoteFile('a.txt', 'R', 101)]);
    expect(steps(p.actions)).toEqual([`conflict a.txt -> ${COPY}`, `upload ${COPY}`, 'download a.txt']);
    expect(countActions(p.actions).conflicts).toBe(1);
  });

  it('only records when both sides changed to the same content', () => {
    const p = plan('two_way', base, [localFile('a.txt', 'S', 11, 2000)], [remoteFile('a.txt', 'S', 101)]);
    expect(steps(p.actions)).toEqual([]);
    expect(p.actions).toEqual([
      { kind: 'record', path: 'a.txt', entry: { ...baseFile('a.txt', 'S', 11, 101, 2000) } },
    ]);
  });

  it('replays deletions into the trash and the recycle bin', () => {
    expect(steps(plan('two_way', base, [], same.remote).actions)).toEqual(['trash_remote a.txt']);
    const p = plan('two_way', base, same.local, []);
    expect(steps(p.actions)).toEqual(['trash_local a.txt']);
    expect(p.actions[0]).toMatchObject({ expect: { size: 1, mtimeMs: 1000, ino: 11 }, basePath: 'a.txt' });
    expect(plan('two_way', base, [], []).actions).toEqual([{ kind: 'forget', path: 'a.txt' }]);
  });

  it('lets a modification beat a deletion on the other side', () => {
    expect(steps(plan('two_way', base, [], [remoteFile('a.txt', 'R', 101)]).actions)).toEqual([
      'download a.txt',
    ]);
    expect(steps(plan('two_way', base, [localFile('a.txt', 'L', 11, 5)], []).actions)).toEqual([
      'upload a.txt',
    ]);
  });

  it('takes a cloud file replaced in place (a new id at the same path) for a modification', () => {
    const p = plan('two_way', base, same.local, [remoteFile('a.txt', 'A4', 555)]);
    expect(steps(p.actions)).toEqual(['download a.txt replacing local']);
    const both = plan('two_way', base, [localFile('a.txt', 'L', 11, 3)], [remoteFile('a.txt', 'A4', 555)]);
    expect(steps(both.actions)).toEqual([`conflict a.txt -> ${COPY}`, `upload ${COPY}`, 'download a.txt']);
  });

  it('replays renames as renames: by inode locally, by file id in the cloud', () => {
    const local = plan('two_way', base, [localFile('b.txt', 'A', 11)], same.remote);
    expect(steps(local.actions)).toEqual(['move_remote a.txt -> b.txt']);
    const remote = plan('two_way', base, same.local, [remoteFile('b.txt', 'A', 101)]);
    expect(steps(remote.actions)).toEqual(['move_local a.txt -> b.txt']);
    expect(countActions(remote.actions)).toMatchObject({ renames: 1, moves: 0, uploads: 0, downloads: 0 });
  });

  it("does not take a new file that reuses a deleted file's inode for a rename", () => {
    const p = plan('two_way', base, [localFile('b.txt', 'other', 11, 5000)], same.remote);
    expect(steps(p.actions)).toEqual(['trash_remote a.txt', 'upload b.txt']);
  });

  it('finds a local move by size and MD5 when the inode changed (a copy, then a delete)', () => {
    const p = plan(
      'two_way',
      base,
      [localFolder('d', 20), localFile('d/a.txt', 'A', 99, 7)],
      [...same.remote],
    );
    expect(steps(p.actions)).toEqual(['move_remote a.txt -> d/a.txt', 'mkdir_remote d']);
  });

  it('moves a renamed folder in one step, its contents along', () => {
    const b = [
      baseFolder('docs', 1, 200),
      baseFile('docs/x.txt', 'X', 2, 201),
      baseFile('docs/y.txt', 'Y', 3, 202),
    ];
    const remote = [
      remoteFolder('docs', 200),
      remoteFile('docs/x.txt', 'X', 201),
      remoteFile('docs/y.txt', 'Y', 202),
    ];
    const local = [
      localFolder('papers', 1),
      localFile('papers/x.txt', 'X', 2),
      localFile('papers/y.txt', 'Y', 3),
    ];
    expect(steps(plan('two_way', b, local, remote).actions)).toEqual(['move_remote docs -> papers']);
    const movedRemote = [
      remoteFolder('papers', 200),
      remoteFile('papers/x.txt', 'X', 201),
      remoteFile('papers/y.txt', 'Y', 202),
    ];
    const localSame = [
      localFolder('docs', 1),
      localFile('docs/x.txt', 'X', 2),
      localFile('docs/y.txt', 'Y', 3),
    ];
    expect(steps(plan('two_way', b, localSame, movedRemote).actions)).toEqual(['move_local docs -> papers']);
  });

  it('trashes a deleted folder whole, unless something in it changed on the other side (then makes it again)', () => {
    const b = [baseFolder('f', 1, 200), baseFile('f/x.txt', 'X', 2, 201), baseFile('f/y.txt', 'Y', 3, 202)];
    const remote = [remoteFolder('f', 200), remoteFile('f/x.txt', 'X', 201), remoteFile('f/y.txt', 'Y', 202)];
    expect(steps(plan('two_way', b, [], remote).actions)).toEqual(['trash_remote f']);
    const changed = [
      remoteFolder('f', 200),
      remoteFile('f/x.txt', 'X2', 201),
      remoteFile('f/y.txt', 'Y', 202),
    ];
    expect(steps(plan('two_way', b, [], changed).actions)).toEqual([
      'trash_remote f/y.txt',
      'mkdir_local f',
      'download f/x.txt',
    ]);
    const added = [...remote, remoteFile('f/new.txt', 'N', 203)];
    expect(steps(plan('two_way', b, [], added).actions)).toEqual([
      'trash_remote f/x.txt',
      'trash_remote f/y.txt',
      'mkdir_local f',
      'download f/new.txt',
    ]);
  });

  it('lets the cloud place win when both sides moved an item to different places', () => {
    const p = plan('two_way', base, [localFile('l.txt', 'A', 11)], [remoteFile('r.txt', 'A', 101)]);
    expect(steps(p.actions)).toEqual(['move_local l.txt -> r.txt']);
    const sameMove = plan('two_way', base, [localFile('b.txt', 'A', 11)], [remoteFile('b.txt', 'A', 101)]);
    expect(steps(sameMove.actions)).toEqual([]);
    expect(sameMove.actions).toEqual([{ kind: 'record', path: 'b.txt', entry: null, rekeyFrom: 'a.txt' }]);
  });

  it('adopts identical new files on both sides, and keeps both when they differ', () => {
    const equal = plan('two_way', [], [localFile('n.txt', 'N', 5)], [remoteFile('n.txt', 'N', 300)]);
    expect(equal.actions).toEqual([
      { kind: 'record', path: 'n.txt', entry: { ...baseFile('n.txt', 'N', 5, 300) } },
    ]);
    const differ = plan('two_way', [], [localFile('n.txt', 'L', 5)], [remoteFile('n.txt', 'R', 300)]);
    const copy = 'n (conflict, laptop, 2026-03-01 10-15-30).txt';
    expect(steps(differ.actions)).toEqual([`conflict n.txt -> ${copy}`, `upload ${copy}`, 'download n.txt']);
  });

  it('renames a new local item out of the way of a cloud rename before moving', () => {
    const p = plan(
      'two_way',
      base,
      [...same.local, localFile('q.txt', 'Q', 12)],
      [remoteFile('q.txt', 'A', 101)],
    );
    const copy = 'q (conflict, laptop, 2026-03-01 10-15-30).txt';
    expect(steps(p.actions)).toEqual([
      `conflict q.txt -> ${copy}`,
      'move_local a.txt -> q.txt',
      `upload ${copy}`,
    ]);
    expect(p.actions[0]).toMatchObject({ early: true });
  });

  it('reports names the service refuses instead of planning them', () => {
    const p = plan(
      'two_way',
      [],
      [localFile('a:b.txt', 'X', 5), localFolder('bad|dir', 6), localFile('bad|dir/in.txt', 'I', 7)],
      [],
    );
    expect(p.actions).toEqual([]);
    expect(p.problems.map((x) => [x.path, x.reason])).toEqual([
      ['a:b.txt', 'sync_name_refused'],
      ['bad|dir', 'sync_name_refused'],
    ]);
  });

  it('skips a file the service refused before while it stays unchanged', () => {
    const p = planSync({
      mode: 'two_way',
      deletions: 'ignore',
      base: new Map(),
      local: tree(localFile('x.bin', 'X', 5)),
      remote: new Map(),
      host: 'laptop',
      now: NOW,
      refused: (path, size, mtime) =>
        path === 'x.bin' && size === 1 && mtime === 1000 ? 'refused: quota' : undefined,
    });
    expect(p.actions).toEqual([]);
    expect(p.problems[0]).toMatchObject({ reason: 'sync_refused_before', serviceMessage: 'refused: quota' });
  });

  it('pairs names differing only in case when the local file system folds case', () => {
    const p = plan('two_way', [], [localFile('Read.me', 'X', 5)], [remoteFile('read.me', 'X', 300)], {
      caseInsensitive: true,
    });
    expect(steps(p.actions)).toEqual([]);
    expect(p.actions).toHaveLength(1);
    const sensitive = plan('two_way', [], [localFile('Read.me', 'X', 5)], [remoteFile('read.me', 'X', 300)]);
    expect(steps(sensitive.actions)).toEqual(['upload Read.me', 'download read.me']);
  });

  it('keeps a local folder that replaced a file under a conflict name, and brings the cloud file back', () => {
    // The file was deleted and a folder made under its name, while the cloud changed the file.
    const p = plan(
      'two_way',
      base,
      [localFolder('a.txt', 50), localFile('a.txt/in.txt', 'I', 51)],
      [remoteFile('a.txt', 'A2', 101)],
    );
    expect(steps(p.actions)).toEqual([
      `conflict a.txt -> ${COPY}`,
      `mkdir_remote ${COPY}`,
      'download a.txt',
      `upload ${COPY}/in.txt`,
    ]);
  });
});

describe('backup plans', () => {
  const base = [baseFile('a.txt', 'A', 11, 101)];
  const remote = [remoteFile('a.txt', 'A', 101)];

  it('ignores local deletions by default and recycles them when asked', () => {
    expect(plan('backup', base, [], remote).actions).toEqual([{ kind: 'forget', path: 'a.txt' }]);
    expect(steps(plan('backup', base, [], remote, { deletions: 'recycle' }).actions)).toEqual([
      'trash_remote a.txt',
    ]);
  });

  it('uploads what the cloud lost or changed, and leaves cloud-only files alone', () => {
    const local = [localFile('a.txt', 'A', 11)];
    expect(steps(plan('backup', base, local, []).actions)).toEqual(['upload a.txt']);
    expect(steps(plan('backup', base, local, [remoteFile('a.txt', 'Z', 101)]).actions)).toEqual([
      'upload a.txt replacing #101',
    ]);
    expect(plan('backup', base, local, [...remote, remoteFile('extra.txt', 'E', 102)]).actions).toEqual([]);
  });

  it('renames in the cloud when deletions are recycled, else uploads under the new name', () => {
    const local = [localFile('b.txt', 'A', 11)];
    expect(steps(plan('backup', base, local, remote, { deletions: 'recycle' }).actions)).toEqual([
      'move_remote a.txt -> b.txt',
    ]);
    expect(steps(plan('backup', base, local, remote).actions)).toEqual(['upload b.txt']);
  });
});

describe('mirror-down plans', () => {
  const base = [baseFile('a.txt', 'A', 11, 101)];
  const remote = [remoteFile('a.txt', 'A', 101)];

  it('puts the cloud version back over a local change, the local one to the trash', () => {
    expect(steps(plan('mirror_down', base, [localFile('a.txt', 'L', 11, 9)], remote).actions)).toEqual([
      'download a.txt replacing local',
    ]);
    expect(steps(plan('mirror_down', base, [], remote).actions)).toEqual(['download a.txt']);
  });

  it('trashes what the cloud deleted and leaves local-only files alone', () => {
    const p = plan('mirror_down', base, [localFile('a.txt', 'A', 11), localFile('mine.txt', 'M', 12)], []);
    expect(steps(p.actions)).toEqual(['trash_local a.txt']);
  });

  it('follows cloud renames and undoes local ones', () => {
    expect(
      steps(
        plan('mirror_down', base, [localFile('a.txt', 'A', 11)], [remoteFile('b.txt', 'A', 101)]).actions,
      ),
    ).toEqual(['move_local a.txt -> b.txt']);
    expect(steps(plan('mirror_down', base, [localFile('mine.txt', 'A', 11)], remote).actions)).toEqual([
      'move_local mine.txt -> a.txt',
    ]);
  });
});

describe('plan counts', () => {
  it('counts bytes each way and replaced versions', () => {
    const p = plan(
      'two_way',
      [baseFile('a.txt', 'A', 11, 101)],
      [localFile('a.txt', 'AAAA', 11, 5), localFile('n.bin', '12345', 12)],
      [remoteFile('a.txt', 'A', 101), remoteFile('c.bin', '123', 102)],
    );
    expect(countActions(p.actions)).toMatchObject({
      uploads: 2,
      downloads: 1,
      bytesUp: 9,
      bytesDown: 3,
      replaced: 1,
    });
    expect(md5('A')).toHaveLength(32);
  });
});
