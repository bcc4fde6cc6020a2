/**
 * The benchmark's engine process: the transfer engine exactly as the back end assembles it
 * (open-api client on the undici fetch, the DriveBackend adapter, the engine with its journal),
 * and nothing else, so its memory is the engine's. engine-host.ts bundles this file with
 * esbuild and runs it in plain Node, as the desktop app bundles its main process (no TypeScript
 * loader in memory). It takes one job at a time over IPC (a transfer, or hashing a file the
 * two ways of hash-passes.ts) and answers with its time, CPU, peak memory and what it asked of
 * the service.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RATE_TABLE, createPanClient } from '@pandesk/open-api';
import type { LimitKey, RateFigure } from '@pandesk/open-api';
import { createTransferEngine } from '@pandesk/transfer';
import type { DriveBackend, EngineTuning, TransferEngine } from '@pandesk/transfer';
import type { DownloadSource } from '@pandesk/contract';
import { createDriveBackend } from '@pandesk/pan-drive';
import { createDirectFetch } from '../src/net/undici-fetch';
import { hashPasses } from './hash-passes';
import type { HashMode } from './hash-passes';

export interface ChildConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  journalPath: string;
  /** Pace on the free rate table with every figure multiplied by this; none: no pacing. */
  rateScale?: number;
  tuning?: Partial<EngineTuning>;
}

export type ChildJob =
  | { op: 'upload'; paths: string[]; parentId: number; slicesPerFile?: number }
  | { op: 'download'; sources: DownloadSource[]; dir: string; segmentsPerFile?: number }
  | { op: 'hash'; path: string; size: number; mode: HashMode; sliceSize: number; parallel: number }
  | { op: 'exit' };

export interface ChildAnswer {
  ms: number;
  cpuMs: number;
  /** Highest resident memory during the job (from its start), MB. */
  peakRssMb: number;
  /** Resident memory now, MB. */
  rssMb: number;
  /** Time spent per item phase (hashing, uploading, completing, downloading, verifying), ms. */
  phases: Record<string, number>;
  /** Requests of the DriveBackend during the job, by method (`createUpload.instant` apart). */
  calls: Record<string, number>;
  failed: number;
  error?: string;
}

/** Resident memory now and its peak since the last reset (Linux /proc; NaN elsewhere), MB. */
function memory(): { rssMb: number; peakRssMb: number } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: Number.NaN, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  }
}

/** Starts a new peak-memory reading (Linux: "5" to clear_refs resets VmHWM). */
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Elsewhere the peak stays the process's.
  }
}

/** Time per phase of the items of a job, from the engine's snapshots (about 4 per second). */
function createPhaseClock(engine: TransferEngine): { take(): Record<string, number> } {
  let phases: Record<string, number> = {};
  let current: { phase: string; since: number } | null = null;
  const close = (now: number): void => {
    if (current) phases[current.phase] = (phases[current.phase] ?? 0) + now - current.since;
  };
  engine.onSnapshot((snapshot) => {
    const phase = snapshot.changed.find((i) => i.state === 'running')?.phase;
    if (!phase || phase === current?.phase) return;
    const now = performance.now();
    close(now);
    current = { phase, since: now };
  });
  return {
    take() {
      close(performance.now());
      const out = phases;
      phases = {};
      current = null;
      return out;
    },
  };
}

/** The adapter with every request counted. */
function counted(backend: DriveBackend, calls: Record<string, number>): DriveBackend {
  const count = (name: string): void => void (calls[name] = (calls[name] ?? 0) + 1);
  return {
    ...backend,
    uploadSingle: (...a) => (count('uploadSingle'), backend.uploadSingle(...a)),
    async createUpload(...a) {
      const created = await backend.createUpload(...a);
      count(created.kind === 'instant' ? 'createUpload.instant' : 'createUpload');
      return created;
    },
    uploadSlice: (...a) => (count('uploadSlice'), backend.uploadSlice(...a)),
    completeUpload: (...a) => (count('completeUpload'), backend.completeUpload(...a)),
    downloadUrl: (...a) => (count('downloadUrl'), backend.downloadUrl(...a)),
    fileInfo: (...a) => (count('fileInfo'), backend.fileInfo(...a)),
    listChildren: (...a) => (count('listChildren'), backend.listChildren(...a)),
    ensureFolder: (...a) => (count('ensureFolder'), backend.ensureFolder(...a)),
  };
}

/** The free table with every figure multiplied by `scale`. */
function scaledTable(scale: number): Partial<Record<LimitKey, RateFigure>> {
  const times = (q: number | null): number | null => (q === null ? null : q * scale);
  return Object.fromEntries(
    Object.entries(RATE_TABLE).map(([key, figure]) => [
      key,
      { free: times(figure.free), vip: times(figure.vip) },
    ]),
  );
}

async function runToIdle(
  engine: TransferEngine,
  start: () => Promise<string>,
): Promise<{ failed: number; error?: string }> {
  await start();
  await engine.whenIdle();
  const failed = engine.getPage({ offset: 0, limit: 10, states: ['failed'] });
  engine.clearFinished();
  const error = failed.items[0]?.error?.message;
  return { failed: failed.total, ...(error === undefined ? {} : { error }) };
}

type EngineJob = Exclude<ChildJob, { op: 'exit' } | { op: 'hash' }>;

function startJob(engine: TransferEngine, job: EngineJob): () => Promise<string> {
  if (job.op === 'upload') {
    if (job.slicesPerFile !== undefined) engine.setLimits({ slicesPerFile: job.slicesPerFile });
    return () =>
      engine.upload({ localPaths: job.paths, remoteParentId: job.parentId, conflict: 'overwrite' });
  }
  if (job.segmentsPerFile !== undefined) engine.setLimits({ segmentsPerFile: job.segmentsPerFile });
  return () => engine.download({ sources: job.sources, localDir: job.dir, conflict: 'overwrite' });
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_CHILD_CONFIG ?? '{}') as ChildConfig;
  const direct = createDirectFetch();
  const client = createPanClient({
    baseUrl: config.baseUrl,
    credentials: { kind: 'client', clientId: config.clientId, clientSecret: config.clientSecret },
    fetch: direct.fetch,
    rateTable: config.rateScale === undefined ? false : scaledTable(config.rateScale),
  });
  const calls: Record<string, number> = {};
  const engine = createTransferEngine({
    journalPath: config.journalPath,
    backend: counted(
      createDriveBackend(() => client),
      calls,
    ),
    fetch: direct.fetch,
    ...(config.tuning === undefined ? {} : { tuning: config.tuning }),
  });
  engine.start();
  const phaseClock = createPhaseClock(engine);
  process.on('message', (job: ChildJob) => {
    if (job.op === 'exit') {
      void engine.close().then(() => direct.close().then(() => process.exit(0)));
      return;
    }
    for (const key of Object.keys(calls)) delete calls[key];
    resetPeak();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const answer = (outcome: { failed: number; error?: string }): void => {
      const used = process.cpuUsage(cpu);
      process.send?.({
        ms: performance.now() - started,
        cpuMs: (used.user + used.system) / 1000,
        ...memory(),
        phases: phaseClock.take(),
        calls: { ...calls },
        ...outcome,
      } satisfies ChildAnswer);
    };
    const done =
      job.op === 'hash'
        ? hashPasses(job.path, job.size, job).then(() => ({ failed: 0 }))
        : runToIdle(engine, startJob(engine, job));
    done.then(answer, (error: unknown) =>
      answer({ failed: 0, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.send?.({ ms: 0, cpuMs: 0, ...memory(), phases: {}, calls: {}, failed: 0 } satisfies ChildAnswer);
}

void main();
