/**
 * The sync cases of `pnpm bench`: a two-way pair over a tree of BENCH_SYNC_FILES files (default
 * 20,000) in BENCH_SYNC_FOLDERS folders (default 500), the same on both sides. fake-pan runs in
 * its own process with the free tier's rate limits on, and the client paces itself by the rate
 * table as the app's does, so listing time is the real cost of a scan.
 *
 * - sync_20k_initial: the pair's first run: both sides scanned, every local file hashed, the
 *   plan made and its 20,000 records written to the base.
 * - sync_20k_rescan: the next run over the unchanged tree.
 *
 * `list_calls` is what the cloud scan made; `floor_calls` the least any client can make (one
 * call per page of 100 items per folder) and `floor_s` the least time those take at the free
 * tier's listing rate; `ratio` = time / floor_s, `remote_scan_s` the time from the first
 * listing call to the last answer and `remote_scan_ratio` that over floor_s. `hashed` is the local files read and hashed,
 * `transfers` the transfer items created, `peak_rss_mb` this process's peak (the sync, its
 * engine and journal; fake-pan is elsewhere).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakePan } from '@pandesk/fake-pan';
import { createPanClient, RATE_TABLE } from '@pandesk/open-api';
import { createDriveBackend, createSyncRemote } from '@pandesk/pan-drive';
import { createFolderTrash, openSyncStore, runPair } from '@pandesk/sync';
import type { PairRecord, RunDeps } from '@pandesk/sync';
import { createTransferEngine } from '@pandesk/transfer';

export const SYNC_CASES = ['sync_20k_initial', 'sync_20k_rescan'] as const;

const FILES = Number(process.env.BENCH_SYNC_FILES ?? 20_000);
const FOLDERS = Number(process.env.BENCH_SYNC_FOLDERS ?? 500);
const PAGE = 100;
const LIST_RATE = RATE_TABLE.list_v2.free ?? 5;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface PanProcess {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  stop(): void;
}

/** fake-pan's command line on a data folder arranged before, answering its banner. */
function startPanProcess(dataDir: string): Promise<PanProcess> {
  const cli = join(repoRoot, 'packages/fake-pan/src/cli.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const first = out.split('\n')[0];
      if (!out.includes('\n') || !first) return;
      const banner = JSON.parse(first) as Omit<PanProcess, 'stop'>;
      resolveStart({ ...banner, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`fake-pan exited (${code})`)));
  });
}

/** The same tree locally and in fake-pan's `/sync` (its data folder), with distinct contents. */
async function arrangeTree(local: string, panData: string): Promise<void> {
  const pan = await startFakePan({ port: 0, dataDir: panData, faults: { rateLimits: false } });
  try {
    pan.state.addFolder('/sync');
    for (let i = 0; i < FILES; i++) {
      const folder = `d${String(i % FOLDERS).padStart(3, '0')}`;
      const rel = `${folder}/f${String(i).padStart(5, '0')}.txt`;
      const content = `file ${i} of the sync bench\n`;
      mkdirSync(join(local, folder), { recursive: true });
      writeFileSync(join(local, rel), content);
      await pan.state.addFile(`/sync/${rel}`, content);
    }
  } finally {
    await pan.close();
  }
}

function floorCalls(): number {
  const perFolder = Math.ceil(FILES / FOLDERS);
  return Math.max(1, Math.ceil(FOLDERS / PAGE)) + FOLDERS * Math.max(1, Math.ceil(perFolder / PAGE));
}

/** Runs the sync cases wanted; writes one line per case. */
export async function benchSync(wanted: (name: string) => boolean): Promise<void> {
  if (!SYNC_CASES.some(wanted)) return;
  const work = mkdtempSync(join(tmpdir(), 'pandesk-sync-bench-'));
  const local = join(work, 'local');
  const panData = join(work, 'pan');
  mkdirSync(local);
  await arrangeTree(local, panData);
  const pan = await startPanProcess(panData);
  let listCalls = 0;
  let firstListAt = 0;
  let lastListAt = 0;
  const client = createPanClient({
    baseUrl: pan.baseUrl,
    credentials: { kind: 'client', clientId: pan.clientId, clientSecret: pan.clientSecret },
    fetch: async (input, init) => {
      if (!String(input).includes('/api/v2/file/list')) return globalThis.fetch(input, init);
      if (listCalls++ === 0) firstListAt = performance.now();
      const response = await globalThis.fetch(input, init);
      lastListAt = performance.now();
      return response;
    },
  });
  const engine = createTransferEngine({
    journalPath: join(work, 'transfers.db'),
    backend: createDriveBackend(() => client),
  });
  try {
    engine.start();
    const store = openSyncStore(engine.database());
    const remoteFolderId = await client.files.ensureFolderPath(['sync'], { rootId: 0 });
    store.pairs.add({
      id: 'bench',
      config: {
        localPath: local,
        remoteFolderId,
        remotePath: '/sync',
        mode: 'two_way',
        deletions: 'ignore',
        schedule: { kind: 'interval', minutes: 60 },
        confirmAbove: 50,
      },
      paused: false,
      createdAt: Date.now(),
      caseInsensitive: false,
    });
    const pair = (): PairRecord => store.pairs.get('bench') as PairRecord;
    let hashed = 0;
    const deps: RunDeps = {
      store,
      remote: createSyncRemote(() => client),
      transfers: engine,
      trash: createFolderTrash(),
      host: hostname(),
      now: () => Date.now(),
      listRate: () => LIST_RATE,
      onHashed: (count) => (hashed = count),
    };
    for (const name of SYNC_CASES) {
      listCalls = 0;
      const started = performance.now();
      const result = await runPair(deps, pair(), {
        signal: new AbortController().signal,
        scope: null,
        manual: false,
        onPhase: () => undefined,
        onProgress: () => undefined,
      });
      const ms = performance.now() - started;
      const floorS = floorCalls() / LIST_RATE;
      if (!wanted(name)) continue;
      const fields = {
        time_s: (ms / 1000).toFixed(1),
        ratio: (ms / 1000 / floorS).toFixed(2),
        remote_scan_s: ((lastListAt - firstListAt) / 1000).toFixed(1),
        remote_scan_ratio: ((lastListAt - firstListAt) / 1000 / floorS).toFixed(2),
        list_calls: String(listCalls),
        floor_calls: String(floorCalls()),
        floor_s: floorS.toFixed(1),
        hashed: String(hashed),
        transfers: String(engine.getSummary().total),
        base_entries: String(store.base.count('bench')),
        result,
        peak_rss_mb: String(Math.round(process.resourceUsage().maxRSS / 1024)),
        files: String(FILES),
        folders: String(FOLDERS),
        cores: String(availableParallelism()),
      };
      const text = Object.entries(fields)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      process.stdout.write(`${name} ${text}\n`);
    }
  } finally {
    await engine.close();
    pan.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
