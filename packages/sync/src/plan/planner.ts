/**
 * The three-way planner: base (last synced state), local and cloud trees in, steps out. Pure
 * and synchronous; every local file it needs to compare by content must already carry its MD5
 * (`needsHash` says which).
 *
 * Base entries are visited parents first. Each gets a decision (decide.ts) and a final path;
 * the moves that bring each side there are emitted in order, and later paths are read through
 * the moves already emitted (a renamed folder takes its contents along, so they need no step of
 * their own). Then content steps, then fresh items (on one side only, or on both), then folder
 * deletions are merged: a folder goes to the trash whole when everything in it goes too, else
 * it stays and only its items go.
 */
import { checkName } from '@pandesk/contract';
import type { SyncDeletions, SyncMode } from '@pandesk/contract';
import { conflictPath } from '../conflict-name';
import type {
  BaseEntry,
  BaseTree,
  LocalEntry,
  LocalTree,
  RemoteItem,
  RemoteTree,
  ScanProblem,
} from '../model';
import { caseKey, depthOf, isWithin, nameOf, rebase } from '../paths';
import type { Fingerprint, PlanAction } from './actions';
import { orderByPhase } from './actions';
import type { Decision } from './decide';
import { decideAll } from './decide-all';
import { detectLocal, detectRemote } from './detect';
import { mergeTrash } from './merge-trash';

export interface PlanInput {
  readonly mode: SyncMode;
  readonly deletions: SyncDeletions;
  readonly base: BaseTree;
  readonly local: LocalTree;
  readonly remote: RemoteTree;
  /** This computer's name, for conflict copies. */
  readonly host: string;
  readonly now: number;
  /** The local file system folds case (two names differing only in case are one). */
  readonly caseInsensitive?: boolean;
  /** Why the service refused this unchanged file before, if it did: it is not sent again. */
  readonly refused?: (path: string, size: number, mtimeMs: number) => string | undefined;
}

export interface Plan {
  readonly actions: PlanAction[];
  readonly problems: ScanProblem[];
}

type Moves = [string, string][];

function follow(moves: Moves, path: string): string {
  let p = path;
  for (const [from, to] of moves) if (isWithin(p, from)) p = rebase(p, from, to);
  return p;
}

const fingerprint = (l: LocalEntry): Fingerprint => ({ size: l.size, mtimeMs: l.mtimeMs, ino: l.ino });

export function planSync(input: PlanInput): Plan {
  const { base, local, remote } = input;
  const key = (p: string): string => (input.caseInsensitive ? caseKey(p) : p);
  const L = detectLocal(base, local);
  const R = detectRemote(base, remote);
  const out: PlanAction[] = [];
  const problems: ScanProblem[] = [];
  const localMoves: Moves = [];
  const remoteMoves: Moves = [];
  const baseMoves: Moves = [];
  const remoteById = new Map<number, RemoteItem>();
  for (const r of remote.values()) remoteById.set(r.fileId, r);
  /** Local folders kept under a conflict name: their contents go up under it. */
  const relocated: Moves = [];
  const skippedFolders: string[] = [];
  const taken = new Set<string>([...local.keys(), ...remote.keys()].map(key));

  const { entries, decisions } = decideAll(input, L, R, key);

  const validName = (path: string, what: string): boolean => {
    const check = checkName(nameOf(path));
    if (!check.ok)
      problems.push({
        path,
        reason: 'sync_name_refused',
        message: `${what}: ${check.message}`,
        params: { name: nameOf(path) },
      });
    return check.ok;
  };

  for (const b of entries) {
    const d = decisions.get(b.path) as Decision;
    const curBase = follow(baseMoves, b.path);
    const localAt = L.where.get(b.path) ?? null;
    const remoteAt = R.where.get(b.path) ?? null;
    const l = localAt === null ? undefined : local.get(localAt);
    const r = remoteAt === null ? undefined : remote.get(remoteAt);
    const curLocal = localAt === null ? null : follow(localMoves, localAt);
    const curRemote = remoteAt === null ? null : follow(remoteMoves, remoteAt);

    if (d.final === null) {
      if (d.reupload && l && curLocal !== null) {
        out.push({ kind: 'forget', path: curBase });
        pushFresh(l, curLocal);
      } else if (d.trash === 'local' && l && curLocal !== null) {
        out.push({
          kind: 'trash_local',
          path: curLocal,
          expect: l.kind === 'file' ? fingerprint(l) : null,
          basePath: curBase,
        });
      } else if (d.trash === 'remote' && r && curRemote !== null) {
        out.push({ kind: 'trash_remote', path: curRemote, fileId: r.fileId, basePath: curBase });
      } else out.push({ kind: 'forget', path: curBase });
      continue;
    }
    const final = d.final;
    let rekeyed = curBase === final;
    if (curLocal !== null && curLocal !== final) {
      if (validName(final, 'Not moved')) {
        out.push({ kind: 'move_local', path: curLocal, to: final, baseFrom: curBase });
        localMoves.push([curLocal, final]);
        baseMoves.push([curBase, final]);
        rekeyed = true;
      }
    } else if (curRemote !== null && curRemote !== final && r) {
      if (validName(final, 'Not renamed in the cloud')) {
        out.push({ kind: 'move_remote', path: curRemote, to: final, fileId: r.fileId, baseFrom: curBase });
        remoteMoves.push([curRemote, final]);
        baseMoves.push([curBase, final]);
        rekeyed = true;
      }
    }
    if (!rekeyed) {
      out.push({ kind: 'record', path: final, entry: null, rekeyFrom: curBase });
      baseMoves.push([curBase, final]);
    }
    if (d.restore === 'local' && r) {
      out.push(
        r.kind === 'folder'
          ? { kind: 'mkdir_local', path: final, remoteId: r.fileId }
          : { kind: 'download', path: final, fileId: r.fileId, size: r.size, etag: r.etag, replace: null },
      );
    } else if (d.restore === 'remote' && l) {
      pushUp(l, final, null);
    } else if (l && r) {
      content(b, d, final, l, r);
    }
  }

  function content(b: BaseEntry, d: Decision, final: string, l: LocalEntry, r: RemoteItem): void {
    switch (d.content) {
      case 'upload':
        pushUp(l, final, r.fileId);
        return;
      case 'download':
        out.push({
          kind: 'download',
          path: final,
          fileId: r.fileId,
          size: r.size,
          etag: r.etag,
          replace: fingerprint(l),
        });
        return;
      case 'conflict':
        conflict(l, r, final);
        return;
      default: {
        const moved = l.ino !== b.ino || r.fileId !== b.remoteId;
        const changed =
          b.kind === 'file' &&
          (l.size !== b.size || l.mtimeMs !== b.mtimeMs || l.md5 !== b.md5 || r.etag !== b.md5);
        if (moved || changed) out.push({ kind: 'record', path: final, entry: entryOf(final, l, r) });
      }
    }
  }

  function entryOf(path: string, l: LocalEntry, r: RemoteItem): BaseEntry {
    return {
      path,
      kind: l.kind,
      size: l.kind === 'file' ? l.size : 0,
      md5: l.kind === 'file' ? l.md5 : null,
      mtimeMs: l.mtimeMs,
      ino: l.ino,
      remoteId: r.fileId,
    };
  }

  function pushUp(l: LocalEntry, path: string, replaceId: number | null): void {
    if (!validName(path, 'Not uploaded')) return;
    if (l.kind === 'folder') {
      out.push({ kind: 'mkdir_remote', path, local: fingerprint(l) });
      return;
    }
    const refusal = input.refused?.(path, l.size, l.mtimeMs);
    if (refusal !== undefined) {
      problems.push({
        path,
        reason: 'sync_refused_before',
        message: 'The service refused this unchanged file before.',
        serviceMessage: refusal,
      });
      return;
    }
    out.push({ kind: 'upload', path, size: l.size, md5: l.md5, local: fingerprint(l), replaceId });
  }

  function pushDown(r: RemoteItem, path: string, replace: Fingerprint | null): void {
    out.push(
      r.kind === 'folder'
        ? { kind: 'mkdir_local', path, remoteId: r.fileId }
        : { kind: 'download', path, fileId: r.fileId, size: r.size, etag: r.etag, replace },
    );
  }

  function conflict(l: LocalEntry, r: RemoteItem, path: string): void {
    const copy = conflictPath(path, input.host, input.now, (c) => taken.has(key(c)));
    taken.add(key(copy));
    out.push({ kind: 'conflict', path, to: copy, early: false });
    if (l.kind === 'folder') relocated.push([path, copy]);
    pushUp(l, copy, null);
    pushDown(r, path, null);
  }

  // Fresh items, at their places after the moves above.
  const localFresh = new Map<string, { entry: LocalEntry; at: string }>();
  for (const p of L.fresh) {
    const entry = local.get(p) as LocalEntry;
    const at = follow(localMoves, p);
    localFresh.set(key(at), { entry, at });
  }
  const remoteFresh = new Map<string, { entry: RemoteItem; at: string }>();
  for (const p of R.fresh) {
    const entry = remote.get(p) as RemoteItem;
    const at = follow(remoteMoves, p);
    remoteFresh.set(key(at), { entry, at });
  }
  const staying = new Set<string>();
  for (const b of entries) {
    const f = decisions.get(b.path)?.final;
    if (f !== null && f !== undefined) staying.add(key(f));
  }

  function pushFresh(l: LocalEntry, at: string): void {
    if (skippedFolders.some((f) => isWithin(at, f))) return;
    const path = follow(relocated, at);
    if (l.kind === 'folder' && !validName(path, 'Not uploaded')) {
      skippedFolders.push(at);
      return;
    }
    pushUp(l, path, null);
  }

  const byDepthOf = <T extends { at: string }>(m: Map<string, T>): T[] =>
    [...m.values()].sort((a, b) => depthOf(a.at) - depthOf(b.at) || (a.at < b.at ? -1 : 1));

  for (const { entry: l, at } of byDepthOf(localFresh)) {
    const k = key(at);
    const other = remoteFresh.get(k);
    if (other) {
      freshBoth(l, other.entry, at);
      continue;
    }
    if (input.mode !== 'backup' && staying.has(k) && !relocated.some(([f]) => isWithin(at, f))) {
      // A new local item where a synced item is going: renamed out of the way first (before
      // any move), and kept under a conflict name.
      const copy = conflictPath(l.path, input.host, input.now, (c) => taken.has(key(c)));
      taken.add(key(copy));
      out.push({ kind: 'conflict', path: l.path, to: copy, early: true });
      const copyAt = follow(localMoves, copy);
      if (l.kind === 'folder') relocated.push([at, copyAt]);
      if (input.mode === 'two_way') pushUp(l, copyAt, null);
      continue;
    }
    if (input.mode === 'mirror_down') continue; // the user's own files stay, untouched
    pushFresh(l, at);
  }
  for (const { entry: r, at } of byDepthOf(remoteFresh)) {
    if (localFresh.has(key(at)) || input.mode === 'backup') continue;
    pushDown(r, at, null);
  }

  function freshBoth(l: LocalEntry, r: RemoteItem, at: string): void {
    if (
      l.kind === r.kind &&
      (l.kind === 'folder' || (l.md5 !== null && l.md5 === r.etag && l.size === r.size))
    ) {
      out.push({ kind: 'record', path: at, entry: entryOf(at, l, r) });
      return;
    }
    if (input.mode === 'backup') {
      if (l.kind === 'file' && r.kind === 'file') pushUp(l, at, r.fileId);
      else
        problems.push({
          path: at,
          reason: 'sync_file_and_folder',
          message: 'A file and a folder have this name; left as they are.',
        });
      return;
    }
    if (input.mode === 'mirror_down') {
      if (l.kind === 'file' && r.kind === 'file') pushDown(r, at, fingerprint(l));
      else {
        out.push({
          kind: 'trash_local',
          path: at,
          expect: l.kind === 'file' ? fingerprint(l) : null,
          basePath: null,
        });
        pushDown(r, at, null);
      }
      return;
    }
    conflict(l, r, at);
  }

  const merged = mergeTrash(out, {
    local,
    remote,
    remoteById,
    localMoves,
    remoteMoves,
    restoreFolders: input.mode === 'two_way',
  });
  return { actions: orderByPhase(merged), problems };
}
