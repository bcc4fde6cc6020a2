import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolder } from './watch';

let root: string;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  rmSync(root, { recursive: true, force: true });
});

describe('folder watcher', () => {
  it('reports changed paths relative to the pair once they settle, and ignores its own folders', async () => {
    root = mkdtempSync(join(tmpdir(), 'pandesk-watch-'));
    mkdirSync(join(root, 'docs'));
    const seen = new Set<string>();
    let bothSeen!: () => void;
    const done = new Promise<void>((resolve) => (bothSeen = resolve));
    let ready!: () => void;
    const watching = new Promise<void>((resolve) => (ready = resolve));
    stop = watchFolder(
      root,
      (paths) => {
        for (const p of paths) seen.add(p);
        if (seen.has('b.txt') && seen.has('docs/a.txt')) bothSeen();
      },
      { debounceMs: 100, onReady: ready },
    );
    await watching;
    mkdirSync(join(root, '.pandesk-sync'));
    writeFileSync(join(root, '.pandesk-sync', 'staged.part'), 'x');
    writeFileSync(join(root, 'docs', 'a.txt'), 'a');
    writeFileSync(join(root, 'b.txt'), 'b');
    await done;
    expect([...seen].sort()).toEqual(['b.txt', 'docs/a.txt']);
  });
});
