/**
 * The benchmark's engine process: the transfer engine exactly as the back end assembles it
 * (open-api client on the undici fetch, the DriveBackend adapter, the engine with its journal),
 * and nothing else, so its peak RSS is the engine's. bench.ts bundles this file with esbuild
 * and runs it in plain Node, as the desktop app bundles its main process (no TypeScript loader
 * in memory). It takes one job at a time over IPC and answers with its time and CPU.
 */
import { createPanClient } from '@pandesk/open-api';
import { createTransferEngine } from '@pandesk/transfer';
import type { TransferEngine } from '@pandesk/transfer';
import { createDirectFetch } from '../src/net/undici-fetch';
import { createDriveBackend } from '@pandesk/pan-drive';

export interface ChildConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  journalPath: string;
}

export type ChildJob =
  | { op: 'upload'; path: string }
  | { op: 'download'; fileId: number; size: number; etag: string; dir: string; segmentsPerFile: number }
  | { op: 'exit' };

export interface ChildAnswer {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  /** Time spent per item phase (hashing, uploading, completing, downloading, verifying), ms. */
  phases: Record<string, number>;
  error?: string;
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

async function runToIdle(engine: TransferEngine, start: () => Promise<string>): Promise<void> {
  await start();
  await engine.whenIdle();
  const failed = engine.getPage({ offset: 0, limit: 10, states: ['failed'] }).items;
  engine.clearFinished();
  if (failed.length > 0) throw new Error(`the engine failed: ${failed[0]?.error?.message}`);
}

function startJob(engine: TransferEngine, job: Exclude<ChildJob, { op: 'exit' }>): () => Promise<string> {
  if (job.op === 'upload')
    return () => engine.upload({ localPaths: [job.path], remoteParentId: 0, conflict: 'overwrite' });
  engine.setLimits({ segmentsPerFile: job.segmentsPerFile });
  const source = {
    fileId: job.fileId,
    name: 'big.bin',
    type: 'file' as const,
    size: job.size,
    etag: job.etag,
  };
  return () => engine.download({ sources: [source], localDir: job.dir, conflict: 'overwrite' });
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_CHILD_CONFIG ?? '{}') as ChildConfig;
  const direct = createDirectFetch();
  const client = createPanClient({
    baseUrl: config.baseUrl,
    credentials: { kind: 'client', clientId: config.clientId, clientSecret: config.clientSecret },
    fetch: direct.fetch,
    rateTable: false,
  });
  const engine = createTransferEngine({
    journalPath: config.journalPath,
    backend: createDriveBackend(() => client),
    fetch: direct.fetch,
  });
  engine.start();
  const phaseClock = createPhaseClock(engine);
  process.on('message', (job: ChildJob) => {
    if (job.op === 'exit') {
      void engine.close().then(() => direct.close().then(() => process.exit(0)));
      return;
    }
    const cpu = process.cpuUsage();
    const started = performance.now();
    const answer = (error?: string): void => {
      const used = process.cpuUsage(cpu);
      process.send?.({
        ms: performance.now() - started,
        cpuMs: (used.user + used.system) / 1000,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        phases: phaseClock.take(),
        ...(error === undefined ? {} : { error }),
      } satisfies ChildAnswer);
    };
    runToIdle(engine, startJob(engine, job)).then(
      () => answer(),
      (error: unknown) => answer(error instanceof Error ? error.message : String(error)),
    );
  });
  process.send?.({ ms: 0, cpuMs: 0, peakRssMb: process.resourceUsage().maxRSS / 1024, phases: {} });
}

void main();
