/**
 * The engine's process: bundled with esbuild like the desktop build bundles its main process
 * (one file, the hashing thread and SQLite's WebAssembly beside it), started with fork and
 * driven one job at a time over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ChildAnswer, ChildConfig, ChildJob } from './engine-child';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles engine-child.ts and the hashing thread into `work`; returns the engine's file. */
export async function bundleEngine(work: string): Promise<string> {
  const require = createRequire(import.meta.url);
  await build({
    entryPoints: {
      'engine-child': join(here, 'engine-child.ts'),
      'hash-thread': require.resolve('@pandesk/transfer/hash-thread'),
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir: work,
    outExtension: { '.js': '.cjs' },
    // The hashing workers find their thread next to the module that starts them.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  const fromTransfer = createRequire(require.resolve('@pandesk/transfer'));
  const wasm = join(dirname(fromTransfer.resolve('node-sqlite3-wasm')), 'node-sqlite3-wasm.wasm');
  copyFileSync(wasm, join(work, 'node-sqlite3-wasm.wasm'));
  return join(work, 'engine-child.cjs');
}

export interface Engine {
  run(job: Exclude<ChildJob, { op: 'exit' }>): Promise<ChildAnswer>;
  stop(): void;
  /** Peak resident memory of the last job, MB. */
  peakRssMb: number;
  /** Resident memory of the idle engine right after it started, MB. */
  readonly restingRssMb: number;
}

export function startEngine(bundle: string, config: ChildConfig): Promise<Engine> {
  const child: ChildProcess = fork(bundle, [], {
    execArgv: process.env.BENCH_ENGINE_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    env: { ...process.env, BENCH_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (): Promise<ChildAnswer> =>
    new Promise((resolveAnswer, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the engine process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (answer: ChildAnswer) => {
        child.off('exit', onExit);
        resolveAnswer(answer);
      });
    });
  return next().then((ready) => {
    const engine: Engine = {
      peakRssMb: ready.peakRssMb,
      restingRssMb: ready.rssMb,
      async run(job) {
        const answer = next();
        child.send(job);
        const result = await answer;
        engine.peakRssMb = result.peakRssMb;
        return result;
      },
      stop: () => void child.send({ op: 'exit' } satisfies ChildJob),
    };
    return engine;
  });
}
