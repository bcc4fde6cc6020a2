/**
 * Opening cloud files with the OS's applications: the file is downloaded into the open cache
 * of the current drive through the transfer queue (verified, resumable and visible in the
 * transfers panel like any download), then handed to the OS. An unchanged file (same MD5,
 * same size) opens from the cache at once, with no traffic. Also opens finished downloads.
 */
import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { ApiException, isErrorCode } from '@pandesk/contract';
import type { FileDetail, FileId, OpenCacheInfo, OpenedFile, TransferItem } from '@pandesk/contract';
import type { TransferEngine } from '@pandesk/transfer';
import type { Clock, PlatformHooks } from '../ports';
import { createCacheFolder } from './cache-folder';
import type { CacheFolder, CacheFs } from './cache-folder';

const MIB = 1024 * 1024;

export interface OpenFilesOptions {
  /** `<userData>/open-cache`; one subfolder per drive. */
  readonly root: string;
  /** The current drive's key (`demo` or the account's uid). */
  readonly driveKey: () => Promise<string>;
  readonly detail: (id: FileId) => Promise<FileDetail>;
  readonly engine: () => Promise<TransferEngine>;
  readonly platform: PlatformHooks;
  readonly limitMb: () => number;
  readonly clock: Clock;
  readonly fs?: CacheFs;
}

export interface OpenFiles {
  readonly available: boolean;
  openFile(fileId: FileId): Promise<OpenedFile>;
  openDownload(transferId: string, how: 'open' | 'reveal'): Promise<void>;
  info(): Promise<OpenCacheInfo>;
  clear(): Promise<void>;
}

function unsupported(): ApiException {
  return ApiException.because(
    'not_available_here',
    'Opening files with other applications is not available here.',
  );
}

/** The download's own failure (its reason, params and the service's words), for the caller to word. */
function failure(item: TransferItem): ApiException {
  if (item.state === 'cancelled') return ApiException.because('cancelled', 'Opening was cancelled.');
  const error = item.error;
  if (error === null)
    return ApiException.because('local_io_error', 'The file could not be downloaded to open it.');
  return new ApiException(isErrorCode(error.code) ? error.code : 'io', error.message, error.retryable, error);
}

/** Resolves with the finished item of a batch (its single top-level item), rejects when it fails. */
function finished(engine: TransferEngine, batchId: string): { done: Promise<TransferItem>; stop(): void } {
  let stop = (): void => undefined;
  const done = new Promise<TransferItem>((resolve, reject) => {
    stop = engine.onSnapshot((snapshot) => {
      const item = snapshot.changed.find((i) => i.batchId === batchId && i.parentItemId === null);
      if (item?.state === 'completed') resolve(item);
      else if (item?.state === 'failed' || item?.state === 'cancelled' || item?.state === 'skipped')
        reject(failure(item));
    });
  });
  return { done, stop: () => stop() };
}

export function createOpenFiles(options: OpenFilesOptions): OpenFiles {
  const { platform } = options;
  const openPath = platform.openPath;
  const inFlight = new Map<string, Promise<OpenedFile>>();
  const folder = async (): Promise<CacheFolder> =>
    createCacheFolder(join(options.root, await options.driveKey()), options.fs);

  async function fetchCopy(
    cache: CacheFolder,
    detail: FileDetail & { md5: string },
    dir: string,
  ): Promise<string> {
    const engine = await options.engine();
    await (options.fs ?? fsp).mkdir(dir, { recursive: true });
    const batchId = randomUUID();
    const watch = finished(engine, batchId);
    try {
      await engine.download({
        batchId,
        localDir: dir,
        conflict: 'overwrite',
        sources: [
          { fileId: detail.id, name: detail.name, type: 'file', size: detail.size, etag: detail.md5 },
        ],
      });
      const item = await watch.done;
      await cache.evict(options.limitMb() * MIB, dir);
      return item.localPath;
    } finally {
      watch.stop();
    }
  }

  async function open(fileId: FileId): Promise<OpenedFile> {
    if (openPath === undefined) throw unsupported();
    const detail = await options.detail(fileId);
    if (detail.kind !== 'file' || detail.md5 === null)
      throw ApiException.because('open_not_a_file', 'Only files can be opened with other applications.');
    const limit = options.limitMb() * MIB;
    if (detail.size > limit)
      throw ApiException.because(
        'open_larger_than_cache',
        `the file is larger than the open cache (${options.limitMb()} MiB)`,
        { params: { name: detail.name, limitMb: options.limitMb() } },
      );
    const cache = await folder();
    const dir = cache.versionDir(detail.id, detail.md5);
    const cached = await cache.findCopy(dir, detail.size);
    const path = cached ?? (await fetchCopy(cache, { ...detail, md5: detail.md5 }, dir));
    if (cached !== undefined) await cache.touch(cached, options.clock.now());
    await openPath(path);
    return { path, fromCache: cached !== undefined };
  }

  return {
    available: openPath !== undefined,
    openFile(fileId) {
      // Two requests for one file (a double double-click) share one download.
      const key = String(fileId);
      let pending = inFlight.get(key);
      if (pending === undefined) {
        pending = open(fileId).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
    async openDownload(transferId, how) {
      const act = how === 'open' ? openPath : platform.revealInFolder;
      if (act === undefined) throw unsupported();
      const engine = await options.engine();
      const item = findItem(engine, transferId);
      if (item === undefined || item.direction !== 'download' || item.state !== 'completed')
        throw ApiException.because('download_not_listed', 'the download is not among the finished ones');
      await act(item.localPath);
    },
    async info() {
      const copies = await (await folder()).list();
      return {
        files: copies.length,
        bytes: copies.reduce((sum, c) => sum + c.bytes, 0),
        limitBytes: options.limitMb() * MIB,
      };
    },
    clear: async () => (await folder()).clear(),
  };
}

/** A transfer by id, read page by page from the engine's list. */
function findItem(engine: TransferEngine, id: string): TransferItem | undefined {
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = engine.getPage({ offset, limit, direction: 'download', states: ['completed'] });
    const found = page.items.find((i) => i.id === id);
    if (found !== undefined) return found;
    if (offset + limit >= page.total) return undefined;
  }
}
