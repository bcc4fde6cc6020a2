/**
 * The transfer engine composed into the back end: one engine (and journal) per drive, so the
 * demo drive's queue never runs against the real drive. Snapshots go out as
 * `transfers:changed`; completed uploads announce their folders with `folder:changed`; lost
 * auth pauses the queue and regained auth resumes it.
 */
import { join } from 'node:path';
import type { FileId, PanDeskEventHub, Settings, TransferSnapshot } from '@pandesk/contract';
import { createTransferEngine } from '@pandesk/transfer';
import type { DriveBackend, FetchLike, TransferEngine } from '@pandesk/transfer';
import type { DriveMode } from '../drive/drive-session';
import type { Logger } from '../log/daily-log';
import type { LocalFs, PlatformHooks } from '../ports';
import { createBatchNotifier } from './batch-notifier';
import type { BatchNotifier } from './batch-notifier';
import { createPlatformFeedback } from './platform-feedback';

export interface TransferServiceOptions {
  userData: string;
  backend: DriveBackend;
  fetch: FetchLike;
  fs?: LocalFs;
  events: PanDeskEventHub;
  platform: PlatformHooks;
  logger: Logger;
  settings: () => Settings;
  snapshotIntervalMs?: number;
  /** The engine paused itself because the drive refused auth. */
  onAuthBlocked: () => void;
  /** Folders whose listing changed because uploads finished there. */
  onFoldersChanged: (folderIds: readonly FileId[]) => void;
  /** An engine was opened and started for a drive (modules keeping state in its journal follow it). */
  onEngineOpened?: (engine: TransferEngine) => void;
  /** The engine is about to close: those modules let go of its journal first. */
  onEngineClosing?: () => Promise<void>;
}

export interface TransferService {
  /** The engine of the current drive (waits for a drive switch in progress). */
  engine(): Promise<TransferEngine>;
  /** Switches to the drive's engine (if needed) and tells it whether auth is available. */
  bind(mode: DriveMode, authAvailable: boolean): Promise<void>;
  /** A batch the user just queued on the current engine: notify once when it finishes. */
  trackBatch(batchId: string): void;
  applySettings(settings: Settings): void;
  close(): Promise<void>;
}

export function journalPath(userData: string, mode: DriveMode): string {
  return join(userData, mode === 'demo' ? 'transfers-demo.db' : 'transfers.db');
}

function limitsOf(s: Settings) {
  return {
    uploadFiles: s.uploadConcurrency,
    downloadFiles: s.downloadConcurrency,
    uploadBytesPerSecond: s.uploadSpeedLimit,
    downloadBytesPerSecond: s.downloadSpeedLimit,
  };
}

export function createTransferService(options: TransferServiceOptions): TransferService {
  const feedback = createPlatformFeedback(options.platform, options.settings().keepAwake);
  let current: {
    mode: DriveMode;
    engine: TransferEngine;
    batches: BatchNotifier;
    unsubscribe: () => void;
  } | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  const announced = new Set<string>();

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  }

  function onSnapshot(snapshot: TransferSnapshot): void {
    options.events.emit('transfers:changed', snapshot);
    feedback.onSnapshot(snapshot);
    current?.batches.onSnapshot(snapshot);
    if (snapshot.summary.authBlocked) options.onAuthBlocked();
    const folders = new Set<FileId>();
    for (const item of snapshot.changed) {
      if (item.direction !== 'upload' || item.state !== 'completed' || announced.has(item.id)) continue;
      announced.add(item.id);
      if (item.remoteParentId !== null) folders.add(item.remoteParentId);
    }
    if (folders.size > 0) options.onFoldersChanged([...folders]);
  }

  async function open(mode: DriveMode): Promise<TransferEngine> {
    if (current?.mode === mode) return current.engine;
    await shut();
    const engine = createTransferEngine({
      journalPath: journalPath(options.userData, mode),
      backend: options.backend,
      fetch: options.fetch,
      ...(options.fs === undefined ? {} : { fs: options.fs }),
      limits: limitsOf(options.settings()),
      ...(options.snapshotIntervalMs === undefined ? {} : { snapshotIntervalMs: options.snapshotIntervalMs }),
    });
    // Per engine, so batches reloaded from this drive's journal are never tracked.
    const batches = createBatchNotifier(options.platform, (query) => engine.getPage(query));
    const unsubscribe = engine.onSnapshot(onSnapshot);
    current = { mode, engine, batches, unsubscribe };
    engine.start();
    options.onEngineOpened?.(engine);
    options.logger.info(`transfer queue opened for the ${mode} drive`);
    return engine;
  }

  async function shut(): Promise<void> {
    const last = current;
    current = null;
    if (last === null) return;
    await options.onEngineClosing?.();
    await last.engine.close();
    last.unsubscribe();
    feedback.reset();
  }

  return {
    engine: () => serial(async () => current?.engine ?? open('real')),
    bind: (mode, authAvailable) =>
      serial(async () => {
        (await open(mode)).setAuthAvailable(authAvailable);
      }),
    trackBatch(batchId) {
      current?.batches.track(batchId);
    },
    applySettings(settings) {
      current?.engine.setLimits(limitsOf(settings));
      feedback.setKeepAwakeAllowed(settings.keepAwake);
    },
    close: () => serial(shut),
  };
}
