import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './testing/harness';
import { createHarness } from './testing/harness';

let h: Harness;
afterEach(async () => h?.cleanup());

describe('transfer engine basics', () => {
  it('uploads a file in slices and downloads it back byte-identical', async () => {
    h = createHarness();
    const src = h.file('src/a.bin', 3 * 1024 * 1024 + 123);
    h.engine.start();
    await h.engine.upload({ localPaths: [src], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    const up = h.items()[0];
    expect(up?.state).toBe('completed');
    expect(h.drive.calls.uploadSlice).toBe(4);
    const remote = h.drive.list(0).find((e) => e.name === 'a.bin');
    expect(remote).toBeDefined();
    if (!remote) return;
    await h.engine.download({ sources: [{ fileId: remote.fileId, name: remote.name, type: 'file', size: remote.size, etag: remote.etag }], localDir: join(h.dir, 'out'), conflict: 'keep_both' });
    await h.engine.whenIdle();
    expect(readFileSync(join(h.dir, 'out', 'a.bin')).equals(readFileSync(src))).toBe(true);
  });
});
