/**
 * What the crash test needs around its runs: the engine process run until a SIGKILL, local and
 * remote trees to compare, the journal a killed process left, and a replayable PRNG.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransferItem } from '@pandesk/contract';
import type { FakePan } from '@pandesk/fake-pan';
import { mulberry32 } from '@pandesk/fake-pan/testing';
import { createTransferEngine } from '@pandesk/transfer';
import type { DriveBackend } from '@pandesk/transfer';
import type { CrashConfig } from './crash-child';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');

/** Deterministic PRNG in [0, 1) so a failing run can be replayed (fake-pan's mulberry32). */
export function prng(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

export const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');

/** path (relative, '/'-separated) → md5 for files, 'dir' for folders. */
export function localTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(root, path).split('\\').join('/');
      if (statSync(path).isDirectory()) {
        out.set(rel, 'dir');
        walk(path);
      } else out.set(rel, md5(readFileSync(path)));
    }
  };
  walk(root);
  return out;
}

export function remoteTree(
  pan: FakePan,
  folderId: number,
  prefix = '',
  out = new Map<string, string>(),
): Map<string, string> {
  for (const node of pan.state.list(folderId)) {
    if (node.trashed) continue;
    const rel = prefix + node.name;
    if (node.type === 1) {
      out.set(rel, 'dir');
      remoteTree(pan, node.id, `${rel}/`, out);
    } else out.set(rel, node.md5);
  }
  return out;
}

export function prefixed(tree: Map<string, string>, prefix: string): Map<string, string> {
  const out = new Map<string, string>([[prefix, 'dir']]);
  for (const [k, v] of tree) out.set(`${prefix}/${k}`, v);
  return out;
}

export interface ChildRun {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the engine process; with `killAfterMs`, SIGKILLs it that long after it queued its work. */
export function runChild(config: CrashConfig, killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crash-child.ts')], {
      cwd: repoRoot,
      env: { ...process.env, CRASH_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    // The kill is timed from the moment the batches are queued (tsx start-up varies a lot).
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && timer === undefined && out.includes('ENQUEUED')) {
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, out, err });
    });
  });
}

const unused: DriveBackend = new Proxy({} as DriveBackend, {
  get: () => () => Promise.reject(new Error('the journal is only read here')),
});

/** The items a killed process left in its journal (read by an engine that is never started). */
export async function journaledItems(journalPath: string): Promise<TransferItem[]> {
  const engine = createTransferEngine({ journalPath, backend: unused });
  try {
    return [...engine.getPage({ offset: 0, limit: 1000 }).items];
  } finally {
    await engine.close();
  }
}
