/**
 * Turns user commands into journal items. Top-level items get the dedup key
 * `batchId|index`, so enqueueing the same batch again (e.g. after a crash mid-enqueue) adds
 * only what is missing. Inserts go in chunks with a turn of the event loop between them.
 * Uploads accept regular files and folders; anything else (FIFO, device, socket) is queued as
 * failed with words, without ever being opened. Downloads of one command get distinct local
 * names (`name (1).ext` where two would clean up to the same name).
 */
import { errorFields, NO_ERROR } from './item-error';
import { newItemId } from './util/item-id';
import { basename } from 'node:path';
import type { DownloadCommand, UploadCommand } from '@pandesk/contract';
import type { Journal, NewItem } from './journal/journal';
import type { LocalFs } from './local-fs';
import { mapFsError, NotRegularFileError } from './util/fs-errors';
import { createNameAllocator, resolveInside, safeLocalName } from './util/safe-name';

/**
 * Rows per journal transaction: each commit is an fsync, so larger chunks enqueue a big batch
 * faster; 2,000 rows still commit in well under a second, so the event loop keeps turning.
 */
const CHUNK = 2000;

/** Fields of an item that has not started yet: queued, nothing done, no error, no session. */
export function notStartedFields(now: number) {
  return {
    remoteFileId: null,
    size: 0,
    etag: null,
    bytesDone: 0,
    state: 'queued',
    pauseReason: null,
    ...NO_ERROR,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    sessionJson: null,
    finalPath: null,
    createAttempted: false,
  } as const satisfies Partial<NewItem>;
}

function baseItem(
  batchId: string,
  index: number,
  now: number,
  priority: number,
): Omit<NewItem, 'direction' | 'kind' | 'name' | 'localPath' | 'conflict'> {
  return {
    id: newItemId(),
    batchId,
    parentItemId: null,
    dedupKey: `${batchId}|${index}`,
    remoteParentId: null,
    priority,
    ...notStartedFields(now),
  };
}

async function insertChunked(
  journal: Journal,
  items: NewItem[],
  onInserted: (items: NewItem[]) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    journal.insertItems(chunk);
    onInserted(chunk);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

interface LocalKind {
  kind: 'file' | 'folder';
  size: number;
  /** Not a regular file or folder: never to be opened. */
  special: boolean;
}

/** stat only (never open): a FIFO must not be touched before it is known to be one. */
async function kindOf(fs: LocalFs, path: string): Promise<LocalKind> {
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) return { kind: 'folder', size: 0, special: false };
    return { kind: 'file', size: st.isFile() ? st.size : 0, special: !st.isFile() };
  } catch {
    return { kind: 'file', size: 0, special: false }; // the job reports the problem in words
  }
}

/** How an upload of a special file is journaled: failed, with the reason. */
function refusedFields(now: number) {
  const error = mapFsError(new NotRegularFileError());
  return {
    state: 'failed',
    ...errorFields({ ...error, retryable: false }),
    finishedAt: now,
  } as const satisfies Partial<NewItem>;
}

export async function enqueueUpload(
  journal: Journal,
  fs: LocalFs,
  cmd: UploadCommand,
  now: number,
  onInserted: (items: NewItem[]) => void,
): Promise<string> {
  const batchId = cmd.batchId ?? crypto.randomUUID();
  const items: NewItem[] = [];
  for (const [index, path] of cmd.localPaths.entries()) {
    const { kind, size, special } = await kindOf(fs, path);
    items.push({
      ...baseItem(batchId, index, now, 0),
      direction: 'upload',
      kind,
      name: basename(path),
      localPath: path,
      remoteParentId: cmd.remoteParentId,
      size,
      conflict: cmd.conflict,
      ...(special ? refusedFields(now) : {}),
    });
    if (index % CHUNK === CHUNK - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  await insertChunked(journal, items, onInserted);
  return batchId;
}

/** Throws UnsafePathError before anything is queued if a name would escape `localDir`. */
export async function enqueueDownload(
  journal: Journal,
  cmd: DownloadCommand,
  now: number,
  onInserted: (items: NewItem[]) => void,
): Promise<string> {
  const batchId = cmd.batchId ?? crypto.randomUUID();
  const localName = createNameAllocator();
  const items: NewItem[] = cmd.sources.map((src, index) => ({
    ...baseItem(batchId, index, now, 0),
    direction: 'download',
    kind: src.type === 'folder' ? 'folder' : 'file',
    name: src.name,
    localPath: resolveInside(cmd.localDir, localName(safeLocalName(src.name))),
    remoteFileId: src.fileId,
    size: src.type === 'folder' || src.etag === undefined ? 0 : (src.size ?? 0),
    etag: src.type === 'folder' ? null : src.etag || null,
    conflict: cmd.conflict,
  }));
  await insertChunked(journal, items, onInserted);
  return batchId;
}
