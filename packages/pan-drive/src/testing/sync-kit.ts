/**
 * A sync pair against fake-pan over the shipped adapters: open-api client, the engine's
 * DriveBackend and the sync's SyncRemote of this package, the transfer engine, the sync store
 * in the engine's journal. `sync()` runs the pair once and confirms a plan that waits. Local
 * trash is the pair's `.pandesk-trash` folder, so tests can look inside it.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { SyncDeletions, SyncMode, SyncSchedule } from '@pandesk/contract';
import { startFakePan } from '@pandesk/fake-pan';
import type { FakePan, FakePanOptions } from '@pandesk/fake-pan';
import { createPanClient } from '@pandesk/open-api';
import type { PanClient } from '@pandesk/open-api';
import { createFolderTrash, finishRun, openSyncStore, runPair } from '@pandesk/sync';
import type { PairRecord, RunDeps, RunResult, SyncStore } from '@pandesk/sync';
import { createTransferEngine } from '@pandesk/transfer';
import type { TransferEngine } from '@pandesk/transfer';
import { createDriveBackend } from '../drive-backend';
import { createSyncRemote } from '../sync-remote';
import { TEST_TUNING } from './pan-kit';

export const md5 = (b: Uint8Array | string): string => createHash('md5').update(b).digest('hex');

export interface SyncKit {
  pan: FakePan;
  client: PanClient;
  engine: TransferEngine;
  store: SyncStore;
  deps: RunDeps;
  pair: PairRecord;
  /** The pair's local folder. */
  local: string;
  /** The pair's cloud folder id (`/pair` in fake-pan). */
  remoteId: number;
  work: string;
  /** One run; a plan that waits for confirmation is confirmed and done. */
  sync(): Promise<RunResult>;
  writeLocal(rel: string, content: string): void;
  /** A new cloud file, or a new version of one: the old version goes to the recycle bin. */
  writeRemote(rel: string, content: string): Promise<void>;
  localTree(): Map<string, string>;
  remoteTree(): Map<string, string>;
  /** Contents of everything in the local `.pandesk-trash` folder. */
  localTrash(): string[];
  /** Contents of every trashed file under the pair's cloud folder. */
  remoteBin(): string[];
  setMode(mode: SyncMode, deletions?: SyncDeletions): void;
  close(): Promise<void>;
}

export interface SyncKitOptions {
  mode: SyncMode;
  deletions?: SyncDeletions;
  fakePan?: FakePanOptions;
  confirmAbove?: number;
  caseInsensitive?: boolean;
  /** Told how many local files each scan hashed. */
  onHashed?: (count: number) => void;
}

const SCHEDULE: SyncSchedule = { kind: 'interval', minutes: 60 };

function walk(
  root: string,
  out: Map<string, string>,
  skipReserved: boolean,
  dir = root,
): Map<string, string> {
  for (const name of readdirSync(dir)) {
    if (skipReserved && dir === root && name.startsWith('.pandesk-')) continue;
    const path = join(dir, name);
    const rel = relative(root, path).split('\\').join('/');
    if (statSync(path).isDirectory()) {
      out.set(rel, 'dir');
      walk(root, out, skipReserved, path);
    } else out.set(rel, readFileSync(path, 'utf8'));
  }
  return out;
}

export async function startSyncKit(options: SyncKitOptions): Promise<SyncKit> {
  const pan = await startFakePan({
    ...options.fakePan,
    faults: { rateLimits: false, ...options.fakePan?.faults },
  });
  const work = mkdtempSync(join(tmpdir(), 'pandesk-sync-'));
  const local = join(work, 'local');
  mkdirSync(local);
  const client = createPanClient({
    baseUrl: pan.baseUrl,
    credentials: { kind: 'client', clientId: pan.clientId, clientSecret: pan.clientSecret },
    rateTable: false,
  });
  const engine = createTransferEngine({
    journalPath: join(work, 'transfers.db'),
    backend: createDriveBackend(() => client),
    tuning: TEST_TUNING,
  });
  engine.start();
  const store = openSyncStore(engine.database());
  const remoteId = pan.state.addFolder('/pair').id;
  store.pairs.add({
    id: 'pair-1',
    config: {
      localPath: local,
      remoteFolderId: remoteId,
      remotePath: '/pair',
      mode: options.mode,
      deletions: options.deletions ?? 'ignore',
      schedule: SCHEDULE,
      confirmAbove: options.confirmAbove ?? 1_000_000,
    },
    paused: false,
    createdAt: 1,
    caseInsensitive: options.caseInsensitive ?? false,
  });
  const deps: RunDeps = {
    store,
    remote: createSyncRemote(() => client),
    transfers: engine,
    trash: createFolderTrash(),
    host: 'test-host',
    now: () => Date.now(),
    listRate: () => 5,
    ...(options.onHashed === undefined ? {} : { onHashed: options.onHashed }),
  };
  const hooks = (signal: AbortSignal) => ({
    signal,
    scope: null,
    manual: true,
    onPhase: () => undefined,
    onProgress: () => undefined,
  });
  const kit: SyncKit = {
    pan,
    client,
    engine,
    store,
    deps,
    get pair() {
      return store.pairs.get('pair-1') as PairRecord;
    },
    local,
    remoteId,
    work,
    async sync() {
      const signal = new AbortController().signal;
      const result = await runPair(deps, kit.pair, hooks(signal));
      if (result !== 'awaiting_confirmation') return result;
      const open = store.runs.open('pair-1');
      if (open === undefined) throw new Error('no plan waits');
      await finishRun(deps, kit.pair, open, hooks(signal));
      return 'finished';
    },
    writeLocal(rel, content) {
      const path = join(local, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    },
    async writeRemote(rel, content) {
      const existing = pan.state.find(`/pair/${rel}`);
      if (existing) await client.files.trash([existing.id]);
      await pan.state.addFile(`/pair/${rel}`, content);
    },
    localTree: () => walk(local, new Map(), true),
    remoteTree() {
      const out = new Map<string, string>();
      const visit = (folderId: number, prefix: string): void => {
        for (const node of pan.state.list(folderId)) {
          if (node.trashed) continue;
          const rel = prefix + node.name;
          if (node.type === 1) {
            out.set(rel, 'dir');
            visit(node.id, `${rel}/`);
          } else out.set(rel, readFileSync(pan.context.content.blobPath(node.md5, node.size), 'utf8'));
        }
      };
      visit(remoteId, '');
      return out;
    },
    localTrash() {
      const dir = join(local, '.pandesk-trash');
      if (!existsSync(dir)) return [];
      return [...walk(dir, new Map(), false).values()].filter((v) => v !== 'dir');
    },
    remoteBin() {
      const out: string[] = [];
      const visit = (folderId: number, inBin: boolean): void => {
        for (const node of pan.state.list(folderId)) {
          const trashed = inBin || node.trashed;
          if (node.type === 1) visit(node.id, trashed);
          else if (trashed) out.push(readFileSync(pan.context.content.blobPath(node.md5, node.size), 'utf8'));
        }
      };
      visit(remoteId, false);
      return out;
    },
    setMode(mode, deletions) {
      store.pairs.setConfig('pair-1', { ...kit.pair.config, mode, ...(deletions ? { deletions } : {}) });
    },
    async close() {
      await engine.close();
      await pan.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
  return kit;
}
