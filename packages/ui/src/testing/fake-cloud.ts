import { because, fail, ok } from '@pandesk/contract';
import type {
  CloudApi,
  CloudTask,
  CopyInput,
  DirectLinksApi,
  FileEntry,
  FileId,
  FilesApi,
  PanDeskEventHub,
  Result,
  ShareLink,
  SharesApi,
} from '@pandesk/contract';
import type { FakeDrive } from './fake-drive';

/**
 * The cloud half of the fake bridge: shares (paged), direct links (enabled folders, a stored
 * private key that is never sent back), cloud downloads that stay running until the test
 * finishes them, and copies that follow the conflict policy like the back end.
 */
export interface FakeCloud {
  readonly shares: ShareLink[];
  readonly tasks: CloudTask[];
  /** The private key the renderer stored (back-end only; for assertions). */
  privateKey(): string | null;
  /** Ends a running cloud download: done (its file appears) or failed. */
  finishDownload(taskId: string, outcome?: 'completed' | 'failed'): void;
  /** Sets a running download's percentage. */
  progress(taskId: string, percent: number): void;
  handlers(): { shares: SharesApi; directLinks: DirectLinksApi; cloud: CloudApi; copy: FilesApi['copy'] };
}

const DAY_MS = 24 * 3600 * 1000;

function freeName(name: string, taken: (n: string) => boolean): string {
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) if (!taken(`${base}(${n})${ext}`)) return `${base}(${n})${ext}`;
}

export function createFakeCloud(
  drive: FakeDrive,
  hub: PanDeskEventHub,
  call: <I, O>(
    name: string,
    handler: (input: I) => Result<O> | Promise<Result<O>>,
  ) => (input?: I) => Promise<Result<O>>,
  options: { sharePageSize?: number; now?: () => number } = {},
): FakeCloud {
  const shares: ShareLink[] = [];
  const tasks: CloudTask[] = [];
  const enabled = new Set<FileId>();
  let key: string | null = null;
  let minutes = 1440;
  let nextTask = 1;
  const now = options.now ?? (() => Date.now());
  const pageSize = options.sharePageSize ?? 50;
  const announce = (): void => hub.emit('cloud:changed', { tasks: [...tasks].reverse() });
  const status = () => ({
    enabledFolderIds: [...enabled],
    hasPrivateKey: key !== null,
    signedLinkMinutes: minutes,
  });
  const liveChildren = (folderId: FileId): FileEntry[] =>
    [...drive.items.values()].filter((i) => !i.trashed && i.entry.parentId === folderId).map((i) => i.entry);

  function update(id: string, patch: Partial<CloudTask>): void {
    const index = tasks.findIndex((t) => t.id === id);
    const task = tasks[index];
    if (task === undefined) return;
    tasks[index] = { ...task, ...patch, updatedAt: now() };
    announce();
  }

  function copyEntry(entry: FileEntry, parentId: FileId, name: string): void {
    const copy = drive.add({ name, parentId, kind: entry.kind, size: entry.size });
    if (entry.kind === 'folder')
      for (const child of liveChildren(entry.id)) copyEntry(child, copy.id, child.name);
  }

  function copy(input: CopyInput): Result<CloudTask> {
    const sources = input.ids.map((id) => drive.items.get(id)).filter((i) => i !== undefined && !i.trashed);
    if (sources.length === 0) return fail('not_found', 'The items to copy no longer exist.');
    const counts = {
      total: input.ids.length,
      copied: 0,
      skipped: 0,
      failed: input.ids.length - sources.length,
    };
    const taken = (n: string): boolean => liveChildren(input.targetFolderId).some((e) => e.name === n);
    for (const { entry } of sources as { entry: FileEntry }[]) {
      const holder = liveChildren(input.targetFolderId).find((e) => e.name === entry.name);
      if (holder === undefined) copyEntry(entry, input.targetFolderId, entry.name);
      else if (holder.id === entry.id || input.conflict === 'keep_both')
        copyEntry(entry, input.targetFolderId, freeName(entry.name, taken));
      else if (input.conflict === 'skip') {
        counts.skipped++;
        continue;
      } else {
        drive.trash([holder.id]);
        copyEntry(entry, input.targetFolderId, entry.name);
      }
      counts.copied++;
    }
    const first = (sources[0] as { entry: FileEntry }).entry;
    const task: CloudTask = {
      id: `copy-${nextTask++}`,
      kind: 'copy',
      state: 'completed',
      phase: null,
      title: sources.length === 1 ? first.name : `${first.name} (+${sources.length - 1})`,
      url: null,
      targetFolderId: input.targetFolderId,
      percent: null,
      counts,
      problems: [],
      serviceStatus: null,
      createdAt: now(),
      updatedAt: now(),
    };
    tasks.push(task);
    announce();
    hub.emit('folder:changed', {
      folderIds: [input.targetFolderId],
      trashChanged: input.conflict === 'overwrite',
    });
    return ok(task);
  }

  const fake: FakeCloud = {
    shares,
    tasks,
    privateKey: () => key,
    progress: (taskId, percent) => update(taskId, { percent }),
    finishDownload(taskId, outcome = 'completed') {
      const task = tasks.find((t) => t.id === taskId);
      if (task === undefined) return;
      if (outcome === 'completed') {
        drive.add({ name: task.title, parentId: task.targetFolderId, size: 4096 });
        hub.emit('folder:changed', { folderIds: [task.targetFolderId], trashChanged: false });
      }
      update(taskId, {
        state: outcome,
        phase: null,
        percent: outcome === 'completed' ? 100 : task.percent,
        // As the back end reports it: the reason and its params, the service's own words in the detail.
        problems:
          outcome === 'failed'
            ? [
                because('cloud_fetch_failed', 'The 123pan service could not fetch this address.', {
                  params: { status: 1 },
                  detail: { serviceMessage: '离线下载失败' },
                  retryable: false,
                }),
              ]
            : [],
      });
    },
    handlers: () => ({
      shares: {
        create: call('shares.create', (input) => {
          const share: ShareLink = {
            id: 80_000_000 + shares.length,
            name: input.name,
            url: `https://www.123pan.com/s/fake-${shares.length}`,
            extractionCode: input.extractionCode ?? null,
            expiresAt: input.expiryDays === 0 ? null : now() + input.expiryDays * DAY_MS,
            expired: false,
            traffic: input.traffic ?? { package: 'off', limitBytes: null },
            previews: 0,
            downloads: 0,
            saves: 0,
            bytesCharged: 0,
          };
          shares.push(share);
          return ok(share);
        }),
        list: call('shares.list', ({ cursor }) => {
          const start = cursor === undefined ? 0 : Number(cursor.slice('share.'.length));
          const items = shares.slice(start, start + pageSize);
          const end = start + items.length;
          return ok({ items, cursor: end < shares.length ? `share.${end}` : null });
        }),
        setTraffic: call('shares.setTraffic', ({ ids, traffic }) => {
          for (const [i, share] of shares.entries())
            if (ids.includes(share.id)) shares[i] = { ...share, traffic };
          return ok(null);
        }),
      },
      directLinks: {
        status: call('directLinks.status', () => ok(status())),
        enable: call('directLinks.enable', ({ folderId }) => (enabled.add(folderId), ok(status()))),
        disable: call('directLinks.disable', ({ folderId }) => (enabled.delete(folderId), ok(status()))),
        url: call('directLinks.url', ({ fileId }) => {
          const entry = drive.items.get(fileId)?.entry;
          if (entry === undefined || !enabled.has(entry.parentId))
            return fail('internal', 'The 123pan service reported a problem: 文件不在已开启直链的文件夹中');
          const base = `https://vip.fake-cdn.example/1814435920/${encodeURIComponent(entry.name)}`;
          return ok(
            key === null
              ? { fileId, url: base, signed: false, expiresAt: null }
              : {
                  fileId,
                  url: `${base}?auth_key=1-abc-1-def`,
                  signed: true,
                  expiresAt: now() + minutes * 60_000,
                },
          );
        }),
        setSigning: call('directLinks.setSigning', (patch) => {
          if (patch.privateKey !== undefined) key = patch.privateKey;
          if (patch.signedLinkMinutes !== undefined) minutes = patch.signedLinkMinutes;
          return ok(status());
        }),
      },
      cloud: {
        download: call('cloud.download', ({ urls, folderId }) => {
          const created = urls.map((url): CloudTask => ({
            id: `dl-${nextTask++}`,
            kind: 'cloud_download',
            state: 'running',
            phase: 'fetching',
            title: decodeURIComponent(new URL(url).pathname.split('/').pop() || new URL(url).hostname),
            url,
            targetFolderId: folderId,
            percent: 0,
            counts: null,
            problems: [],
            serviceStatus: 0,
            createdAt: now(),
            updatedAt: now(),
          }));
          tasks.push(...created);
          announce();
          return ok(created);
        }),
        tasks: call('cloud.tasks', () => ok([...tasks].reverse())),
        clearFinished: call('cloud.clearFinished', () => {
          const running = tasks.filter((t) => t.state === 'running');
          tasks.splice(0, tasks.length, ...running);
          announce();
          return ok(null);
        }),
      },
      copy: call('files.copy', copy),
    }),
  };
  return fake;
}
