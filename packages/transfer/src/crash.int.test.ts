/**
 * Crash test: a child process runs the engine on a mixed batch (large and small files, nested
 * and empty folders, both directions) against fake-pan, and is killed with SIGKILL at random
 * moments several times, then left to finish. In the end every file is complete and
 * byte-identical on both sides, the drive holds no duplicates, and no queue entry was lost.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakePan } from '@pandesk/fake-pan';
import type { FakePan } from '@pandesk/fake-pan';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal } from './journal/journal';
import type { CrashConfig } from './testing/crash-child';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const MiB = 1024 * 1024;
const KILLS = 6;

/** Deterministic PRNG so a failing run can be replayed (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');

/** path (relative, '/'-separated) → md5 for files, 'dir' for folders. */
function localTree(root: string): Map<string, string> {
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

function remoteTree(
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

function runChild(
  config: CrashConfig,
  killAfterMs: number | null,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'testing', 'crash-child.ts')], {
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

describe('crash safety', () => {
  let pan: FakePan;
  let work: string;
  beforeAll(async () => {
    pan = await startFakePan({
      switches: { sliceSize: MiB },
      faults: { rateLimits: false, completePolls: 2 },
    });
    work = mkdtempSync(join(tmpdir(), 'pandesk-crash-'));
  });
  afterAll(async () => {
    await pan?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('survives repeated SIGKILLs with every file complete, no remote duplicates and no lost entries', async () => {
    const rand = prng(20261125);
    const up = join(work, 'up');
    const files: [string, number][] = [
      ['big1.bin', 24 * MiB],
      ['big2.bin', 12 * MiB],
      ['nested/deeper/mid.bin', 3 * MiB],
    ];
    for (let i = 0; i < 14; i++)
      files.push([`${i % 3 === 0 ? 'nested/' : ''}small-${i}.dat`, 1 + Math.floor(rand() * 200_000)]);
    for (const [rel, size] of files) {
      mkdirSync(dirname(join(up, rel)), { recursive: true });
      writeFileSync(join(up, rel), randomBytes(size));
    }
    mkdirSync(join(up, 'empty-folder'));
    const seed = pan.state.addFolder('/seed');
    await pan.state.addFile('/seed/huge.bin', randomBytes(20 * MiB));
    await pan.state.addFile('/seed/sub/part.bin', randomBytes(2 * MiB + 17));
    for (let i = 0; i < 10; i++)
      await pan.state.addFile(`/seed/s${i}.txt`, randomBytes(1 + Math.floor(rand() * 50_000)));
    pan.state.addFolder('/seed/hollow');
    const target = pan.state.addFolder('/target');
    const config: CrashConfig = {
      journalPath: join(work, 'journal.db'),
      baseUrl: pan.baseUrl,
      clientId: pan.clientId,
      clientSecret: pan.clientSecret,
      uploadDir: up,
      remoteParentId: target.id,
      downloadFolderId: seed.id,
      downloadDir: join(work, 'down'),
    };
    mkdirSync(config.downloadDir);

    let killedMidWork = 0;
    for (let k = 0; k < KILLS; k++) {
      const run = await runChild(config, 100 + Math.floor(rand() * 900));
      if (run.code === 0) break; // finished before the kill: nothing left to interrupt
      expect(run.err).not.toMatch(/crash-child failed/);
      if (run.out.includes('ENQUEUED')) killedMidWork++;
    }
    expect(killedMidWork).toBeGreaterThanOrEqual(3);
    const final = await runChild(config, null);
    expect(final.err).toBe('');
    expect(final.code).toBe(0);
    expect(final.out).toMatch(/DONE/);

    expect(remoteTree(pan, target.id)).toEqual(prefixed(localTree(up), 'up'));
    expect(localTree(join(config.downloadDir, 'seed'))).toEqual(remoteTree(pan, seed.id));
    expect(readdirSync(config.downloadDir)).toEqual(['seed']);

    const journal = createJournal(config.journalPath);
    const page = journal.page({ offset: 0, limit: 1000 });
    journal.close();
    const expectedUploads = localTree(up).size + 1; // every file and folder, plus the top folder
    const expectedDownloads = remoteTree(pan, seed.id).size + 1;
    expect(page.total).toBe(expectedUploads + expectedDownloads);
    expect(page.items.filter((i) => i.state !== 'completed')).toEqual([]);
  }, 300_000);
});

function prefixed(tree: Map<string, string>, prefix: string): Map<string, string> {
  const out = new Map<string, string>([[prefix, 'dir']]);
  for (const [k, v] of tree) out.set(`${prefix}/${k}`, v);
  return out;
}
