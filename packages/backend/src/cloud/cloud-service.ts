/**
 * Shares, direct links, cloud downloads and copies, composed over the drive in use: builds
 * their handlers and keeps the recent cloud tasks bound to the drive (a new session follows
 * that drive's running downloads again; a copy PanDesk was doing when it stopped is marked
 * interrupted). Closing stops every follower and copy and waits for the task list to be saved.
 */
import type {
  CloudApi,
  DirectLinksApi,
  FileId,
  FilesApi,
  PanDeskEventHub,
  SharesApi,
} from '@pandesk/contract';
import type { AuthService } from '../auth/auth-types';
import { createDirectLinkStore } from '../direct-links/direct-link-store';
import { loadDirectLinkKey } from '../direct-links/direct-link-key';
import { createDirectLinksApi } from '../direct-links/direct-links-api';
import type { Logger } from '../log/daily-log';
import type { FolderCache } from '../files/folder-cache';
import type { TrashBin } from '../files/trash-bin';
import type { Redactor } from '../log/redact';
import type { BackendPorts, Clock, LocalFs } from '../ports';
import { createSharesApi } from '../shares/shares-api';
import { cloudError, createCloudRun } from './cloud-errors';
import { createCopyRunner } from './copy-runner';
import { createDriveIdentity } from './drive-identity';
import { identityWithRetries } from './identity-retry';
import { createOfflineDownloads } from './offline-downloads';
import { createCloudTaskList } from './task-list';

/** Base pause between progress reads of service tasks (the reference's "about once a second", §9). */
const DEFAULT_POLL_MS = 1000;

/** What the service needs from the back end (the back end's core parts fit as they are). */
export interface CloudServiceOptions {
  ports: Pick<BackendPorts, 'paths' | 'secretVault' | 'tuning'>;
  auth: AuthService;
  fs: LocalFs;
  events: PanDeskEventHub;
  clock: Clock;
  logger: Logger;
  /** Learns secret values so the log can redact them (the direct-link private key). */
  redactor: Pick<Redactor, 'addSecret'>;
  /** Listings PanDesk keeps, dropped when copies or downloads change a folder. */
  cache: Pick<FolderCache, 'invalidate'>;
  /** PanDesk's recycle bin view, told about originals a copy replaced. */
  bin: Pick<TrashBin, 'trashed'>;
  /** Tracks background work so close() can wait for it. */
  track: (work: Promise<unknown>) => void;
}

export interface CloudService {
  readonly shares: SharesApi;
  readonly directLinks: DirectLinksApi;
  readonly cloud: CloudApi;
  readonly copy: FilesApi['copy'];
  /** The session listener: the drive in use changed (or went away while signing in). */
  onSession(hasSession: boolean): void;
  close(): Promise<void>;
}

export async function createCloudService(options: CloudServiceOptions): Promise<CloudService> {
  const { auth, clock, logger, ports, events } = options;
  /** Listings changed: cache dropped, `folder:changed` sent, the quota read again. */
  const changed = (folderIds: readonly FileId[], trashChanged: boolean): void => {
    for (const id of folderIds) options.cache.invalidate(id);
    events.emit('folder:changed', { folderIds, trashChanged });
    options.track(auth.refreshAccount());
  };
  const userData = ports.paths.userData;
  const pollMs = ports.tuning?.cloudPollMs ?? DEFAULT_POLL_MS;
  const client = () => auth.requireClient();
  const run = createCloudRun(() => auth.reportAuthFailure());
  const identity = createDriveIdentity(auth);
  const tasks = createCloudTaskList({ fs: options.fs, userData, events, logger });
  const offline = createOfflineDownloads({
    client,
    tasks,
    clock,
    pollMs,
    changed: (ids) => changed(ids, false),
  });
  const copies = createCopyRunner({
    client,
    tasks,
    clock,
    pollMs,
    logger,
    changed,
    onTrashed: (ids) => options.bin.trashed(ids),
  });
  const key = await loadDirectLinkKey(ports.secretVault, (value) => options.redactor.addSecret(value));
  let binding: Promise<void> = Promise.resolve();
  /** Stops the identity retries of the session being bound (a newer session replaces it). */
  let bindAbort = new AbortController();

  async function bind(hasSession: boolean, signal: AbortSignal): Promise<void> {
    await offline.stopAll();
    if (!hasSession) return; // signing in again: the same drive usually comes back
    const drive = await identityWithRetries({
      identity: () => identity(),
      signal,
      baseDelayMs: pollMs,
      maxDelayMs: 30 * pollMs,
      onRetry: (error, attempt) => logger.warn(`cloud tasks: drive identity, attempt ${attempt}`, error),
    });
    if (drive === null) return;
    for (const task of await tasks.bind(drive.key)) {
      if (task.kind === 'cloud_download') offline.follow(task);
      else if (!copies.isActive(task.id))
        tasks.update(task.id, {
          state: 'failed',
          phase: null,
          problems: [cloudError('task_interrupted').toError()],
          updatedAt: clock.now(),
        });
    }
  }

  return {
    shares: createSharesApi({ client, clock, run }),
    directLinks: createDirectLinksApi({
      client,
      identity: () => identity(),
      status: () => auth.status(),
      key,
      store: createDirectLinkStore(options.fs, userData),
      clock,
      run,
    }),
    cloud: {
      // Into the drive's list once it is loaded: a task added before the load would be replaced
      // by the saved list, and the download then went on at the service with nobody following it.
      download: ({ urls, folderId }) =>
        run(async () => {
          await binding;
          return offline.submit(urls, folderId);
        }),
      // After the drive's list is loaded, when a session just started.
      tasks: () =>
        run(async () => {
          await binding;
          return tasks.snapshot();
        }),
      clearFinished: () =>
        run(async () => {
          tasks.clearFinished();
          return null;
        }),
    },
    copy: (input) =>
      run(async () => {
        await binding;
        return copies.start(input);
      }),
    onSession(hasSession) {
      bindAbort.abort();
      const abort = (bindAbort = new AbortController());
      binding = binding
        .then(() => bind(hasSession, abort.signal))
        .catch((e: unknown) => logger.error('cloud tasks', e));
      options.track(binding);
    },
    async close() {
      bindAbort.abort();
      await binding;
      await Promise.all([offline.stopAll(), copies.stopAll()]);
      await tasks.settled();
    },
  };
}
