/**
 * Only regular files are uploaded. A FIFO or a device is refused with words, at enqueue and
 * again when the job opens the path, and never stalls anything else: an unrelated upload and a
 * download verifying at the same time still finish, and the engine closes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { createHarness } from '../testing/harness';

const MiB = 1024 * 1024;
let h: Harness;
afterEach(async () => h?.cleanup());

function fifo(rel: string): string {
  const path = join(h.dir, rel);
  execFileSync('mkfifo', [path]);
  return path;
}

const NOT_REGULAR = /only regular files/i;

describe.skipIf(process.platform === 'win32')('special files', () => {
  it('refuses a FIFO and a device at enqueue while the rest of the queue runs', async () => {
    h = createHarness();
    const pipe = fifo('pipe');
    const plain = h.file('plain.bin', 3 * MiB);
    const remote = h.drive.addFile(0, 'down.bin', new Uint8Array(40 * MiB).fill(6)); // hashed while downloading
    h.engine.start();
    await h.engine.upload({
      localPaths: [pipe, '/dev/zero', plain],
      remoteParentId: 0,
      conflict: 'keep_both',
    });
    await h.engine.download({
      sources: [{ ...remote, type: 'file' }],
      localDir: join(h.dir, 'out'),
      conflict: 'keep_both',
    });
    await h.waitFor(() => h.byState('completed').length === 2, 'the regular upload and the download', 15_000);
    const failed = h.byState('failed');
    expect(failed.map((i) => i.name).sort()).toEqual(['pipe', 'zero']);
    for (const item of failed) expect(item.error).toMatchObject({ code: 'io', retryable: false });
    expect(failed[0]?.error?.message).toMatch(NOT_REGULAR);
    expect(h.drive.list(0).map((e) => e.name)).toContain('plain.bin');
    expect(readFileSync(join(h.dir, 'out', 'down.bin')).length).toBe(40 * MiB);
    await h.engine.close();
  });

  it('refuses a path that became a FIFO after it was queued, when the job opens it', async () => {
    h = createHarness();
    const path = h.file('became-a-pipe', 1000);
    const other = h.file('other.bin', 2 * MiB);
    await h.engine.upload({ localPaths: [path, other], remoteParentId: 0, conflict: 'keep_both' });
    rmSync(path);
    fifo('became-a-pipe');
    h.engine.start();
    await h.waitFor(
      () => h.byState('completed').length === 1 && h.byState('failed').length === 1,
      'both settled',
      15_000,
    );
    expect(h.byState('failed')[0]).toMatchObject({ name: 'became-a-pipe', error: { code: 'io' } });
    expect(h.byState('failed')[0]?.error?.message).toMatch(NOT_REGULAR);
    expect(h.byState('completed')[0]?.name).toBe('other.bin');
    await h.engine.close();
  });
});
