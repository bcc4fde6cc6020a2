/**
 * Walks a pair's cloud folder (or some of its folders) breadth-first with a few folders
 * listed at once, so the client's rate limiter, not the round trips, sets the pace: a scan
 * then costs about (listing calls ÷ the account's listing rate) seconds. Each page is one
 * listing call and is counted. Names that are unsafe on this computer are reported here and
 * left out with their contents; the sync's own folder names at the root are skipped.
 */
import { safeLocalName } from '@pandesk/transfer';
import type { RemoteItem, ScanProblem } from '../model';
import { caseKey, isReserved, joinPath } from '../paths';
import type { SyncRemote } from '../ports';

export interface RemoteScan {
  readonly tree: Map<string, RemoteItem>;
  readonly problems: ScanProblem[];
  readonly folders: number;
  readonly listCalls: number;
  /** Cloud items left out (and their contents): the sync must leave them and their base alone. */
  readonly excludedIds: Set<number>;
}

export interface RemoteScanOptions {
  readonly remote: SyncRemote;
  /** Folders to walk: relative path and cloud id (the pair's root is `{ path: '', folderId }`). */
  readonly scope: readonly { readonly path: string; readonly folderId: number }[];
  /** Folders listed at the same time (default 4). */
  readonly concurrency?: number;
  /** The local file system folds case: a second name differing only in case is left out. */
  readonly caseInsensitive?: boolean;
  readonly signal: AbortSignal;
}

export async function scanRemote(options: RemoteScanOptions): Promise<RemoteScan> {
  const tree = new Map<string, RemoteItem>();
  const problems: ScanProblem[] = [];
  const excludedIds = new Set<number>();
  const queue = [...options.scope];
  let listCalls = 0;
  let folders = 0;
  let failure: unknown;

  const listOne = async (folder: { path: string; folderId: number }): Promise<void> => {
    folders++;
    const seen = new Map<string, string>();
    for await (const page of options.remote.list(folder.folderId, options.signal)) {
      listCalls++;
      for (const child of page) {
        const path = joinPath(folder.path, child.name);
        if (folder.path === '' && isReserved(path)) continue;
        if (safeLocalName(child.name) !== child.name) {
          problems.push({
            path,
            reason: 'sync_name_unusable_here',
            message: 'This name cannot be used for a file on this computer.',
          });
          excludedIds.add(child.fileId);
          continue;
        }
        if (options.caseInsensitive) {
          const key = caseKey(child.name);
          const other = seen.get(key);
          if (other !== undefined) {
            problems.push({
              path,
              reason: 'sync_case_clash',
              message: 'Differs from another name only in upper and lower case.',
              params: { other },
            });
            excludedIds.add(child.fileId);
            continue;
          }
          seen.set(key, child.name);
        }
        tree.set(path, {
          path,
          kind: child.kind,
          fileId: child.fileId,
          parentId: folder.folderId,
          size: child.kind === 'file' ? child.size : 0,
          etag: child.kind === 'file' ? child.etag.toLowerCase() : '',
        });
        if (child.kind === 'folder') queue.push({ path, folderId: child.fileId });
      }
    }
  };

  // A pool of `width` listings; a folder found by one listing joins the queue at once.
  const width = Math.max(1, options.concurrency ?? 4);
  await new Promise<void>((resolve, reject) => {
    let active = 0;
    const pump = (): void => {
      while (failure === undefined && active < width && queue.length > 0) {
        const next = queue.shift() as { path: string; folderId: number };
        active++;
        listOne(next).then(
          () => {
            active--;
            pump();
          },
          (error: unknown) => {
            failure ??= error;
            active--;
            pump();
          },
        );
      }
      if (active > 0) return;
      if (failure !== undefined) reject(failure instanceof Error ? failure : new Error(String(failure)));
      else if (queue.length === 0) resolve();
    };
    pump();
  });
  return { tree, problems, folders, listCalls, excludedIds };
}
