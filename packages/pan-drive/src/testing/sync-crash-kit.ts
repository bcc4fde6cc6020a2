/**
 * Around the sync child: a pair registered in a fresh journal, the child run until done or
 * SIGKILLed a given time after it started, and the versions kept aside (local trash folder,
 * the cloud recycle bin under the pair's folder).
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SyncPairConfig } from '@pandesk/contract';
import { openSyncStore } from '@pandesk/sync';
import { createTransferEngine } from '@pandesk/transfer';
import type { DriveBackend } from '@pandesk/transfer';
import type { SyncChildConfig } from './sync-child';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');

const unused: DriveBackend = new Proxy({} as DriveBackend, {
  get: () => () => Promise.reject(new Error('the journal is only written here')),
});

/** Registers the pair in the journal at `journalPath` (the child finds it there). */
export async function registerPair(journalPath: string, id: string, config: SyncPairConfig): Promise<void> {
  const engine = createTransferEngine({ journalPath, backend: unused });
  try {
    openSyncStore(engine.database()).pairs.add({
      id,
      config,
      paused: false,
      createdAt: 1,
      caseInsensitive: false,
    });
  } finally {
    await engine.close();
  }
}

export interface ChildOutcome {
  readonly killed: boolean;
  readonly done: boolean;
  readonly out: string;
  readonly err: string;
}

/** Runs the sync child; with `killAfterMs`, SIGKILLs it that long after it printed STARTED. */
export function runSyncChild(config: SyncChildConfig, killAfterMs: number | null): Promise<ChildOutcome> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'sync-child.ts')], {
      cwd: repoRoot,
      env: { ...process.env, SYNC_CHILD: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && timer === undefined && out.includes('STARTED'))
        timer = setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', () => {
      clearTimeout(timer);
      resolveRun({ killed: killed && !out.includes('DONE'), done: out.includes('DONE'), out, err });
    });
  });
}
