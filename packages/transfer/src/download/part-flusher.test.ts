import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Journal } from '../journal/journal';
import { createPartFlusher } from './part-flusher';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Records the order of syncs and journal writes, which is what the invariant is about. */
async function setup(failSync = false) {
  const dir = mkdtempSync(join(tmpdir(), 'pf-flush-'));
  dirs.push(dir);
  const handle = await open(join(dir, 'x.part'), 'w+');
  const log: string[] = [];
  let release: () => void = () => undefined;
  const gate = { hold: false };
  const realSync = handle.datasync.bind(handle);
  handle.datasync = async () => {
    log.push('sync');
    if (gate.hold) await new Promise<void>((r) => (release = r));
    if (failSync) throw Object.assign(new Error('EIO'), { code: 'EIO' });
    await realSync();
  };
  const journal = {
    transaction: <T>(fn: () => T): T => {
      log.push('begin');
      return fn();
    },
    addPart: (_id: string, no: number) => void log.push(`part ${no}`),
  } as unknown as Journal;
  return { handle, log, gate, release: () => release(), journal };
}

describe('part flusher', () => {
  it('journals segments only after a sync that started once they were finished', async () => {
    const s = await setup();
    const flusher = createPartFlusher(s.handle, s.journal, 'item', 100);
    flusher.finished(1, 60);
    expect(s.log).toEqual([]);
    s.gate.hold = true;
    flusher.finished(2, 60);
    expect(s.log).toEqual(['sync']);
    flusher.finished(3, 60); // finished while the sync runs: must wait for the next one
    s.release();
    s.gate.hold = false;
    await flusher.drain();
    expect(s.log).toEqual(['sync', 'begin', 'part 1', 'part 2', 'sync', 'begin', 'part 3']);
    await s.handle.close();
  });

  it('drain flushes a small remainder, and a failed sync journals nothing and is rethrown', async () => {
    const ok = await setup();
    const flusher = createPartFlusher(ok.handle, ok.journal, 'item', 1000);
    flusher.finished(7, 10);
    await flusher.drain();
    expect(ok.log).toEqual(['sync', 'begin', 'part 7']);
    await ok.handle.close();
    const bad = await setup(true);
    const failing = createPartFlusher(bad.handle, bad.journal, 'item', 10);
    failing.finished(1, 20);
    await expect(failing.drain()).rejects.toThrow('EIO');
    expect(bad.log).toEqual(['sync']);
    await bad.handle.close();
  });
});
