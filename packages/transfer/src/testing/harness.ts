/**
 * Test set-up shared by the engine tests: a temp folder, a memory drive, a fast clock and an
 * engine wired to them, plus helpers to make files and wait for states.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TransferItem, TransferState } from '@pandesk/contract';
import type { TransferEngine, TransferEngineOptions } from '../engine';
import { createTransferEngine } from '../engine';
import type { Clock } from '../ports';
import { createFastClock } from './fake-clock';
import type { MemoryDrive, MemoryDriveOptions } from './memory-drive';
import { createMemoryDrive } from './memory-drive';

export interface Harness {
  dir: string;
  drive: MemoryDrive;
  clock: Clock;
  engine: TransferEngine;
  journalPath: string;
  /** Writes random bytes (or given content) at a path relative to dir; returns the absolute path. */
  file(rel: string, content: number | Uint8Array): string;
  /** A new engine on the same journal (the old one must be closed). */
  reopen(extra?: Partial<TransferEngineOptions>): TransferEngine;
  waitFor(pred: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  items(): TransferItem[];
  byState(state: TransferState): TransferItem[];
  cleanup(): Promise<void>;
}

export function createHarness(
  opts: { drive?: MemoryDriveOptions; engine?: Partial<TransferEngineOptions>; clock?: Clock } = {},
): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'pandesk-transfer-'));
  const clock = opts.clock ?? createFastClock();
  const drive = createMemoryDrive({ now: () => clock.now(), ...opts.drive });
  const journalPath = join(dir, 'journal.db');
  const make = (extra: Partial<TransferEngineOptions> = {}): TransferEngine =>
    createTransferEngine({
      journalPath,
      backend: drive.backend,
      fetch: drive.fetch,
      clock,
      // Files of any size go through the sliced flow unless a test asks for single step. No
      // stall watch: on the fast clock every sleep jumps ahead, so any wait would look like one.
      tuning: { segmentSize: 256 * 1024, singleUploadMaxBytes: 0, stallTimeoutMs: 0 },
      // The longest backoff, so virtual waits are predictable.
      random: () => 1,
      ...opts.engine,
      ...extra,
    });
  const h: Harness = {
    dir,
    drive,
    clock,
    journalPath,
    engine: make(),
    file(rel, content) {
      const path = join(dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, typeof content === 'number' ? randomBytes(content) : content);
      return path;
    },
    reopen(extra) {
      h.engine = make(extra);
      return h.engine;
    },
    async waitFor(pred, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pred()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    items: () => [...h.engine.getPage({ offset: 0, limit: 1000 }).items],
    byState: (state) => [...h.engine.getPage({ offset: 0, limit: 1000, states: [state] }).items],
    async cleanup() {
      await h.engine.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}
