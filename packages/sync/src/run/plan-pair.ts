/**
 * Scans both sides of a pair (all of it, or some folders) and plans. Local files get their MD5
 * from the base or the hash cache while their size, modification time and inode are unchanged;
 * only the others are hashed (two at a time, while the cloud is listed), and the cache
 * remembers them. The cloud scan's
 * listing calls are counted and turned into the least time the account's listing rate allows.
 */
import type { SyncProblem, SyncScanCost } from '@pandesk/contract';
import type { BaseEntry, LocalEntry } from '../model';
import type { Plan } from '../plan/planner';
import { planSync } from '../plan/planner';
import { filesToHash } from '../plan/needs-hash';
import { freeze, frozenPaths } from '../plan/freeze';
import { isWithin, toLocal } from '../paths';
import type { SyncRemote } from '../ports';
import { md5File } from '../scan/hash-file';
import { scanLocal } from '../scan/local-scan';
import { scanRemote } from '../scan/remote-scan';
import type { PairRecord } from '../store/pair-store';
import type { SyncStore } from '../store/sync-store';
import { syncProblem } from './problem';

export interface PlanDeps {
  readonly store: SyncStore;
  readonly remote: SyncRemote;
  readonly host: string;
  now(): number;
  /** Listing calls per second the account may make (free: 5), for the scan's cost. */
  listRate(): number;
  /** Told after each scan how many local files it had to hash (the rest were known). */
  onHashed?(count: number): void;
}

export interface PairPlan {
  readonly plan: Plan;
  readonly scan: SyncScanCost;
  readonly problems: SyncProblem[];
  /** True when the whole pair was compared (not only some folders). */
  readonly full: boolean;
}

const HASH_WIDTH = 2;

async function hashAll(root: string, files: LocalEntry[], signal: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      signal.throwIfAborted();
      const file = files[next++] as LocalEntry;
      try {
        file.md5 = await md5File(toLocal(root, file.path), signal);
      } catch (error) {
        if (signal.aborted) throw error;
        // Gone or unreadable since the walk: it stays unknown, and the planner treats it as changed.
      }
    }
  };
  await Promise.all(Array.from({ length: HASH_WIDTH }, worker));
}

/**
 * Both sides' scans; the first to fail aborts the other (through `both`), and its own error,
 * not the abort it caused, is thrown once both have stopped.
 */
async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>, both: AbortController): Promise<[A, B]> {
  let first: { error: unknown } | null = null;
  const fail = (error: unknown): never => {
    first ??= { error };
    both.abort();
    throw error;
  };
  const [ra, rb] = await Promise.allSettled([a.catch(fail), b.catch(fail)]);
  if (first !== null) throw (first as { error: unknown }).error;
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}

/** Scope folders (relative) → the cloud folders to list, from the base; null scope = all. */
function remoteScope(
  pair: PairRecord,
  base: ReadonlyMap<string, BaseEntry>,
  scope: readonly string[] | null,
) {
  if (scope === null) return [{ path: '', folderId: pair.config.remoteFolderId }];
  return scope.map((path) => {
    const b = base.get(path);
    if (path === '' || b?.kind !== 'folder') return { path: '', folderId: pair.config.remoteFolderId };
    return { path, folderId: b.remoteId };
  });
}

export async function planPair(
  deps: PlanDeps,
  pair: PairRecord,
  scope: readonly string[] | null,
  signal: AbortSignal,
): Promise<PairPlan> {
  const { store } = deps;
  const root = pair.config.localPath;
  const allBase = store.base.load(pair.id);
  // A scope folder must be a synced folder; else the whole pair is compared.
  const usable =
    scope !== null && scope.every((p) => p !== '' && allBase.get(p)?.kind === 'folder') ? scope : null;
  const inScope = (path: string): boolean =>
    usable === null || usable.some((s) => isWithin(path, s) && path !== s);
  const base = usable === null ? allBase : new Map([...allBase].filter(([p]) => inScope(p)));
  const cached = store.base.hashes(pair.id);
  const { mode } = pair.config;
  // The cloud scan is paced by the listing rate: the local walk and the hashing of files whose
  // MD5 does not depend on the cloud side run meanwhile. Either failing stops the other.
  const both = new AbortController();
  const during = AbortSignal.any([signal, both.signal]);
  const localSide = (async () => {
    const scanned = await scanLocal({
      root,
      ...(usable === null ? {} : { scope: usable }),
      signal: during,
      knownHash(path, size, mtimeMs, ino) {
        const b = allBase.get(path);
        if (b && b.kind === 'file' && b.size === size && b.mtimeMs === mtimeMs && b.ino === ino && b.md5)
          return b.md5;
        const h = cached.get(path);
        return h && h.size === size && h.mtimeMs === mtimeMs && h.ino === ino ? h.md5 : undefined;
      },
    });
    const early = mode === 'mirror_down' ? [] : filesToHash(mode, base, scanned.tree, new Map());
    await hashAll(root, early, during);
    return { scanned, early };
  })();
  const remoteSide = scanRemote({
    remote: deps.remote,
    scope: remoteScope(pair, allBase, usable),
    caseInsensitive: pair.caseInsensitive,
    signal: during,
  });
  const [localDone, remote] = await settleBoth(localSide, remoteSide, both);
  const local = localDone.scanned;
  const late = filesToHash(mode, base, local.tree, remote.tree);
  await hashAll(root, late, signal);
  const toHash = [...new Set([...localDone.early, ...late])];
  deps.onHashed?.(toHash.length);
  store.base.rememberHashes(
    pair.id,
    toHash.flatMap((f) =>
      f.md5 === null ? [] : [{ path: f.path, size: f.size, mtimeMs: f.mtimeMs, ino: f.ino, md5: f.md5 }],
    ),
  );
  const unreadable = local.problems.filter((p) => p.reason === 'sync_folder_unreadable').map((p) => p.path);
  const trees = freeze(
    { base, local: local.tree, remote: remote.tree },
    frozenPaths(base, unreadable, remote.excludedIds),
  );
  const refused = store.base.refused(pair.id);
  const plan = planSync({
    mode,
    deletions: pair.config.deletions,
    ...trees,
    host: deps.host,
    now: deps.now(),
    caseInsensitive: pair.caseInsensitive,
    refused(path, size, mtimeMs) {
      const r = refused.get(path);
      return r && r.size === size && r.mtimeMs === mtimeMs ? r.message : undefined;
    },
  });
  // Which scan problems matter depends on the direction of the pair.
  const localMatters = mode !== 'mirror_down';
  const remoteMatters = mode !== 'backup';
  const scanProblems = [
    ...(localMatters ? local.problems : local.problems.filter((p) => p.reason === 'sync_folder_unreadable')),
    ...(remoteMatters ? remote.problems : []),
    ...plan.problems,
  ];
  return {
    plan,
    full: usable === null,
    scan: {
      folders: remote.folders,
      listCalls: remote.listCalls,
      minSeconds: Math.round((remote.listCalls / Math.max(0.1, deps.listRate())) * 10) / 10,
    },
    problems: scanProblems.map(({ path, ...why }) => syncProblem({ kind: 'state', ...why }, path)),
  };
}
