/**
 * The deterministic demo drive (`--seed demo`): fixed folder names, a few hundred small files
 * of mixed types with seeded pseudo-random bytes, two large files streamed into the content
 * store (24 MB and 40 MB), one trashed file, and `Big folder (20000 files)` whose 20,000
 * entries share 16 small blobs. Runs only on an empty drive; takes a few seconds.
 */
import type { FileNode } from '../core/drive-state';
import { ROOT_ID } from '../core/drive-state';
import type { FakePanContext } from '../http/context';
import { prngBytes, prngStream } from './prng';

export const BIG_FOLDER_NAME = 'Big folder (20000 files)';
export const BIG_FOLDER_COUNT = 20_000;
const MB = 1024 * 1024;
/** 2025-03-01 10:00:00 +08:00: demo files get fixed times from here on (one per 37 s). */
const BASE_TIME = Date.UTC(2025, 2, 1, 2, 0, 0);

interface SmallSet {
  folder: string;
  count: number;
  name: (i: number) => string;
  /** Size in bytes of file `i`, a few KB. */
  size: (i: number) => number;
}

const pad = (n: number, width = 3): string => String(n).padStart(width, '0');

const SMALL_SETS: SmallSet[] = [
  {
    folder: 'Documents',
    count: 40,
    name: (i) => `note-${pad(i)}.txt`,
    size: (i) => 1024 + ((i * 397) % 3072),
  },
  {
    folder: 'Documents',
    count: 20,
    name: (i) => `report-${pad(i)}.md`,
    size: (i) => 2048 + ((i * 211) % 2048),
  },
  {
    folder: 'Documents/Invoices',
    count: 24,
    name: (i) => `invoice-2024-${pad(i)}.json`,
    size: (i) => 900 + i * 13,
  },
  {
    folder: 'Photos/2024',
    count: 80,
    name: (i) => `IMG_${pad(i + 1000, 4)}.jpg`,
    size: (i) => 3000 + ((i * 523) % 5000),
  },
  {
    folder: 'Photos/2023',
    count: 40,
    name: (i) => `DSC_${pad(i + 200, 4)}.png`,
    size: (i) => 2500 + ((i * 331) % 4000),
  },
  {
    folder: 'Music',
    count: 50,
    name: (i) => `track-${pad(i + 1, 2)}.mp3`,
    size: (i) => 4096 + ((i * 617) % 4096),
  },
  { folder: 'Videos', count: 6, name: (i) => `clip-${pad(i + 1, 2)}.mp4`, size: (i) => 6000 + i * 500 },
  {
    folder: 'Projects/pandesk/src',
    count: 30,
    name: (i) => `module-${pad(i)}.ts`,
    size: (i) => 800 + ((i * 97) % 2000),
  },
  {
    folder: 'Projects/pandesk/docs',
    count: 10,
    name: (i) => `chapter-${pad(i + 1, 2)}.md`,
    size: (i) => 1500 + i * 100,
  },
];

const LARGE_FILES = [
  { path: 'Videos', name: 'holiday-2024.mp4', size: 40 * MB, seed: 4040 },
  { path: 'Backups', name: 'archive-2024.zip', size: 24 * MB, seed: 2424 },
];

const BIG_EXTS = ['.txt', '.jpg', '.json', '.mp3', '.md', '.png', '.log', '.csv'];

function fixTime(node: FileNode, index: number, now: number): void {
  node.createAt = Math.min(now, BASE_TIME + index * 37_000);
  node.updateAt = node.createAt;
}

/** Builds the demo drive unless the drive already has content. */
export async function seedDemo(ctx: FakePanContext): Promise<void> {
  const { state, content } = ctx;
  if (state.tree.size > 0) return;
  const now = ctx.clock.now();
  let stamp = 0;
  const folder = (path: string): number => state.ensureFolderPath(ROOT_ID, path.split('/'));
  const addFile = async (parentId: number, name: string, bytes: Buffer): Promise<FileNode> => {
    const blob = await content.putBuffer(bytes);
    const node = state.createFile({ parentId, name, md5: blob.md5, size: blob.size });
    fixTime(node, stamp++, now);
    return node;
  };

  for (const [setIndex, set] of SMALL_SETS.entries()) {
    const parentId = folder(set.folder);
    for (let i = 0; i < set.count; i++)
      await addFile(parentId, set.name(i), prngBytes(setIndex * 10_000 + i + 1, set.size(i)));
  }
  const draft = await addFile(folder('Documents'), 'old-draft.txt', prngBytes(99, 1234));
  draft.trashed = true;

  for (const large of LARGE_FILES) {
    const blob = await content.putStream(prngStream(large.seed, large.size));
    fixTime(
      state.createFile({ parentId: folder(large.path), name: large.name, md5: blob.md5, size: blob.size }),
      stamp++,
      now,
    );
  }

  const bigId = folder(BIG_FOLDER_NAME);
  const blobs = await Promise.all(
    Array.from({ length: 16 }, (_, i) => content.putBuffer(prngBytes(50_000 + i, 256 + i * 64))),
  );
  for (let i = 0; i < BIG_FOLDER_COUNT; i++) {
    const blob = blobs[i % blobs.length] as (typeof blobs)[number];
    const name = `file-${pad(i + 1, 5)}${BIG_EXTS[i % BIG_EXTS.length] ?? '.txt'}`;
    fixTime(state.createFile({ parentId: bigId, name, md5: blob.md5, size: blob.size }), stamp++, now);
  }
  for (const node of state.tree.values()) if (node.type === 1) fixTime(node, 0, now);
  state.changed();
  state.flush();
}
